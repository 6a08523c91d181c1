// A clock that tests move by hand (service/clock.ts): the service reads the
// time and sets wake-ups only through a Clock.
import type { Clock } from "../../service/clock";

/** A clock that moves only when told to; wake-ups due by then run in instant order. */
export class FakeClock implements Clock {
  private readonly wakes = new Set<{ instant: number; wake: () => void }>();

  constructor(private instant: number) {}

  now(): number {
    return this.instant;
  }

  wakeAt(instant: number, wake: () => void): () => void {
    const entry = { instant, wake };
    this.wakes.add(entry);
    return () => this.wakes.delete(entry);
  }

  /** Moves to `instant` (never back) and runs the wake-ups due by then. */
  set(instant: number): void {
    this.instant = Math.max(this.instant, instant);
    const due = [...this.wakes].filter((entry) => entry.instant <= this.instant).sort((a, b) => a.instant - b.instant);
    for (const entry of due) {
      this.wakes.delete(entry);
      entry.wake();
    }
  }
}
