// The time a run goes on to after its last event (the CLI's `--until`, the
// playground's until box), read the same way by both: an ISO 8601 time with an
// offset or Z, read by the same parser as the events' `at`, so what one accepts
// the other does too; or, in the calendar's zone (the rules' `calendar { timezone … }`,
// UTC without one), a date (`2026-03-01`: the whole of that day, so its last
// millisecond) or a time without offset (`2026-03-01T09:00`). The form is
// checked at once; a local one is read once the rules, and so their zone, are known.
import { endOfLocalDate, formatInstant, isIsoDate, isWallTime, missingTimeReason, parseInstant, parseWallTime } from "./instants";

/** An until the user wrote that is no time: the message names it as `name` (`--until`, `until`). */
export class UntilError extends Error {}

export interface Until {
  /** As written, for messages. */
  readonly given: string;
  /** Whether the calendar's zone reads it (a date, or a time without offset). */
  readonly local: boolean;
  /** The instant, in ISO 8601 (as given when it has its offset); an UntilError when the zone's clocks skip it. */
  in(zone: string): string;
}

const FORMS = "an ISO 8601 time with an offset or Z (2026-01-10T00:00:00Z), a date (2026-01-10: to the end of that day) or a time without offset (2026-01-10T09:00), both in the calendar's zone";

/** Reads an until; an UntilError when it has none of the forms, or names a day the calendar does not have. */
export function readUntil(given: string, name: string): Until {
  if (!Number.isNaN(parseInstant(given))) return { given, local: false, in: () => given };
  const date = isIsoDate(given);
  if (!date && !isWallTime(given)) {
    // A date or time of the right shape that the calendar does not have says why (2026-02-30).
    const missing = missingTimeReason(given) ?? (/^\d{4}-\d{2}-\d{2}T/.test(given) ? missingTimeReason(`${given}Z`) : undefined);
    if (missing !== undefined) throw new UntilError(`${name} is "${given}", which does not exist: ${missing}`);
    throw new UntilError(`${name} must be ${FORMS}, not "${given}"`);
  }
  return {
    given,
    local: true,
    in(zone) {
      const instant = date ? endOfLocalDate(given, zone) : parseWallTime(given, zone);
      if (instant === "skipped") throw new UntilError(`${name} ${given} does not exist in ${zone}: the clocks skip it (daylight saving time); give a time after the change`);
      if (Number.isNaN(instant)) throw new UntilError(`${name} is "${given}", which does not exist: ${missingTimeReason(date ? given : `${given}Z`) ?? "not a time of day"}`);
      return formatInstant(instant);
    },
  };
}

/** For messages: as given, with the instant it means beside a local form (`2026-03-01 (2026-03-01T22:59:59.999Z)`). */
export function describeUntil(until: Until, instant: string): string {
  return until.local ? `${until.given} (${instant})` : until.given;
}

/**
 * An until before the last event (or the time a resumed snapshot reached) fires
 * nothing: the timers due by then fired as the events passed. Likely a wrong
 * date, so the caller warns with this text; undefined when the until is not earlier.
 */
export function untilPassed(name: string, shown: string, instant: string, lastAt: string | undefined, resumedAt: number | null): string | undefined {
  const last = Math.max(lastAt === undefined ? -Infinity : parseInstant(lastAt), resumedAt ?? -Infinity);
  if (parseInstant(instant) >= last) return undefined;
  const passed = lastAt !== undefined && parseInstant(lastAt) === last ? `the last event (${lastAt})` : `the time the snapshot reached (${formatInstant(last)})`;
  return `${name} ${shown} is before ${passed}, so it fires no timer`;
}
