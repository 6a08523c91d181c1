// Datetimes written in rules and tests are compared with the runtime's output
// times, which are always UTC `YYYY-MM-DDTHH:mm:ss.SSSZ`; normalising them here
// makes that a plain string comparison.
import { DateTime } from "luxon";

/**
 * The UTC ISO form of a written datetime, or null when it is not a valid one.
 * A datetime without an offset is read in `zone` (the calendar's time zone).
 */
export function normaliseDateTime(text: string, zone: string): string | null {
  const parsed = DateTime.fromISO(text, { zone, setZone: true });
  if (!parsed.isValid) return null;
  return parsed.toUTC().toISO({ suppressMilliseconds: false, includeOffset: true });
}
