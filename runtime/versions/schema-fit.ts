// Whether the records a deploy carries over fit the new rules' schema
// (docs/versions.md "Schema changes"). A record the new declarations cannot
// hold would be stuck: an open stage the pipeline lacks can never be closed
// (its stage.closed is an unknown stage), a value outside the field's new type
// cannot even be sent again. So such a deploy is refused (deploy-rules.ts),
// and the plan says which records and what to do.
//
// Only the records of entity types whose declaration changed or went are
// looked at, in one pass, and only when there is one: the manifests' entity
// digests tell which without the old rules. A value the new type cannot hold
// is unfit; the value of a removed field is dropped instead (no rule can read
// it), and the plan counts those.
import type { Program, Value } from "../program/ir";
import type { ProgramManifest } from "../program/identity";
import { programManifest } from "../program/identity";
import { schemaOf, type EntitySchema } from "../program/schema";
import type { RecordState, Snapshot } from "../types";
import { fieldTypeText, valueFits } from "./value-fits";
import { compareText } from "../program/compare-text";

/** How many unfit records a plan lists; `unfit` counts them all. */
export const UNFIT_RECORDS_LISTED = 20;

/**
 * What of a record the new rules lack: its entity type, an open stage, the
 * kind of its pipeline (sequential or parallel) for a stage open in it, or a
 * field's type for the value it holds.
 */
export type MisfitKind = "entity" | "stage" | "pipeline" | "field";

export interface Misfit {
  kind: MisfitKind;
  /** The entity type, the stage (for `stage` and `pipeline`) or the field. */
  name: string;
  /** `field`: the value the record holds. */
  value?: Value;
  /** What does not fit, in the user's words. */
  problem: string;
}

export interface UnfitRecord {
  record: string;
  misfits: Misfit[];
}

/** One thing the new rules lack, with how many records it leaves unfit and what to do. */
export interface SchemaProblem {
  entity: string;
  kind: MisfitKind;
  /** The stage or field; absent for `entity` and `pipeline`. */
  name?: string;
  records: number;
  fix: string;
}

export interface DroppedField {
  entity: string;
  field: string;
  /** Records that held the field (none included), whose value goes. */
  records: number;
}

export interface SchemaCheck {
  /** Entity types whose declaration changed or went: only their records were checked. */
  entities: string[];
  checked: number;
  /** How many records the new rules cannot hold; a deploy is refused unless none. */
  unfit: number;
  /** Every problem, by entity, kind and name. */
  problems: SchemaProblem[];
  /** The first UNFIT_RECORDS_LISTED unfit records, in the order the state holds them. */
  records: UnfitRecord[];
  /** Fields removed from the new rules whose values records held: dropped by the deploy. */
  dropped: DroppedField[];
}

/** The check of `snapshot`'s records against `program`'s schema; undefined when no entity declaration changed. */
export function checkSchemaFit(snapshot: Snapshot, before: ProgramManifest, program: Program): SchemaCheck | undefined {
  const entities = changedEntities(before, programManifest(program));
  if (entities.size === 0) return undefined;
  const schema = schemaOf(program);
  const check: SchemaCheck = { entities: [...entities], checked: 0, unfit: 0, problems: [], records: [], dropped: [] };
  const problems = new Map<string, SchemaProblem>();
  const dropped = new Map<string, DroppedField>();
  for (const record of snapshot.records) {
    if (!entities.has(record.type)) continue;
    check.checked++;
    const entity = schema.entities.get(record.type);
    const misfits = entity ? recordMisfits(record, entity, dropped) : [{ kind: "entity" as const, name: record.type, problem: `entity type ${record.type} is not in the new rules` }];
    if (misfits.length === 0) continue;
    check.unfit++;
    if (check.records.length < UNFIT_RECORDS_LISTED) check.records.push({ record: record.ref, misfits });
    for (const misfit of misfits) countProblem(problems, record.type, misfit, entity);
  }
  check.problems = [...problems.values()].sort(compareProblems);
  check.dropped = [...dropped.values()].sort((a, b) => compareText(a.entity, b.entity) || compareText(a.field, b.field));
  return check;
}

/** The snapshot's records without the values of fields the new rules removed (the plan's `dropped`). */
export function withoutRemovedFields(records: readonly RecordState[], check: SchemaCheck): RecordState[] {
  if (check.dropped.length === 0) return [...records];
  const removed = new Map<string, Set<string>>();
  for (const { entity, field } of check.dropped) {
    if (!removed.has(entity)) removed.set(entity, new Set());
    removed.get(entity)!.add(field);
  }
  return records.map((record) => {
    const fields = removed.get(record.type);
    if (!fields) return record;
    const kept: Record<string, Value> = {};
    for (const name in record.fields) if (!fields.has(name)) kept[name] = record.fields[name]!;
    return { ...record, fields: kept };
  });
}

function changedEntities(before: ProgramManifest, after: ProgramManifest): Set<string> {
  const now = new Map<string, string>();
  for (const item of after.items) if (item.kind === "entity") now.set(item.id, item.digest);
  const changed = new Set<string>();
  // Manifest items are in identity order, so the set is too.
  for (const item of before.items) if (item.kind === "entity" && now.get(item.id) !== item.digest) changed.add(item.id);
  return changed;
}

function recordMisfits(record: RecordState, entity: EntitySchema, dropped: Map<string, DroppedField>): Misfit[] {
  const misfits: Misfit[] = [];
  const type = record.type;
  const pipeline = entity.pipeline;
  for (const stage in record.open) {
    if (!pipeline) misfits.push({ kind: "stage", name: stage, problem: `stage "${stage}" is open, and ${type} has no pipeline in the new rules` });
    else if (!entity.stageIndex.has(stage)) misfits.push({ kind: "stage", name: stage, problem: `stage "${stage}" is open, and the new pipeline of ${type} has no such stage` });
    // A sequential pipeline's record names its one open stage; a parallel one's names none.
    else if ((pipeline.kind === "sequential") !== (record.stage === stage)) {
      misfits.push({ kind: "pipeline", name: stage, problem: `stage "${stage}" is open, and the pipeline of ${type} is ${pipeline.kind} in the new rules` });
    }
  }
  for (const name in record.fields) {
    const value = record.fields[name]!;
    const field = entity.dataFields.get(name);
    if (!field) {
      const key = `${type}.${name}`;
      const entry = dropped.get(key) ?? { entity: type, field: name, records: 0 };
      entry.records++;
      dropped.set(key, entry);
      continue;
    }
    if (value === null || valueFits(field.type, value)) continue;
    misfits.push({ kind: "field", name, value, problem: `field "${name}" holds ${JSON.stringify(value)}, which does not fit its new type ${fieldTypeText(field.type)}` });
  }
  return misfits;
}

function countProblem(problems: Map<string, SchemaProblem>, type: string, misfit: Misfit, entity: EntitySchema | undefined): void {
  const name = misfit.kind === "stage" || misfit.kind === "field" ? misfit.name : undefined;
  const key = `${type}\u0000${misfit.kind}\u0000${name ?? ""}`;
  const found = problems.get(key);
  if (found) {
    found.records++;
    return;
  }
  const problem: SchemaProblem = { entity: type, kind: misfit.kind, records: 1, fix: fixFor(type, misfit, entity) };
  if (name !== undefined) problem.name = name;
  problems.set(key, problem);
}

function fixFor(type: string, misfit: Misfit, entity: EntitySchema | undefined): string {
  const current = "under the current rules";
  switch (misfit.kind) {
    case "entity":
      return `keep entity ${type} in the new rules, or first delete these records ${current} (a deleted event each)`;
    case "stage":
      return `keep stage "${misfit.name}" in the pipeline of ${type}, or first move these records out of it ${current} (stage.closed, or stage.opened of a stage the new rules keep)`;
    case "pipeline": {
      const was = entity?.pipeline?.kind === "sequential" ? "parallel" : "sequential";
      return `keep the pipeline of ${type} ${was}, or first close the stages open on these records ${current} (stage.closed)`;
    }
    case "field":
      return `let field "${misfit.name}" of ${type} hold these values in the new rules, or first change them ${current} (an updated event each, with a value both versions accept)`;
  }
}

const KIND_ORDER: readonly MisfitKind[] = ["entity", "stage", "pipeline", "field"];

function compareProblems(a: SchemaProblem, b: SchemaProblem): number {
  return compareText(a.entity, b.entity) || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || compareText(a.name ?? "", b.name ?? "");
}
