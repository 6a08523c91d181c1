// The events waiting for their rules inside one firing, and what the workflow
// runner needs from the engine to run steps.
import type { Calendar, Value } from "../program/ir";
import type { EvalContext, RecordState, RuleTimer, TraceRecord } from "../types";
import type { PreparedAction, PreparedProgram } from "../program/prepare";
import type { CompiledExpr } from "../expressions/compile-expr";
import type { EngineState } from "./engine-state";
import type { Firing } from "./firing";

/** An event waiting for its rules: an input event's own change, or a derived event. */
export interface PendingEvent {
  /** The cause of everything its rules produce. */
  id: string;
  ref: string;
  entity: string;
  type: string;
  stage: string | undefined;
  changes: Record<string, Value> | null;
  previous: Record<string, Value> | null;
  eventData: Record<string, Value> | null;
  /** For `stage.opened`: which opening of the stage it is (its open rules run only while it lasts). */
  opening?: number;
  /** For `deleted`: the record as it was, which its rules read. */
  removed: RecordState | undefined;
  /** The firing that produced it; the rules it runs act one level deeper. */
  firing: Firing;
}

/**
 * Runs actions in written order on the record `ref`; each decides against the
 * state the previous ones left, read through `view` when given (a workflow
 * instance's own key record).
 */
export type RunActions = (
  actions: PreparedAction[],
  ctx: EvalContext,
  ref: string,
  firing: Firing,
  view?: (record: RecordState) => RecordState,
) => void;

/** The engine as the workflow runner sees it. */
export interface EngineHost {
  readonly state: EngineState;
  readonly prepared: PreparedProgram;
  readonly calendar: Calendar;
  readonly onTrace: ((trace: TraceRecord) => void) | undefined;
  readonly lookup: (ref: string) => RecordState | undefined;
  readonly now: number;
  contextFor(record: RecordState, event: PendingEvent | RuleTimer): EvalContext;
  /** Why the opening a `stage.opened` event announced has ended, or undefined while it lasts. */
  openingEnded(record: RecordState, event: PendingEvent): string | undefined;
  turnsTrue(condition: CompiledExpr, key: string, record: RecordState, ctx: EvalContext, name: string, event: PendingEvent): boolean;
  runActions: RunActions;
  traceRule(
    rule: string,
    record: string,
    event: string,
    eventType: string,
    fired: boolean,
    reason: string,
    expr?: CompiledExpr | null,
    ctx?: EvalContext,
  ): void;
}
