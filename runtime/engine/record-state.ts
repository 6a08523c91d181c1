// Records are immutable values, one per CRM record, each replaced through
// immer's `produce` on its own (never a draft of the whole record index: that
// would cost O(number of records) per write).
import { Immer } from "immer";
import type { Value } from "../program/ir";
import type { RecordState } from "../types";

// Records are never written in place by the runtime, so immer's deep freeze
// of every new version would only add work to each write.
const { produce } = new Immer({ autoFreeze: false });

// Most records never open a stage or meet a `becomes` rule: they all share one
// empty table instead of holding three of their own (three empty objects per
// record otherwise). Frozen, so a write in place would fail loudly.
const NONE: Readonly<Record<string, never>> = Object.freeze({});

/** Reads one field of a record; `id` and `stage` are implicit. */
export function readField(record: RecordState, name: string): Value {
  if (name === "id") return record.id;
  if (name === "stage") return record.stage;
  const fields = record.fields;
  return Object.hasOwn(fields, name) ? fields[name]! : null;
}

/**
 * Whether one opening (the n-th) of a stage still lasts: the stage is open and
 * has not been opened again since. Open rules and `open after` timers belong
 * to one opening and do nothing once it has ended.
 */
export function openingState(record: RecordState, stage: string, opening: number | undefined): "lasts" | "closed" | "reopened" {
  if (!Object.hasOwn(record.open, stage)) return "closed";
  return record.openings[stage] === opening ? "lasts" : "reopened";
}

export function newRecord(ref: string, type: string, id: string, born: number, fields: Record<string, Value>): RecordState {
  return { ref, type, id, born, fields, stage: null, open: NONE, openings: NONE, becomes: NONE };
}

/**
 * A record created with its stage already open. Nothing else holds the new
 * record yet, so it is built whole rather than written through a draft.
 */
export function newRecordInStage(
  ref: string,
  type: string,
  id: string,
  born: number,
  fields: Record<string, Value>,
  stage: string,
  at: number,
  sequential: boolean,
): RecordState {
  return { ref, type, id, born, fields, stage: sequential ? stage : null, open: { [stage]: at }, openings: { [stage]: 1 }, becomes: NONE };
}

// The writes below replace a record's small tables (fields, open, openings,
// becomes) with edited copies inside the draft instead of drafting each table:
// one proxy per write instead of three, and the same resulting values.

export function withFields(record: RecordState, changes: Readonly<Record<string, Value>>): RecordState {
  return produce(record, (draft) => {
    const fields: Record<string, Value> = { ...record.fields };
    for (const name in changes) fields[name] = changes[name]!;
    draft.fields = fields;
  });
}

/** Opens a stage; `sequential` makes it the record's `stage` (the caller has closed the old one). */
export function withStageOpened(record: RecordState, stage: string, at: number, sequential: boolean): RecordState {
  return produce(record, (draft) => {
    draft.open = { ...record.open, [stage]: at };
    draft.openings = { ...record.openings, [stage]: (record.openings[stage] ?? 0) + 1 };
    if (sequential) draft.stage = stage;
  });
}

export function withStageClosed(record: RecordState, stage: string): RecordState {
  return produce(record, (draft) => {
    const open: Record<string, number> = { ...record.open };
    delete open[stage];
    draft.open = open;
    if (record.stage === stage) draft.stage = null;
  });
}

export function withBecomes(record: RecordState, key: string, value: boolean): RecordState {
  return produce(record, (draft) => {
    draft.becomes = { ...record.becomes, [key]: value };
  });
}

/** A sequential move: `from` closes and `to` opens in one new version of the record. */
export function withStageMoved(record: RecordState, from: string, to: string, at: number): RecordState {
  return produce(record, (draft) => {
    const open: Record<string, number> = { ...record.open };
    delete open[from];
    open[to] = at;
    draft.open = open;
    draft.openings = { ...record.openings, [to]: (record.openings[to] ?? 0) + 1 };
    draft.stage = to;
  });
}

/** The shared empty table, for code that builds records itself (snapshot-parts.ts). */
export { NONE as EMPTY_TABLE };
