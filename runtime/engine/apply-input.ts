// An input event's own change (docs/language.md "Records"): it changes its
// record as the CRM reports and queues the event whose rules run first. What
// the input states is not output again; only what it implies is.
import type { InputEvent } from "../program/ir";
import type { RecordState } from "../types";
import { RecordExistsError, RuntimeError } from "../errors";
import { Diagnostics } from "../../diagnostics/messages";
import { diagnose } from "../../diagnostics/message";
import type { EngineHost } from "./engine-host";
import { inputFiring } from "./firing";
import { diffFields, NO_CHANGES } from "./field-changes";
import { pendingEvent, RESPONSIBLE_CHANGED } from "./pending-event";
import { addRecord, openStage, queueCreated } from "./record-changes";
import { newRecord, withFields, withStageClosed } from "./record-state";

export function applyInput(host: EngineHost, event: InputEvent): void {
  const ref = event.entity;
  // Split only when a record is made: most events find their record by `ref`.
  const slash = ref.indexOf("/");
  if (slash <= 0 || slash === ref.length - 1) throw new RuntimeError(diagnose(Diagnostics.NotARecordReference, { id: event.id, entity: event.entity }));
  const data = event.data ?? {};
  const firing = inputFiring(event.id);
  const state = host.state;
  const turn = host.turn;
  switch (event.type) {
    case "created": {
      // EventStreamValidator refuses this line first (SC3012, naming the line);
      // the check here keeps a direct caller from wiping a record all the same.
      if (state.records.has(ref)) throw new RecordExistsError(event.id, ref);
      queueCreated(host, addRecord(host, ref, entityName(host, ref.slice(0, slash)), ref.slice(slash + 1), data), event.id, firing);
      return;
    }
    case "updated": {
      // The record takes every value given (a date-time keeps the form it was
      // sent in); the rules see as changed only the fields whose value differs.
      const record = ensureRecord(host, ref, slash);
      state.writeRecord(record, withFields(record, data));
      const updated = pendingEvent(event.id, record, "updated", firing);
      const diff = diffFields(record, data, host.calendar.timezone);
      updated.changes = diff?.changes ?? NO_CHANGES;
      updated.previous = diff?.previous ?? NO_CHANGES;
      turn.enqueue(updated);
      return;
    }
    case "deleted": {
      const record = state.records.get(ref);
      if (!record) return;
      removeRecord(host, record);
      const deleted = pendingEvent(event.id, record, "deleted", firing);
      deleted.removed = record;
      turn.enqueue(deleted);
      return;
    }
    case "stage.opened": {
      const record = ensureRecord(host, ref, slash);
      const stage = String(data.stage);
      // The implied close of a sequential move is written, with rule null (docs/contract.md).
      openStage(host, record, stage, undefined, firing, true);
      return;
    }
    case "stage.closed": {
      const record = ensureRecord(host, ref, slash);
      const stage = String(data.stage);
      if (!Object.hasOwn(record.open, stage)) return;
      state.writeRecord(record, withStageClosed(record, stage));
      turn.enqueue(pendingEvent(event.id, record, "stage.closed", firing, stage));
      return;
    }
    default: {
      const record = ensureRecord(host, ref, slash);
      const activity = pendingEvent(event.id, record, event.type, firing);
      activity.eventData = data;
      // `responsible.changed` reports a change of the record's responsible: its
      // rules see the new one, with changed(responsible) and previous(responsible).
      if (event.type === RESPONSIBLE_CHANGED && Object.hasOwn(data, "to")) {
        const diff = diffFields(record, { responsible: data.to! }, host.calendar.timezone);
        if (diff !== null) {
          state.writeRecord(record, withFields(record, diff.changes));
          activity.changes = diff.changes;
          activity.previous = diff.previous;
        }
      }
      turn.enqueue(activity);
    }
  }
}

/** The CRM may report on a record before (or without) its creation: it starts empty. */
function ensureRecord(host: EngineHost, ref: string, slash: number): RecordState {
  const existing = host.state.records.get(ref);
  if (existing) return existing;
  const record = newRecord(ref, entityName(host, ref.slice(0, slash)), ref.slice(slash + 1), ++host.state.recordSeq, {});
  host.state.writeRecord(undefined, record);
  return record;
}

/** Deleting a record cancels its timers (they check `born`) and its workflow instances. */
function removeRecord(host: EngineHost, record: RecordState): void {
  const state = host.state;
  state.writeRecord(record, undefined);
  const keys = state.instancesByRecord.get(record.ref);
  if (keys) for (const key of [...keys]) state.removeInstance(state.instances.get(key)!);
}

/** The schema's own string for an entity type: a million records share it instead of holding a copy each. */
function entityName(host: EngineHost, type: string): string {
  return host.schema.entities.get(type)?.def.name ?? type;
}
