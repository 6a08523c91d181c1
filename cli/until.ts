// `--until <time>`, read by the runtime's reader (runtime/time/until.ts), which
// the playground's until box shares: a time it refuses is a usage error (exit 2).
import { readUntil, UntilError, type Until } from "../runtime/index";
import { usageError } from "./errors";

export { describeUntil, type Until } from "../runtime/index";

/** `--until` as run, explain and diff take it. */
export const UNTIL_FLAG = ["--until <time>", "after the last event, fire timers due at or before this time (ISO with offset, or a date or local time in the calendar's zone)"] as const;

export function parseUntil(given: string): Until {
  const until = asUsageError(() => readUntil(given, "--until"));
  return { given: until.given, local: until.local, in: (zone) => asUsageError(() => until.in(zone)) };
}

function asUsageError<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof UntilError) throw usageError(error.message);
    throw error;
  }
}
