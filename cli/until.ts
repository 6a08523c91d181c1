// `--until <iso>`: an ISO 8601 time with an offset or Z, read by the same parser
// as the events' `at`, so what one accepts the other does too.
import { missingTimeReason, parseInstant } from "../runtime/index";
import { usageError } from "./errors";

export function parseUntil(given: string): string {
  if (Number.isNaN(parseInstant(given))) {
    const missing = missingTimeReason(given);
    if (missing !== undefined) throw usageError(`--until is "${given}", which does not exist: ${missing}`);
    throw usageError(`--until must be an ISO 8601 time with an offset or Z (e.g. 2026-01-10T00:00:00Z), not "${given}"`);
  }
  return given;
}
