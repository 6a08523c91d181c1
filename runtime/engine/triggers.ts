// What rules and workflow enrollments alike ask of the event that triggers
// them: the values their conditions read, whether the stage opening they
// belong to still lasts, and whether a `becomes` condition turns true.
import type { EvalContext, RecordState, RuleTimer } from "../types";
import type { CompiledExpr } from "../expressions/compile-expr";
import type { EngineHost } from "./engine-host";
import type { PendingEvent } from "./pending-event";
import { openingState, withBecomes } from "./record-state";
import { traceRule } from "./trace";

export function contextFor(host: EngineHost, record: RecordState, event: PendingEvent | RuleTimer): EvalContext {
  return {
    record,
    lookup: host.lookup,
    changes: event.changes,
    previous: event.previous,
    eventData: event.eventData,
    now: host.turn.now,
    calendar: host.calendar,
  };
}

/**
 * Rules of `stage "S" open` run for the opening that triggered them: when an
 * earlier rule of the same firing has already closed S (or closed and opened it
 * again), they are skipped, as a timer of that opening would be. Returns why
 * the opening has ended, or undefined while it lasts.
 */
export function openingEnded(record: RecordState, event: PendingEvent): string | undefined {
  const stage = event.stage!;
  const state = openingState(record, stage, event.opening);
  if (state === "closed") return `stage "${stage}" was no longer open when its open rules ran`;
  if (state === "reopened") return `stage "${stage}" was opened again since; its rules run for that opening`;
  return undefined;
}

/** `becomes`: true only on the change that turns the condition from false to true on this record. */
export function turnsTrue(
  host: EngineHost,
  condition: CompiledExpr,
  key: string,
  record: RecordState,
  ctx: EvalContext,
  name: string,
  event: PendingEvent,
): boolean {
  const now = condition.evaluate(ctx) === true;
  const before = record.becomes[key] === true;
  if (now !== before) host.state.writeRecord(record, withBecomes(record, key, now));
  if (now && !before) return true;
  if (host.onTrace) {
    const reason = now ? "its condition stays true (`becomes` fires only on the change that turns it true)" : "condition is false";
    traceRule(host, name, record.ref, event.id, event.type, false, reason, condition, ctx);
  }
  return false;
}
