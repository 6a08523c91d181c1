// A rule on an event its handler index matched: it is skipped, scheduled (a
// rule with `after`, rule-timers.ts) or fired, which runs its actions.
import type { PreparedRule } from "../program/prepare";
import type { EngineHost } from "./engine-host";
import { firingOn } from "./firing";
import type { PendingEvent } from "./pending-event";
import { scheduleRuleTimer } from "./rule-timers";
import { runActions } from "./run-actions";
import { traceRule } from "./trace";
import { contextFor, openingEnded, turnsTrue } from "./triggers";

export function considerRule(host: EngineHost, rule: PreparedRule, event: PendingEvent): void {
  const record = event.removed ?? host.state.records.get(event.ref);
  if (!record) return;
  if (rule.stageTrigger?.edge === "open" && event.opening !== undefined) {
    const ended = openingEnded(record, event);
    if (ended !== undefined) {
      if (host.onTrace) traceRule(host, rule.name, record.ref, event.id, event.type, false, ended);
      return;
    }
  }
  const ctx = contextFor(host, record, event);
  if (rule.becomes && !turnsTrue(host, rule.becomes, rule.key, record, ctx, rule.name, event)) return;
  if (rule.delay) {
    scheduleRuleTimer(host, rule, record, event);
    return;
  }
  if (rule.condition && !rule.condition(ctx)) {
    if (host.onTrace) traceRule(host, rule.name, record.ref, event.id, event.type, false, "condition is false", rule.conditionExpr, ctx);
    return;
  }
  if (host.onTrace) {
    // A `becomes` rule fires because its condition turned true: say so, with the values that made it true.
    const reason = rule.becomes ? "fired (its condition turned true)" : "fired";
    traceRule(host, rule.name, record.ref, event.id, event.type, true, reason, rule.conditionExpr ?? rule.becomes, ctx);
  }
  host.onCoverage?.({ kind: "rule", rule: rule.id });
  runActions(host, rule.actions, ctx, record.ref, firingOn(event.id, event.firing, rule.name, event.lineage, rule.id));
}
