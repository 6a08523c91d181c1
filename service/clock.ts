// The wall clock as an input: the service reads the time and sets wake-ups
// only through a Clock, so tests drive time with a fake one.

export interface Clock {
  /** Epoch millis. */
  now(): number;
  /** Calls `wake` once at (or soon after) the instant; returns the cancel. */
  wakeAt(instant: number, wake: () => void): () => void;
}

// setTimeout's longest delay; a later wake-up is re-armed when it expires.
const LONGEST_DELAY = 2 ** 31 - 1;

export const systemClock: Clock = {
  now: () => Date.now(),
  wakeAt(instant, wake) {
    let timer: NodeJS.Timeout;
    const arm = (): void => {
      const delay = instant - Date.now();
      timer = setTimeout(delay > LONGEST_DELAY ? arm : wake, Math.max(0, Math.min(delay, LONGEST_DELAY)));
      // The HTTP server keeps the process alive; a pending wake-up alone does not.
      timer.unref();
    };
    arm();
    return () => clearTimeout(timer);
  },
};

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
