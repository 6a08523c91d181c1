// A snapshot as a head and parts, for stores that write and read it piece by
// piece (the service keeps each part in a row of its own): no single text
// holds the whole state, so none grows past what one string can hold, a
// writer can store the parts one at a time while the engine goes on, and a
// reader parses each part as it arrives. Records and timers are rows of
// values rather than objects, so their field names are not repeated in every
// one. The parts of a snapshot, put back together, are that snapshot.
import type { Value } from "../program/ir";
import type { RecordState, Snapshot, TimerState, WorkflowInstance } from "../types";
import { SnapshotError } from "../errors";
import { checkSnapshotVersion } from "./engine-state";
import { EMPTY_TABLE } from "./record-state";

/** Rows per part unless the caller says otherwise: about a megabyte of JSON each. */
export const SNAPSHOT_PART_ROWS = 4_000;

/** Everything of a snapshot but its long lists, and how many items each list holds. */
export interface SnapshotHead {
  version: Snapshot["version"];
  program: Snapshot["program"];
  clock: number | null;
  timerSeq: number;
  tokenSeq: number;
  recordSeq: number;
  teamCounters: Record<string, number>;
  counts: { records: number; timers: number; instances: number; finished: number };
}

/**
 * `[ref, born, fields, stage, open, openings, becomes]`, then `type, id` when
 * they are not the two halves of `ref`; an empty table is `0`.
 */
export type RecordRow = [string, number, Record<string, Value>, string | null, Record<string, number> | 0, Record<string, number> | 0, Record<string, boolean> | 0, string?, string?];

/**
 * A rule timer: `["rule", seq, due, cause, rule, record, born, eventType, changes, previous, eventData]`
 * and `stage, opening` when it has them; a workflow timer: `[kind, seq, due, cause, instance, token]`.
 */
export type TimerRow = unknown[];

/** One part: rows of one list of the snapshot, in the snapshot's order. */
export type SnapshotPart = { records: RecordRow[] } | { timers: TimerRow[] } | { instances: WorkflowInstance[] } | { finished: string[] };

export function snapshotHead(snapshot: Snapshot): SnapshotHead {
  const { version, program, clock, timerSeq, tokenSeq, recordSeq, teamCounters } = snapshot;
  const counts = { records: snapshot.records.length, timers: snapshot.timers.length, instances: snapshot.instances.length, finished: snapshot.finished.length };
  return { version, program, clock, timerSeq, tokenSeq, recordSeq, teamCounters, counts };
}

/** The parts of a snapshot, each made when asked for: records, then timers, instances and finished keys. */
export function* snapshotParts(snapshot: Snapshot, rowsPerPart = SNAPSHOT_PART_ROWS): Generator<SnapshotPart> {
  for (let i = 0; i < snapshot.records.length; i += rowsPerPart) yield { records: snapshot.records.slice(i, i + rowsPerPart).map(recordRow) };
  for (let i = 0; i < snapshot.timers.length; i += rowsPerPart) yield { timers: snapshot.timers.slice(i, i + rowsPerPart).map(timerRow) };
  for (let i = 0; i < snapshot.instances.length; i += rowsPerPart) yield { instances: snapshot.instances.slice(i, i + rowsPerPart) };
  for (let i = 0; i < snapshot.finished.length; i += rowsPerPart) yield { finished: snapshot.finished.slice(i, i + rowsPerPart) };
}

/**
 * Puts a snapshot back together from its head and its parts, given in order.
 * A part that does not fit the head (of another list than expected, or more
 * rows than the head counts), or a list left short, is a damaged snapshot.
 */
export class SnapshotAssembler {
  private readonly records: RecordState[];
  private readonly timers: TimerState[];
  private readonly instances: WorkflowInstance[];
  private readonly finished: string[];
  private filled = { records: 0, timers: 0, instances: 0, finished: 0 };

  constructor(private readonly head: SnapshotHead) {
    checkSnapshotVersion(head.version);
    const counts = head.counts as SnapshotHead["counts"] | undefined;
    if (!counts || ![counts.records, counts.timers, counts.instances, counts.finished].every((n) => Number.isSafeInteger(n) && n >= 0)) {
      throw new SnapshotError("its head is damaged (it does not count the records, timers, instances and finished keys)");
    }
    // Sized once: the lists are filled in place, never grown by spreading a part into them.
    this.records = new Array<RecordState>(counts.records);
    this.timers = new Array<TimerState>(counts.timers);
    this.instances = new Array<WorkflowInstance>(counts.instances);
    this.finished = new Array<string>(counts.finished);
  }

  add(part: SnapshotPart): void {
    if ("records" in part) this.fill("records", part.records, this.records, recordOfRow);
    else if ("timers" in part) this.fill("timers", part.timers, this.timers, timerOfRow);
    else if ("instances" in part) this.fill("instances", part.instances, this.instances, (instance) => instance);
    else if ("finished" in part) this.fill("finished", part.finished, this.finished, (key) => key);
    else throw new SnapshotError(`a part holds none of records, timers, instances or finished keys (keys: ${Object.keys(part as object).join(", ") || "none"})`);
  }

  /** The whole snapshot; fails when a list is not complete. */
  finish(): Snapshot {
    for (const list of ["records", "timers", "instances", "finished"] as const) {
      if (this.filled[list] !== this.head.counts[list]) throw new SnapshotError(`it is incomplete: ${this.filled[list]} of its ${this.head.counts[list]} ${list} were found`);
    }
    const { version, program, clock, timerSeq, tokenSeq, recordSeq, teamCounters } = this.head;
    return { version, program, clock, records: this.records, timers: this.timers, timerSeq, tokenSeq, recordSeq, teamCounters, instances: this.instances, finished: this.finished };
  }

  private fill<R, T>(list: keyof SnapshotHead["counts"], rows: readonly R[], into: T[], decode: (row: R) => T): void {
    const start = this.filled[list];
    if (!Array.isArray(rows) || start + rows.length > this.head.counts[list]) {
      throw new SnapshotError(`a part holds more ${list} than its head counts (${this.head.counts[list]})`);
    }
    for (let i = 0; i < rows.length; i++) into[start + i] = decode(rows[i]!);
    this.filled[list] = start + rows.length;
  }
}

function recordRow(record: RecordState): RecordRow {
  const row: RecordRow = [record.ref, record.born, record.fields as Record<string, Value>, record.stage, table(record.open), table(record.openings), table(record.becomes)];
  if (record.ref !== `${record.type}/${record.id}`) row.push(record.type, record.id);
  return row;
}

function recordOfRow(row: RecordRow): RecordState {
  const [ref, born, fields, stage, open, openings, becomes, type, id] = row;
  const slash = ref.indexOf("/");
  return {
    ref,
    type: type ?? ref.slice(0, slash),
    id: id ?? ref.slice(slash + 1),
    born,
    fields,
    stage,
    // Empty tables are shared, as in records the engine makes.
    open: open === 0 ? EMPTY_TABLE : open,
    openings: openings === 0 ? EMPTY_TABLE : openings,
    becomes: becomes === 0 ? EMPTY_TABLE : becomes,
  };
}

function table<T>(values: Readonly<Record<string, T>>): Record<string, T> | 0 {
  for (const _ in values) return values as Record<string, T>;
  return 0;
}

function timerRow(timer: TimerState): TimerRow {
  if (timer.kind !== "rule") return [timer.kind, timer.seq, timer.due, timer.cause, timer.instance, timer.token];
  const row: TimerRow = [timer.kind, timer.seq, timer.due, timer.cause, timer.rule, timer.record, timer.born, timer.eventType, timer.changes, timer.previous, timer.eventData];
  if (timer.stage !== undefined) row.push(timer.stage, timer.opening);
  return row;
}

function timerOfRow(row: TimerRow): TimerState {
  const kind = row[0];
  if (kind === "wait" || kind === "timeout") {
    return { kind, seq: row[1] as number, due: row[2] as number, cause: row[3] as string, instance: row[4] as string, token: row[5] as number };
  }
  if (kind !== "rule") throw new SnapshotError(`a timer is of no known kind (${JSON.stringify(kind)})`);
  const timer: TimerState = {
    kind,
    seq: row[1] as number,
    due: row[2] as number,
    cause: row[3] as string,
    rule: row[4] as string,
    record: row[5] as string,
    born: row[6] as number,
    eventType: row[7] as string,
    changes: row[8] as Record<string, Value> | null,
    previous: row[9] as Record<string, Value> | null,
    eventData: row[10] as Record<string, Value> | null,
  };
  if (row.length > 11) {
    timer.stage = row[11] as string;
    timer.opening = row[12] as number;
  }
  return timer;
}
