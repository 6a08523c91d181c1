// Rules with `after`: scheduled on the event that matched them, fired when due
// unless the record or the stage opening they belong to is gone (a timer is
// never removed; a stale one does nothing).
import type { RecordState, RuleTimer } from "../types";
import { ruleOf, type PreparedRule } from "../program/prepare";
import { dueTime } from "../time/calendar";
import { formatInstant } from "../time/instants";
import type { EngineHost } from "./engine-host";
import { eventName, keepCauseName, timerFiring } from "./firing";
import type { PendingEvent } from "./pending-event";
import { openingState } from "./record-state";
import { runActions } from "./run-actions";
import { traceRule } from "./trace";
import { contextFor } from "./triggers";

export function scheduleRuleTimer(host: EngineHost, rule: PreparedRule, record: RecordState, event: PendingEvent): void {
  const state = host.state;
  const timer: RuleTimer = {
    kind: "rule",
    seq: ++state.timerSeq,
    due: dueTime(host.turn.now, rule.delay!, host.calendar),
    cause: event.id,
    rule: rule.id,
    record: record.ref,
    born: record.born,
    eventType: event.type,
    changes: event.changes,
    previous: event.previous,
    eventData: event.eventData,
    from: host.turn.now,
  };
  keepCauseName(timer, eventName(event.firing, event.lineage));
  if (rule.stageTrigger !== undefined) {
    timer.stage = rule.stageTrigger.stage;
    timer.opening = record.openings[rule.stageTrigger.stage] ?? 0;
  }
  state.schedule(timer);
  if (host.onTrace) {
    traceRule(host, rule.name, record.ref, event.id, event.type, false, `scheduled as t${timer.seq}, due ${formatInstant(timer.due)}`);
  }
}

/** Fires a due rule timer; the engine has begun its turn (`id` is `tK`). */
export function fireRuleTimer(host: EngineHost, timer: RuleTimer, id: string): void {
  const rule = ruleOf(host.prepared, timer.rule);
  const record = host.state.records.get(timer.record);
  if (!record || record.born !== timer.born) {
    if (host.onTrace) traceRule(host, rule.name, timer.record, id, "timer", false, "the record was deleted before the timer came due");
    return;
  }
  const stale = timer.stage === undefined ? undefined : staleStageTimer(record, timer.stage, timer.opening ?? 0, rule.stageTrigger?.edge ?? "open");
  if (stale !== undefined) {
    if (host.onTrace) traceRule(host, rule.name, record.ref, id, "timer", false, stale);
    return;
  }
  const ctx = contextFor(host, record, timer);
  if (rule.condition && !rule.condition(ctx)) {
    if (host.onTrace) traceRule(host, rule.name, record.ref, id, "timer", false, "condition is false when the timer came due", rule.conditionExpr, ctx);
    return;
  }
  if (host.onTrace) traceRule(host, rule.name, record.ref, id, "timer", true, "fired (timer due)", rule.conditionExpr, ctx);
  host.onCoverage?.({ kind: "rule", rule: rule.id });
  runActions(host, rule.actions, ctx, record.ref, timerFiring(timer.cause, id, rule.name, `${rule.id}\u0000${record.ref}`, timer.lineage));
}

/**
 * Why a stage timer no longer applies, or undefined when it does. `open after`:
 * S must still be open in the same opening; `close after`: S must not have
 * opened again since it closed (docs/language.md: closing cancels the one, re-opening
 * the other).
 */
function staleStageTimer(record: RecordState, stage: string, opening: number, edge: "open" | "close"): string | undefined {
  if (edge === "close") return record.openings[stage] !== opening ? `stage "${stage}" was opened again since it closed; the timer belonged to that close` : undefined;
  const state = openingState(record, stage, opening);
  if (state === "closed") return `stage "${stage}" was no longer open when the timer came due`;
  return state === "reopened" ? `stage "${stage}" was re-opened since; this timer belonged to the earlier opening` : undefined;
}
