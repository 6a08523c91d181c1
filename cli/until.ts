// `--until <time>`: an ISO 8601 time with an offset or Z, read by the same parser
// as the events' `at`, so what one accepts the other does too; or, in the
// calendar's zone (the rules' `calendar { timezone … }`, UTC without one), a date
// (`2026-03-01`: the whole of that day, so its last millisecond) or a time without
// offset (`2026-03-01T09:00`). The form is checked before any work; a local one
// is read once the rules, and so their zone, are known.
import { endOfLocalDate, formatInstant, isIsoDate, isWallTime, missingTimeReason, parseInstant, parseWallTime } from "../runtime/index";
import { usageError } from "./errors";

/** `--until` as run, explain and diff take it. */
export const UNTIL_FLAG = ["--until <time>", "after the last event, fire timers due at or before this time (ISO with offset, or a date or local time in the calendar's zone)"] as const;

export interface Until {
  /** As given on the command line, for messages. */
  readonly given: string;
  /** Whether the calendar's zone reads it (a date, or a time without offset). */
  readonly local: boolean;
  /** The instant, in ISO 8601 (as given when it has its offset). */
  in(zone: string): string;
}

/** For messages: as given, with the instant it means beside a local form (`2026-03-01 (2026-03-01T22:59:59.999Z)`). */
export function describeUntil(until: Until, instant: string): string {
  return until.local ? `${until.given} (${instant})` : until.given;
}

const FORMS = "an ISO 8601 time with an offset or Z (2026-01-10T00:00:00Z), a date (2026-01-10: to the end of that day) or a time without offset (2026-01-10T09:00), both in the calendar's zone";

export function parseUntil(given: string): Until {
  if (!Number.isNaN(parseInstant(given))) return { given, local: false, in: () => given };
  const date = isIsoDate(given);
  if (!date && !isWallTime(given)) {
    // A date or time of the right shape that the calendar does not have says why (2026-02-30).
    const missing = missingTimeReason(given) ?? (/^\d{4}-\d{2}-\d{2}T/.test(given) ? missingTimeReason(`${given}Z`) : undefined);
    if (missing !== undefined) throw usageError(`--until is "${given}", which does not exist: ${missing}`);
    throw usageError(`--until must be ${FORMS}, not "${given}"`);
  }
  return {
    given,
    local: true,
    in(zone) {
      const instant = date ? endOfLocalDate(given, zone) : parseWallTime(given, zone);
      if (instant === "skipped") throw usageError(`--until ${given} does not exist in ${zone}: the clocks skip it (daylight saving time); give a time after the change`);
      if (Number.isNaN(instant)) throw usageError(`--until is "${given}", which does not exist: ${missingTimeReason(date ? given : `${given}Z`) ?? "not a time of day"}`);
      return formatInstant(instant);
    },
  };
}
