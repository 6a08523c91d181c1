// A snapshot as a head and parts, for stores that write and read it piece by
// piece (the service keeps each part in a row of its own): no single text
// holds the whole state, so none grows past what one string can hold, a
// writer can store the parts one at a time while the engine goes on, and a
// reader parses each part as it arrives. Records and timers go by column
// rather than as objects, so their field names are not repeated in every one.
// The parts of a snapshot, put back together, are that snapshot.
import type { Value } from "../program/ir";
import type { RecordState, Snapshot, TimerState, WorkflowInstance } from "../types";
import { SnapshotError } from "../errors";
import { checkSnapshotVersion } from "./engine-state";
import { EMPTY_TABLE } from "./record-state";

/** Items per part unless the caller says otherwise: about half a megabyte of JSON each. */
export const SNAPSHOT_PART_ROWS = 4_000;

/** Everything of a snapshot but its long lists, and how many items each list holds. */
export interface SnapshotHead {
  version: Snapshot["version"];
  program: Snapshot["program"];
  /** Snapshot.workflows: few and small, so they go in the head. */
  workflows?: Snapshot["workflows"];
  clock: number | null;
  timerSeq: number;
  tokenSeq: number;
  recordSeq: number;
  teamCounters: Record<string, number>;
  counts: { records: number; timers: number; instances: number; finished: number };
}

/**
 * Records by column: the i-th record is `ref[i]`, `born[i]`… An empty table is
 * `0`; `named` lists `[index, type, id]` of the records whose type and id are
 * not the two halves of their ref.
 */
export interface RecordColumns {
  ref: string[];
  born: number[];
  fields: Array<Record<string, Value>>;
  stage: Array<string | null>;
  open: Array<Record<string, number> | 0>;
  openings: Array<Record<string, number> | 0>;
  becomes: Array<Record<string, boolean> | 0>;
  named: Array<[number, string, string]>;
}

/**
 * Timers by column. Names that repeat (kinds, rules, event types, stages) are
 * indexes into `words`. A rule timer's `of` is its rule's word, `record` its
 * record; a workflow timer's `of` is its instance key, `record` its token, and
 * its rule-only columns hold 0 (`eventType`, `stage`: -1; `changes`…: null).
 */
export interface TimerColumns {
  words: string[];
  kind: number[];
  seq: number[];
  due: number[];
  cause: string[];
  of: Array<number | string>;
  record: Array<string | number>;
  born: number[];
  eventType: number[];
  changes: Array<Record<string, Value> | null>;
  previous: Array<Record<string, Value> | null>;
  eventData: Array<Record<string, Value> | null>;
  stage: number[];
  opening: number[];
  /** A rule timer's anchor (RuleTimer.from), null when it has none; a part saved before timers kept it has no such column. */
  from?: Array<number | null>;
  /** A timer's kept lineage (TimerState.lineage) by root and key, null when it has none; a part saved before timers kept it has no such columns. */
  lineageRoot?: Array<string | null>;
  lineageKey?: Array<string | null>;
}

/**
 * One part: items of one list of the snapshot, in the snapshot's order.
 * Records and timers go by column: a part parses into a few long arrays
 * rather than an array or object per item, which is most of the cost of
 * reading a large snapshot.
 */
export type SnapshotPart = { records: RecordColumns } | { timers: TimerColumns } | { instances: WorkflowInstance[] } | { finished: string[] };

export function snapshotHead(snapshot: Snapshot): SnapshotHead {
  const { version, program, clock, timerSeq, tokenSeq, recordSeq, teamCounters, workflows } = snapshot;
  const counts = { records: snapshot.records.length, timers: snapshot.timers.length, instances: snapshot.instances.length, finished: snapshot.finished.length };
  return { version, program, clock, timerSeq, tokenSeq, recordSeq, teamCounters, counts, ...(workflows ? { workflows } : {}) };
}

/** The parts of a snapshot, each made when asked for: records, then timers, instances and finished keys. */
export function* snapshotParts(snapshot: Snapshot, rowsPerPart = SNAPSHOT_PART_ROWS): Generator<SnapshotPart> {
  for (let i = 0; i < snapshot.records.length; i += rowsPerPart) yield { records: recordColumns(snapshot.records.slice(i, i + rowsPerPart)) };
  for (let i = 0; i < snapshot.timers.length; i += rowsPerPart) yield { timers: timerColumns(snapshot.timers.slice(i, i + rowsPerPart)) };
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
    if ("records" in part) {
      const start = this.filled.records;
      const columns = part.records;
      this.fill("records", sameLength("records", columns), this.records, (_, i) => recordAt(columns, i));
      for (const [i, type, id] of columns.named) this.records[start + i] = { ...this.records[start + i]!, type, id };
    } else if ("timers" in part) {
      const columns = part.timers;
      this.fill("timers", sameLength("timers", columns), this.timers, (_, i) => timerAt(columns, i));
    }
    else if ("instances" in part) this.fill("instances", part.instances, this.instances, (instance) => instance);
    else if ("finished" in part) this.fill("finished", part.finished, this.finished, (key) => key);
    else throw new SnapshotError(`a part holds none of records, timers, instances or finished keys (keys: ${Object.keys(part as object).join(", ") || "none"})`);
  }

  /** The whole snapshot; fails when a list is not complete. */
  finish(): Snapshot {
    for (const list of ["records", "timers", "instances", "finished"] as const) {
      if (this.filled[list] !== this.head.counts[list]) throw new SnapshotError(`it is incomplete: ${this.filled[list]} of its ${this.head.counts[list]} ${list} were found`);
    }
    const { version, program, clock, timerSeq, tokenSeq, recordSeq, teamCounters, workflows } = this.head;
    const snapshot: Snapshot = { version, program, clock, records: this.records, timers: this.timers, timerSeq, tokenSeq, recordSeq, teamCounters, instances: this.instances, finished: this.finished };
    if (workflows) snapshot.workflows = workflows;
    return snapshot;
  }

  /** `rows`: the part's items, or for columns one column (its length is the part's). */
  private fill<R, T>(list: keyof SnapshotHead["counts"], rows: readonly R[], into: T[], decode: (row: R, index: number) => T): void {
    const start = this.filled[list];
    if (!Array.isArray(rows) || start + rows.length > this.head.counts[list]) {
      throw new SnapshotError(`a part holds more ${list} than its head counts (${this.head.counts[list]})`);
    }
    for (let i = 0; i < rows.length; i++) into[start + i] = decode(rows[i]!, i);
    this.filled[list] = start + rows.length;
  }
}

/** The first column of a part, once every column is found as long as it. */
function sameLength(list: string, columns: object): unknown[] {
  let first: unknown[] | undefined;
  for (const [name, column] of Object.entries(columns)) {
    if (name === "named" || name === "words") continue;
    if (!Array.isArray(column) || (first !== undefined && column.length !== first.length)) throw new SnapshotError(`a part of ${list} is damaged (its column ${name} is not as long as the others)`);
    first ??= column;
  }
  return first ?? [];
}

function recordColumns(records: readonly RecordState[]): RecordColumns {
  const n = records.length;
  const columns: RecordColumns = {
    ref: new Array(n),
    born: new Array(n),
    fields: new Array(n),
    stage: new Array(n),
    open: new Array(n),
    openings: new Array(n),
    becomes: new Array(n),
    named: [],
  };
  for (let i = 0; i < n; i++) {
    const record = records[i]!;
    columns.ref[i] = record.ref;
    columns.born[i] = record.born;
    columns.fields[i] = record.fields as Record<string, Value>;
    columns.stage[i] = record.stage;
    columns.open[i] = table(record.open);
    columns.openings[i] = table(record.openings);
    columns.becomes[i] = table(record.becomes);
    if (record.ref !== `${record.type}/${record.id}`) columns.named.push([i, record.type, record.id]);
  }
  return columns;
}

function recordAt(columns: RecordColumns, i: number): RecordState {
  const ref = columns.ref[i]!;
  const slash = ref.indexOf("/");
  const open = columns.open[i]!;
  const openings = columns.openings[i]!;
  const becomes = columns.becomes[i]!;
  return {
    ref,
    type: ref.slice(0, slash),
    id: ref.slice(slash + 1),
    born: columns.born[i]!,
    fields: columns.fields[i]!,
    stage: columns.stage[i]!,
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

function timerColumns(timers: readonly TimerState[]): TimerColumns {
  const n = timers.length;
  const words = new Map<string, number>();
  const word = (text: string): number => {
    let index = words.get(text);
    if (index === undefined) words.set(text, (index = words.size));
    return index;
  };
  const columns: TimerColumns = {
    words: [],
    kind: new Array(n),
    seq: new Array(n),
    due: new Array(n),
    cause: new Array(n),
    of: new Array(n),
    record: new Array(n),
    born: new Array(n),
    eventType: new Array(n),
    changes: new Array(n),
    previous: new Array(n),
    eventData: new Array(n),
    stage: new Array(n),
    opening: new Array(n),
    from: new Array(n),
    lineageRoot: new Array(n),
    lineageKey: new Array(n),
  };
  for (let i = 0; i < n; i++) {
    const timer = timers[i]!;
    columns.from![i] = timer.kind === "rule" ? (timer.from ?? null) : null;
    columns.lineageRoot![i] = timer.lineage?.root ?? null;
    columns.lineageKey![i] = timer.lineage?.key ?? null;
    columns.kind[i] = word(timer.kind);
    columns.seq[i] = timer.seq;
    columns.due[i] = timer.due;
    columns.cause[i] = timer.cause;
    if (timer.kind === "rule") {
      columns.of[i] = word(timer.rule);
      columns.record[i] = timer.record;
      columns.born[i] = timer.born;
      columns.eventType[i] = word(timer.eventType);
      columns.changes[i] = timer.changes;
      columns.previous[i] = timer.previous;
      columns.eventData[i] = timer.eventData;
      columns.stage[i] = timer.stage === undefined ? -1 : word(timer.stage);
      columns.opening[i] = timer.opening ?? 0;
    } else {
      columns.of[i] = timer.instance;
      columns.record[i] = timer.token;
      columns.born[i] = 0;
      columns.eventType[i] = -1;
      columns.changes[i] = columns.previous[i] = columns.eventData[i] = null;
      columns.stage[i] = -1;
      columns.opening[i] = 0;
    }
  }
  columns.words = [...words.keys()];
  return columns;
}

function timerAt(columns: TimerColumns, i: number): TimerState {
  const { words } = columns;
  const kind = words[columns.kind[i]!];
  const seq = columns.seq[i]!;
  const due = columns.due[i]!;
  const cause = columns.cause[i]!;
  if (kind === "wait" || kind === "timeout") return keepLineage(columns, i, { kind, seq, due, cause, instance: columns.of[i] as string, token: columns.record[i] as number });
  if (kind !== "rule") throw new SnapshotError(`a timer is of no known kind (${JSON.stringify(kind)})`);
  const timer: TimerState = {
    kind,
    seq,
    due,
    cause,
    rule: words[columns.of[i] as number]!,
    record: columns.record[i] as string,
    born: columns.born[i]!,
    eventType: words[columns.eventType[i]!]!,
    changes: columns.changes[i]!,
    previous: columns.previous[i]!,
    eventData: columns.eventData[i]!,
  };
  const from = columns.from?.[i];
  if (typeof from === "number") timer.from = from;
  keepLineage(columns, i, timer);
  const stage = columns.stage[i]!;
  if (stage >= 0) {
    timer.stage = words[stage]!;
    timer.opening = columns.opening[i]!;
  }
  return timer;
}

function keepLineage<T extends TimerState>(columns: TimerColumns, i: number, timer: T): T {
  const root = columns.lineageRoot?.[i];
  const key = columns.lineageKey?.[i];
  if (typeof root === "string" && typeof key === "string") timer.lineage = { root, key };
  return timer;
}
