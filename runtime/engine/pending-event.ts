// The events waiting for their rules inside one turn (turn.ts): an input
// event's own change, or an event derived from it.
import type { Value } from "../program/ir";
import type { RecordState } from "../types";
import { nextEventLineage, type Firing, type Lineage } from "./firing";

export const RESPONSIBLE_CHANGED = "responsible.changed";

/** Events that change their record: `wait until` and `becomes` are re-evaluated on them. */
export const CHANGE_TYPES: ReadonlySet<string> = new Set(["created", "updated", "stage.opened", "stage.closed", RESPONSIBLE_CHANGED]);

/** An event waiting for its rules: an input event's own change, or a derived event. */
export interface PendingEvent {
  /** The cause of everything its rules produce. */
  id: string;
  ref: string;
  entity: string;
  type: string;
  stage: string | undefined;
  changes: Record<string, Value> | null;
  previous: Record<string, Value> | null;
  eventData: Record<string, Value> | null;
  /** For `stage.opened`: which opening of the stage it is (its open rules run only while it lasts). */
  opening?: number;
  /** For `deleted`: the record as it was, which its rules read. */
  removed: RecordState | undefined;
  /** The firing that produced it; the rules it runs act one level deeper. */
  firing: Firing;
  /** Its stable name (firing.ts): the lineage of the firings its rules run in. */
  lineage: Lineage;
}

/**
 * An event of `record` with nothing changed, read or removed yet; the caller
 * fills in what applies. Its lineage is the next of `firing`'s unless given.
 */
export function pendingEvent(id: string, record: RecordState, type: string, firing: Firing, stage?: string, lineage?: Lineage): PendingEvent {
  return {
    id,
    ref: record.ref,
    entity: record.type,
    type,
    stage,
    changes: null,
    previous: null,
    eventData: null,
    removed: undefined,
    firing,
    lineage: lineage ?? nextEventLineage(firing),
  };
}
