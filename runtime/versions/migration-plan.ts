// What a deploy of new rules does to the state the old rules left: the
// migration plan (docs/versions.md "Migration"). Computed from a snapshot, the
// new program and the instant of the deploy, never the wall clock, so the
// same state and rules give the same plan everywhere (a service's deploy, its
// replay, `run --resume`).
//
// - A pending timer of a rule whose behaviour is unchanged continues.
// - A timer of a removed rule is cancelled, and so is one of a changed rule
//   that no longer waits, or now waits on another stage or event.
// - A timer of a changed rule that still waits is re-derived from its anchor
//   (the instant it was scheduled: the stage opening, the event) under the new
//   delay; when that is already past it comes due at the deploy, so it fires
//   at once.
// - A workflow instance of a changed or removed workflow stays on the version
//   it enrolled in until it ends, unless the new version has the step it
//   stands at (by step name, workflow-steps.ts): then it goes on there.
//   New enrollments use the new version.
// - When an entity's declaration changed or went, its records are checked
//   against the new one (schema-fit.ts): a deploy that leaves a record the
//   new rules cannot hold is refused (deploy-rules.ts).
import type { Program, RuleDef, WorkflowDef } from "../program/ir";
import type { RuleTimer, Snapshot } from "../types";
import { comparePrograms, programManifest, type ManifestItem, type ProgramChanges } from "../program/identity";
import { digestOf } from "../program/digest";
import { savedProgram } from "../engine/engine-state";
import { dueTime } from "../time/calendar";
import { formatInstant } from "../time/instants";
import { workflowStepNames } from "./workflow-steps";
import { checkSchemaFit, type SchemaCheck } from "./schema-fit";
import { SnapshotError } from "../errors";
import { compareText } from "../program/compare-text";

export interface TimerCancel {
  change: "cancelled";
  /** The id the timer would have fired as (`t5`). */
  timer: string;
  seq: number;
  /** The rule's identity and its name as outputs give it. */
  rule: string;
  ruleName: string;
  record: string;
  due: string;
  reason: string;
}

export interface TimerMove {
  change: "moved";
  timer: string;
  seq: number;
  rule: string;
  ruleName: string;
  record: string;
  anchor: string;
  from: string;
  to: string;
  /** The new due time had passed at the deploy: the timer comes due at the deploy. */
  atOnce: boolean;
}

export type TimerChange = TimerCancel | TimerMove;

export interface InstanceChange {
  /** `stays`: on the version it enrolled in; `moves`: on to the new version, at the step of the same name. */
  change: "stays" | "moves";
  /** The instance's key (WorkflowInstance.key). */
  key: string;
  workflow: string;
  /** The workflow's identity the instance runs after the deploy (`<workflow>@<digest>` for a kept version). */
  runs: string;
  record: string;
  /** The instance's step (index in the flattened list) before and after. */
  step: number;
  newStep: number;
}

export interface MigrationPlan {
  /** The fingerprints of the rules before and after. */
  from: string;
  to: string;
  /** The deploy's instant, output form. */
  at: string;
  rules: ProgramChanges;
  /** Timers cancelled or moved, by timer number; the others continue. */
  timers: TimerChange[];
  /** Instances of changed or removed workflows, by instance key. */
  instances: InstanceChange[];
  /** Rule timers and workflow instances that go on unchanged (a workflow's timers go with its instance). */
  unchanged: { timers: number; instances: number };
  /** The records of changed entity types checked against the new schema; absent when no entity declaration changed. */
  schema?: SchemaCheck;
}

/** The plan for moving `snapshot` to `program` at `at` (epoch millis; at or after the snapshot's clock). */
export function planMigration(snapshot: Snapshot, program: Program, at: number): MigrationPlan {
  const before = savedProgram(snapshot);
  const after = programManifest(program);
  const plan: MigrationPlan = {
    from: before.fingerprint,
    to: after.fingerprint,
    at: formatInstant(at),
    rules: comparePrograms(before, after),
    timers: [],
    instances: [],
    unchanged: { timers: 0, instances: 0 },
  };
  const oldItems = new Map(before.items.map((item) => [`${item.kind} ${item.id}`, item]));
  const newItems = new Map(after.items.map((item) => [`${item.kind} ${item.id}`, item]));
  const rules = new Map(program.rules.map((rule) => [rule.id, rule]));
  const records = new Map(snapshot.records.map((record) => [record.ref, record]));
  for (const timer of [...snapshot.timers].sort((a, b) => a.seq - b.seq)) {
    if (timer.kind !== "rule") continue;
    const old = oldItems.get(`rule ${timer.rule}`);
    const now = newItems.get(`rule ${timer.rule}`);
    if (now && old && now.digest === old.digest) {
      plan.unchanged.timers++;
      continue;
    }
    const change = timerChange(timer, old, rules.get(timer.rule), program, at, records.get(timer.record)?.open[timer.stage ?? ""]);
    if (change) plan.timers.push(change);
    else plan.unchanged.timers++;
  }
  const saved = new Map((snapshot.workflows ?? []).map((workflow) => [workflow.id, workflow]));
  const workflows = new Map(program.workflows.map((workflow) => [workflow.id, workflow]));
  // Step names and kept identities are of a workflow, not of an instance: worked out once each, however many instances run it.
  const stepNames = new Map<WorkflowDef, string[]>();
  const namesOf = (workflow: WorkflowDef): string[] => {
    let names = stepNames.get(workflow);
    if (!names) stepNames.set(workflow, (names = workflowStepNames(workflow)));
    return names;
  };
  const identities = new Map<WorkflowDef, string>();
  const identityOf = (workflow: WorkflowDef): string => {
    let identity = identities.get(workflow);
    if (identity === undefined) identities.set(workflow, (identity = keptIdentity(workflow)));
    return identity;
  };
  for (const instance of [...snapshot.instances].sort((a, b) => compareText(a.key, b.key))) {
    const old = oldItems.get(`workflow ${instance.workflow}`);
    const now = newItems.get(`workflow ${instance.workflow}`);
    // An instance already on a kept version (not of the old program) stays there.
    if (!old || (now && now.digest === old.digest)) {
      plan.unchanged.instances++;
      continue;
    }
    const definition = saved.get(instance.workflow);
    // A damaged or hand-edited snapshot: reported as one, like any snapshot that does not fit.
    if (!definition) throw new SnapshotError(`it does not keep the workflow "${instance.workflow}" that its instance ${instance.key} runs`);
    const newStep = mappedStep(namesOf(definition), workflows.get(instance.workflow), instance.pc, namesOf);
    const runs = newStep === undefined ? identityOf(definition) : instance.workflow;
    plan.instances.push({ change: newStep === undefined ? "stays" : "moves", key: instance.key, workflow: instance.workflow, runs, record: instance.bound, step: instance.pc, newStep: newStep ?? instance.pc });
  }
  const schema = checkSchemaFit(snapshot, before, program);
  if (schema) plan.schema = schema;
  return plan;
}

/** True when the new rules cannot hold some record of the state: the deploy is refused. */
export function leavesUnfitRecords(plan: MigrationPlan): boolean {
  return (plan.schema?.unfit ?? 0) > 0;
}

/** True when the plan changes nothing: the same rules. */
export function isEmptyPlan(plan: MigrationPlan): boolean {
  return plan.from === plan.to;
}

/** The identity an instance's earlier version runs under: its workflow's, and the digest of that version's behaviour. */
export function keptIdentity(workflow: WorkflowDef): string {
  const { id, name: _name, location: _location, stepLocations: _stepLocations, ...behaviour } = workflow;
  return `${id.split("@")[0]}@${digestOf(behaviour)}`;
}

/** The name outputs give a rule of the old program (its written name, or `file:line`), from its manifest item. */
export function oldRuleName(item: ManifestItem | undefined, id: string): string {
  if (!item) return id;
  return item.name.startsWith("rule at ") ? item.name.slice("rule at ".length) : id;
}

function timerChange(timer: RuleTimer, old: ManifestItem | undefined, rule: RuleDef | undefined, program: Program, at: number, opened: number | undefined): TimerChange | undefined {
  const base = { timer: `t${timer.seq}`, seq: timer.seq, rule: timer.rule, record: timer.record };
  const cancel = (reason: string): TimerCancel => ({ change: "cancelled", ...base, ruleName: rule?.name ?? oldRuleName(old, timer.rule), due: formatInstant(timer.due), reason });
  if (!rule) return cancel("its rule was removed");
  if (!rule.delay) return cancel("its rule no longer waits");
  const stage = rule.trigger.kind === "stage" ? rule.trigger.stage : undefined;
  if (stage !== timer.stage) return cancel("its rule now waits on another trigger");
  if ((rule.trigger.kind === "event" && rule.trigger.event !== timer.eventType) || (rule.trigger.kind === "lifecycle" && rule.trigger.event !== timer.eventType)) {
    return cancel("its rule now waits on another trigger");
  }
  const anchor = timer.from ?? (rule.trigger.kind === "stage" && rule.trigger.edge === "open" ? opened : undefined);
  // A timer saved without its anchor keeps its due time: there is nothing to re-derive it from.
  if (anchor === undefined) return undefined;
  const derived = dueTime(anchor, rule.delay, program.calendar);
  const due = Math.max(derived, at);
  if (due === timer.due) return undefined;
  return { change: "moved", ...base, ruleName: rule.name, anchor: formatInstant(anchor), from: formatInstant(timer.due), to: formatInstant(due), atOnce: derived <= at };
}

/** The step of the new version with the name of the step `pc` of the old one, when there is exactly one. */
function mappedStep(oldNames: readonly string[], now: WorkflowDef | undefined, pc: number, namesOf: (workflow: WorkflowDef) => string[]): number | undefined {
  if (!now) return undefined;
  const name = oldNames[pc];
  if (name === undefined) return undefined;
  const index = namesOf(now).indexOf(name);
  return index < 0 ? undefined : index;
}
