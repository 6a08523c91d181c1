// When a failed delivery is tried again: exponential backoff from one second,
// doubling up to an hour, with jitter (a random point in the later half of
// each delay, so deliveries that failed together do not all come back
// together), for 24 hours from the window's start; after that it is failed.
// Times come from the service's clock and the randomness from the caller.

export const RETRY_WINDOW_MS = 24 * 60 * 60_000;
export const FIRST_DELAY_MS = 1_000;
export const LONGEST_DELAY_MS = 60 * 60_000;

/** The delay after the `failures`-th failure in a row; `random` is in [0, 1). */
export function retryDelay(failures: number, random: number): number {
  const full = Math.min(LONGEST_DELAY_MS, FIRST_DELAY_MS * 2 ** (failures - 1));
  return full / 2 + (full / 2) * random;
}

/**
 * The next attempt after the `failures`-th failure at `failedAt`, in a window
 * opened at `since`: never past the window's end (one last try there), and
 * null once the window is over (the delivery is failed).
 */
export function nextAttempt(failures: number, failedAt: number, since: number, random: number): number | null {
  const end = since + RETRY_WINDOW_MS;
  if (failedAt >= end) return null;
  return Math.min(Math.round(failedAt + retryDelay(failures, random)), end);
}
