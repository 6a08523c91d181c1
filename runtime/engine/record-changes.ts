// The state changes a firing makes: each writes the record, outputs its line
// (unless an input event stated it) and queues the event whose rules run next.
import type { Value } from "../program/ir";
import type { RecordState } from "../types";
import type { EngineHost } from "./engine-host";
import { nextCreatedId, type Firing } from "./firing";
import { diffFields, NO_CHANGES } from "./field-changes";
import { pendingEvent } from "./pending-event";
import { newRecord, newRecordInStage, withFields, withStageClosed, withStageMoved, withStageOpened } from "./record-state";
import { traceSkip } from "./trace";

/** A record just written by `addRecord`, with what its `created` event carries. */
export interface AddedRecord {
  record: RecordState;
  fields: Record<string, Value>;
  /** The fields created with a value (every field was none before). */
  changes: Record<string, Value>;
  previous: Record<string, Value>;
  stage: string | undefined;
}

function isSequential(host: EngineHost, entity: string): boolean {
  return host.schema.entities.get(entity)?.pipeline?.kind === "sequential";
}

/**
 * Opens a stage; in a sequential pipeline the open one closes first, with its
 * own output and rules (docs/language.md "Stages and moves"). `silent` is an input event's
 * own opening: stated by the input, so not written.
 */
export function openStage(host: EngineHost, record: RecordState, stage: string, by: string | undefined, firing: Firing, silent = false): void {
  const sequential = isSequential(host, record.type);
  if (sequential ? record.stage === stage : Object.hasOwn(record.open, stage)) {
    traceSkip(host, firing, record.ref, `open "${stage}"`, "it is already open");
    return;
  }
  const turn = host.turn;
  const leaving = sequential ? record.stage : null;
  // One record write for the whole move; the close is still output and handled first.
  const opened = leaving !== null ? withStageMoved(record, leaving, stage, turn.now) : withStageOpened(record, stage, turn.now, sequential);
  host.state.writeRecord(record, opened);
  if (leaving !== null) {
    const closeId = turn.nextId();
    turn.emit(closeId, record.ref, "stage.closed", { stage: leaving }, firing);
    turn.enqueue(pendingEvent(closeId, opened, "stage.closed", firing, leaving));
  }
  let id = firing.cause;
  if (!silent) {
    id = turn.nextId();
    turn.emit(id, record.ref, "stage.opened", by === undefined ? { stage } : { stage, by }, firing);
  }
  const opening = pendingEvent(id, opened, "stage.opened", firing, stage);
  opening.opening = opened.openings[stage];
  turn.enqueue(opening);
}

export function closeStage(host: EngineHost, record: RecordState, stage: string, firing: Firing): void {
  const closed = withStageClosed(record, stage);
  host.state.writeRecord(record, closed);
  const id = host.turn.nextId();
  host.turn.emit(id, record.ref, "stage.closed", { stage }, firing);
  host.turn.enqueue(pendingEvent(id, closed, "stage.closed", firing, stage));
}

export function updateFields(host: EngineHost, record: RecordState, fields: Record<string, Value>, firing: Firing): void {
  const diff = diffFields(record, fields, host.calendar.timezone);
  if (diff === null) {
    traceSkip(host, firing, record.ref, `set ${Object.keys(fields).join(", ")}`, "the value is already there");
    return;
  }
  const { changes, previous } = diff;
  const updated = withFields(record, changes);
  host.state.writeRecord(record, updated);
  const id = host.turn.nextId();
  host.turn.emit(id, record.ref, "updated", changes, firing);
  const event = pendingEvent(id, updated, "updated", firing);
  event.changes = changes;
  event.previous = previous;
  host.turn.enqueue(event);
}

/**
 * A created record's id derives from the lineage of the firing that creates it,
 * not from the turn's output numbering (docs/language.md "Created records").
 */
export function createRecord(host: EngineHost, entity: string, given: Record<string, Value>, firing: Firing): void {
  const id = host.turn.nextId();
  const recordId = nextCreatedId(firing);
  const ref = `${entity}/${recordId}`;
  const added = addRecord(host, ref, entity, recordId, given);
  // Its line goes out before queuing: queuing throws a CascadeError, and the
  // record is already in the state, so its `created` line must be too (errors.ts).
  host.turn.emit(id, ref, "created", added.stage === undefined ? added.fields : { ...added.fields, stage: added.stage }, firing);
  queueCreated(host, added, id, firing);
}

/**
 * Writes a new record, from an input `created` or a `create` action: its
 * fields, and its stage opened as part of the creation (docs/language.md "Records").
 * `queueCreated` then queues the events that run the rules.
 */
export function addRecord(host: EngineHost, ref: string, type: string, id: string, given: Readonly<Record<string, Value>>): AddedRecord {
  const fields: Record<string, Value> = {};
  for (const name in given) if (name !== "stage") fields[name] = given[name]!;
  // A field created empty did not change: it was none before too.
  const diff = diffFields(undefined, fields, host.calendar.timezone);
  const stage = typeof given.stage === "string" ? given.stage : undefined;
  const state = host.state;
  const born = ++state.recordSeq;
  const record =
    stage === undefined
      ? newRecord(ref, type, id, born, fields)
      : newRecordInStage(ref, type, id, born, fields, stage, host.turn.now, isSequential(host, type));
  state.writeRecord(state.records.get(ref), record);
  return { record, fields, changes: diff?.changes ?? NO_CHANGES, previous: diff?.previous ?? NO_CHANGES, stage };
}

/** The `created` event of a new record, and its `stage.opened` when it was created in a stage. */
export function queueCreated(host: EngineHost, added: AddedRecord, eventId: string, firing: Firing): void {
  const created = pendingEvent(eventId, added.record, "created", firing);
  created.changes = added.changes;
  created.previous = added.previous;
  host.turn.enqueue(created);
  if (added.stage !== undefined) {
    const opening = pendingEvent(eventId, added.record, "stage.opened", firing, added.stage);
    opening.opening = added.record.openings[added.stage];
    host.turn.enqueue(opening);
  }
}
