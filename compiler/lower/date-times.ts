// Datetimes written in rules and tests are compared with the runtime's output
// times, which are always UTC `YYYY-MM-DDTHH:mm:ss.SSSZ`; normalising them here
// makes that a plain string comparison. The runtime's reader reads them, so a
// written time means what the same text means in an events file.
import { formatInstant, parseInstant } from "../../runtime/time/instants";

/** The UTC ISO form of a written datetime (with its offset or Z), or null when it is not a valid one. */
export function normaliseDateTime(text: string): string | null {
  const instant = parseInstant(text);
  return Number.isNaN(instant) ? null : formatInstant(instant);
}
