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
