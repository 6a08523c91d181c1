// The event log the state is a fold of. The engine does not depend on a store;
// front doors append input events here and replay them (from an offset after a
// snapshot) through the engine.
import type { InputEvent } from "../program/ir";

export interface EventStore {
  append(event: InputEvent): void;
  /** Events from `offset` (0-based position in the log) to the end, in append order. */
  read(offset?: number): InputEvent[];
  /** How many events the log holds: the offset of the next append. */
  size(): number;
}

export class InMemoryEventStore implements EventStore {
  private readonly events: InputEvent[] = [];

  append(event: InputEvent): void {
    this.events.push(event);
  }

  read(offset = 0): InputEvent[] {
    return this.events.slice(offset);
  }

  size(): number {
    return this.events.length;
  }
}
