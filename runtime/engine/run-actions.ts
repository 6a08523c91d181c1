// A firing's actions: each is decided against the current state
// (decide-action.ts, pure) and its decisions are then applied in order.
import type { EvalContext, RecordState } from "../types";
import type { PreparedAction } from "../program/prepare";
import { decideAction } from "./decide-action";
import type { Decision } from "./decisions";
import type { EngineHost } from "./engine-host";
import type { Firing } from "./firing";
import { closeStage, createRecord, openStage, updateFields } from "./record-changes";
import { traceSkip } from "./trace";
import { compareText } from "../program/compare-text";

/**
 * Runs actions in written order on the record `ref`; each decides against the
 * state the previous ones left, read through `view` when given (a workflow
 * instance's own key record).
 */
export function runActions(
  host: EngineHost,
  actions: readonly PreparedAction[],
  ctx: EvalContext,
  ref: string,
  firing: Firing,
  view?: (record: RecordState) => RecordState,
): void {
  const records = host.state.records;
  for (const action of actions) {
    // A `deleted` rule acts on the record as it was: its effects go out, its state changes find nothing to change.
    const current = records.get(ref);
    const record = current === undefined ? ctx.record : view ? view(current) : current;
    ctx.record = record;
    if (action.action.kind === "forEach") {
      runForEach(host, action, ctx, ref, firing);
      continue;
    }
    for (const decision of decideAction(action, ctx, host)) {
      applyDecision(host, decision, records.get(ref) ?? record, firing);
    }
  }
}

/**
 * `for each deal of contact { … }`: the block runs on each deal whose reference
 * refers to `ref` now, in ref order (the index's set order depends on write
 * history); the referrers come from the reference index, never a scan. Each
 * deal's changes go through the same paths as its own rules' (updated line,
 * rules, referrers).
 */
function runForEach(host: EngineHost, prepared: PreparedAction, ctx: EvalContext, ref: string, firing: Firing): void {
  const action = prepared.action;
  if (action.kind !== "forEach") throw new Error("runForEach called for another action");
  const referring = host.state.references.referrers({ entity: action.entity, field: action.field }, ref);
  if (referring === undefined) return;
  const refs = [...referring].sort(compareText);
  for (const each of refs) {
    const record = host.state.records.get(each);
    if (record === undefined) continue;
    runActions(host, prepared.actions!, { ...ctx, record, changes: null, previous: null }, each, firing);
  }
}

function applyDecision(host: EngineHost, decision: Decision, record: RecordState, firing: Firing): void {
  const records = host.state.records;
  switch (decision.kind) {
    case "effect": {
      host.turn.emit(host.turn.nextId(), record.ref, decision.type, decision.data, firing);
      return;
    }
    case "skip":
      if (decision.effect && firing.rule !== null) host.onSkippedEffect?.(firing.rule, `${decision.action}: ${decision.reason}`);
      traceSkip(host, firing, record.ref, decision.action, decision.reason);
      return;
    case "open": {
      const target = records.get(decision.ref);
      if (target) openStage(host, target, decision.stage, decision.by, firing);
      return;
    }
    case "close": {
      const target = records.get(decision.ref);
      if (target && Object.hasOwn(target.open, decision.stage)) closeStage(host, target, decision.stage, firing);
      return;
    }
    case "update": {
      if (decision.roundRobinTeam !== undefined) {
        const team = decision.roundRobinTeam;
        host.state.teamCounters.set(team, host.teamCounter(team) + (decision.roundRobinSteps ?? 1));
      }
      const target = records.get(decision.ref);
      if (target) updateFields(host, target, decision.fields, firing);
      return;
    }
    case "create":
      createRecord(host, decision.entity, decision.fields, firing);
      return;
  }
}
