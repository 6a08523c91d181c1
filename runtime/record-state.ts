// Records are immutable values, one per CRM record, each replaced through
// immer's `produce` on its own (never a draft of the whole record index: that
// would cost O(number of records) per write — STYLE.md "State per record").
import { Immer } from "immer";
import type { Value } from "./ir";
import type { RecordState } from "./types";

// Records are never written in place by the runtime; skipping immer's deep
// freeze of every new version saves a third of the cost of a write.
const { produce } = new Immer({ autoFreeze: false });

export function newRecord(ref: string, type: string, id: string, born: number, fields: Record<string, Value>): RecordState {
  return { ref, type, id, born, fields, stage: null, open: {}, openings: {}, becomes: {} };
}

export function withFields(record: RecordState, changes: Readonly<Record<string, Value>>): RecordState {
  return produce(record, (draft) => {
    for (const name in changes) draft.fields[name] = changes[name]!;
  });
}

/** Opens a stage; `sequential` makes it the record's `stage` (the caller has closed the old one). */
export function withStageOpened(record: RecordState, stage: string, at: number, sequential: boolean): RecordState {
  return produce(record, (draft) => {
    draft.open[stage] = at;
    draft.openings[stage] = (record.openings[stage] ?? 0) + 1;
    if (sequential) draft.stage = stage;
  });
}

export function withStageClosed(record: RecordState, stage: string): RecordState {
  return produce(record, (draft) => {
    delete draft.open[stage];
    if (draft.stage === stage) draft.stage = null;
  });
}

export function withBecomes(record: RecordState, key: string, value: boolean): RecordState {
  return produce(record, (draft) => {
    draft.becomes[key] = value;
  });
}

/** A sequential move: `from` closes and `to` opens in one new version of the record. */
export function withStageMoved(record: RecordState, from: string, to: string, at: number): RecordState {
  return produce(record, (draft) => {
    delete draft.open[from];
    draft.open[to] = at;
    draft.openings[to] = (record.openings[to] ?? 0) + 1;
    draft.stage = to;
  });
}
