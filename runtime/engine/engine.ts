// The engine: folds input events into record state, runs the rules each event
// matches, fires timers in due order, and returns what it derived. Outputs are
// values; writing them anywhere is the caller's job. This file orders the work
// of one turn (an input event or a due timer, turn.ts); the parts it calls each
// do one job (runtime/README.md "How an event runs").
import type { Calendar, InputEvent, Program, WorkflowDef } from "../program/ir";
import type { CoverageHit, Engine, EngineOptions, OutputRecord, RecordState, Snapshot, TraceRecord } from "../types";
import { prepareProgram, type PreparedProgram } from "../program/prepare";
import { schemaOf, type Schema } from "../program/schema";
import { formatInstant, parseInstant } from "../time/instants";
import { EventOrderError, RuntimeError } from "../errors";
import { WorkflowRunner } from "../workflows/workflow-runner";
import { Diagnostics } from "../../diagnostics/messages";
import { diagnose } from "../../diagnostics/message";
import { applyInput } from "./apply-input";
import { considerRule } from "./consider-rule";
import type { EngineHost } from "./engine-host";
import { EngineState } from "./engine-state";
import { CHANGE_TYPES, type PendingEvent } from "./pending-event";
import { reevaluateReferrers } from "./reevaluate-referrers";
import { fireRuleTimer } from "./rule-timers";
import { traceEvent } from "./trace";
import { Turn } from "./turn";

export const DEFAULT_CASCADE_BOUND = 100;

export function createEngine(program: Program, options: EngineOptions = {}): Engine {
  return new StagecraftEngine(program, options);
}

/**
 * The earlier versions of workflows a snapshot's instances still run (those
 * of its `workflows` the program has no workflow of that identity for):
 * they run beside the program's own, with no enrollments.
 */
function keptWorkflows(program: Program, snapshot: Snapshot | undefined): WorkflowDef[] {
  const saved = snapshot?.workflows;
  if (!Array.isArray(saved)) return [];
  const own = new Set(program.workflows.map((workflow) => workflow.id));
  return saved.filter((workflow) => !own.has(workflow.id)).map((workflow) => ({ ...workflow, enrollments: [] }));
}

class StagecraftEngine implements Engine, EngineHost {
  readonly schema: Schema;
  readonly prepared: PreparedProgram;
  readonly calendar: Calendar;
  readonly state: EngineState;
  readonly onTrace: ((trace: TraceRecord) => void) | undefined;
  readonly onSkippedEffect: ((rule: string, reason: string) => void) | undefined;
  readonly onCoverage: ((hit: CoverageHit) => void) | undefined;
  readonly lookup = (ref: string): RecordState | undefined => this.state.records.get(ref);
  readonly turn: Turn;
  readonly workflows: WorkflowRunner = new WorkflowRunner(this);

  constructor(program: Program, options: EngineOptions) {
    this.schema = schemaOf(program);
    const kept = keptWorkflows(program, options.snapshot);
    this.prepared = prepareProgram(kept.length === 0 ? program : { ...program, workflows: program.workflows.concat(kept) }, options.compiled);
    this.calendar = program.calendar;
    this.state = new EngineState(program, this.prepared.loadFields, this.prepared.references.fields);
    this.state.workflowDef = (id) => this.prepared.workflowsById.get(id)?.def;
    this.onTrace = options.onTrace;
    this.onSkippedEffect = options.onSkippedEffect;
    this.onCoverage = options.onCoverage;
    this.turn = new Turn(options.cascadeBound ?? DEFAULT_CASCADE_BOUND);
    if (options.snapshot) this.state.restore(options.snapshot);
  }

  // ------------------------------------------------------------ public API

  process(event: InputEvent): OutputRecord[] {
    const at = parseInstant(event.at);
    if (Number.isNaN(at)) throw new RuntimeError(diagnose(Diagnostics.InvalidEventTime, { id: event.id, time: event.at }));
    const clock = this.state.clock;
    if (clock !== null && at < clock) throw new EventOrderError(event.id, event.at, formatInstant(clock));
    const outputs: OutputRecord[] = [];
    this.turn.outputs = outputs;
    try {
      this.fireTimersDue(at);
      this.state.clock = at;
      this.turn.beginInput(event.id, at, event.at);
      applyInput(this, event);
      this.drain();
    } catch (error) {
      this.abandon(error, outputs);
    }
    return outputs;
  }

  advanceTo(isoTime: string): OutputRecord[] {
    const until = parseInstant(isoTime);
    if (Number.isNaN(until)) throw new RuntimeError(diagnose(Diagnostics.InvalidTime, { time: isoTime }));
    const outputs: OutputRecord[] = [];
    this.turn.outputs = outputs;
    try {
      this.fireTimersDue(until);
    } catch (error) {
      this.abandon(error, outputs);
    }
    if (this.state.clock === null || until > this.state.clock) this.state.clock = until;
    return outputs;
  }

  snapshot(): Snapshot {
    return this.state.snapshot();
  }

  nextDueAt(): number | null {
    return this.state.timers.peek()?.due ?? null;
  }

  record(ref: string): RecordState | undefined {
    return this.state.records.get(ref);
  }

  // ------------------------------------------------------------ DecisionWorld

  teamCounter(team: string): number {
    return this.state.teamCounters.get(team) ?? 0;
  }

  load(entity: string, field: string, member: string): number {
    return this.state.load(entity, field, member);
  }

  // ------------------------------------------------------------ turns

  /** A runtime error keeps the outputs made before it (errors.ts); the events still queued are dropped. */
  private abandon(error: unknown, outputs: OutputRecord[]): never {
    if (error instanceof RuntimeError) error.outputs = outputs;
    this.turn.queue.length = 0;
    throw error;
  }

  private fireTimersDue(limit: number): void {
    for (let timer = this.state.takeDue(limit); timer !== undefined; timer = this.state.takeDue(limit)) {
      this.state.clock = Math.max(this.state.clock ?? timer.due, timer.due);
      const id = `t${timer.seq}`;
      this.turn.beginTimer(id, timer.due);
      if (timer.kind === "rule") fireRuleTimer(this, timer, id);
      else this.workflows.fireTimer(timer);
      this.drain();
    }
  }

  /** Derived events first-in first-out (docs/language.md "Order"). */
  private drain(): void {
    const queue = this.turn.queue;
    for (let i = 0; i < queue.length; i++) this.handle(queue[i]!);
    queue.length = 0;
  }

  /** One event: the rules and enrollments its handlers index names, then what its change wakes elsewhere. */
  private handle(event: PendingEvent): void {
    if (this.onTrace) traceEvent(this, event);
    const handlers = this.prepared.handlers.get(event.entity, event.type, event.stage);
    if (handlers) {
      for (const handler of handlers) {
        if (handler.kind === "rule") considerRule(this, handler.rule, event);
        else this.workflows.considerEnrollment(handler.workflow, handler.enrollment, event);
      }
    }
    const bound = this.state.instancesByRecord;
    if (bound.size > 0 && CHANGE_TYPES.has(event.type) && bound.has(event.ref)) this.workflows.resumeWaitsUntil(event);
    const routes = this.prepared.references.routes.get(event.entity);
    if (routes !== undefined && (CHANGE_TYPES.has(event.type) || event.type === "deleted")) reevaluateReferrers(this, event, routes);
  }
}
