// Carries out a migration plan (migration-plan.ts): the snapshot the new
// rules resume from, and the outputs that say what the deploy did, so that
// nothing changes silently (docs/contract.md "Deploy outputs"):
//
//   rules.deployed   entity `rules/<new fingerprint>`, {from, to, changes}
//   timer.cancelled  the timer's record, {timer, due}; rule: the old rule
//   timer.moved      the timer's record, {timer, from, to}; rule: the new rule
//
// The deploy takes the next timer number, as a timer firing would: its
// outputs are `tN` (rules.deployed) and `tN.1`, `tN.2`… caused by it. A plan
// with the same rules on both sides changes nothing and outputs nothing.
// Records lose the values of fields the new rules removed (the plan's
// `schema.dropped`): no rule can read them, and no event can set them.
import type { Program, WorkflowDef } from "../program/ir";
import type { OutputRecord, Snapshot, TimerState, WorkflowInstance } from "../types";
import { programManifest } from "../program/identity";
import { parseInstant } from "../time/instants";
import { isEmptyPlan, type MigrationPlan } from "./migration-plan";
import { describeProgramChanges } from "../errors";
import { withoutRemovedFields } from "./schema-fit";
import { compareText } from "../program/compare-text";

export const DEPLOY_OUTPUT_TYPES = ["rules.deployed", "timer.cancelled", "timer.moved"] as const;

export interface Migrated {
  snapshot: Snapshot;
  outputs: OutputRecord[];
}

export function applyMigration(snapshot: Snapshot, program: Program, plan: MigrationPlan): Migrated {
  if (isEmptyPlan(plan)) return { snapshot, outputs: [] };
  const at = parseInstant(plan.at);
  const seq = snapshot.timerSeq + 1;
  const id = `t${seq}`;
  const outputs: OutputRecord[] = [
    { id, at: plan.at, entity: `rules/${plan.to}`, type: "rules.deployed", data: { from: plan.from, to: plan.to, changes: describeProgramChanges(plan.rules) }, cause: id, rule: null },
  ];
  const changes = new Map(plan.timers.map((change) => [change.seq, change]));
  const timers: TimerState[] = [];
  for (const timer of snapshot.timers) {
    const change = changes.get(timer.seq);
    if (!change) timers.push(timer);
    else if (change.change === "moved") timers.push({ ...timer, due: parseInstant(change.to) });
  }
  for (const change of plan.timers) {
    const output = { id: `${id}.${outputs.length}`, at: plan.at, entity: change.record, cause: id, rule: change.ruleName };
    if (change.change === "cancelled") outputs.push({ ...output, type: "timer.cancelled", data: { timer: change.timer, due: change.due } });
    else outputs.push({ ...output, type: "timer.moved", data: { timer: change.timer, from: change.from, to: change.to } });
  }
  const instances = new Map(plan.instances.map((change) => [change.key, change]));
  const saved = new Map((snapshot.workflows ?? []).map((workflow) => [workflow.id, workflow]));
  const kept = new Map<string, WorkflowDef>();
  const moved: WorkflowInstance[] = snapshot.instances.map((instance) => {
    const change = instances.get(instance.key);
    if (!change) return instance;
    if (change.change === "moves") return { ...instance, pc: change.newStep };
    const definition = saved.get(instance.workflow)!;
    // The identity is the plan's `runs`; it is worked out once per kept version, not per instance.
    if (!kept.has(change.runs)) kept.set(change.runs, { ...definition, id: change.runs });
    return { ...instance, workflow: change.runs };
  });
  // Every version an instance runs travels with the snapshot; the engine keeps the ones the program lacks.
  const workflows = new Map<string, WorkflowDef>();
  for (const workflow of program.workflows) workflows.set(workflow.id, workflow);
  for (const [identity, definition] of saved) if (!workflows.has(identity)) workflows.set(identity, definition);
  for (const [identity, definition] of kept) workflows.set(identity, definition);
  const live = new Set(moved.map((instance) => instance.workflow));
  const result: Snapshot = {
    ...snapshot,
    program: programManifest(program),
    clock: Math.max(snapshot.clock ?? at, at),
    timers,
    timerSeq: seq,
    instances: moved,
  };
  if (plan.schema) result.records = withoutRemovedFields(snapshot.records, plan.schema);
  const carried = [...workflows.values()].filter((workflow) => live.has(workflow.id)).sort((a, b) => compareText(a.id, b.id));
  if (carried.length > 0) result.workflows = carried;
  else delete result.workflows;
  return { snapshot: result, outputs };
}
