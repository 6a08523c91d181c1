// `--until <iso>`: an ISO 8601 time with an offset or Z, like the events' `at`.
import { usageError } from "./errors";

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export function parseUntil(given: string): string {
  if (!ISO_WITH_ZONE.test(given) || Number.isNaN(Date.parse(given))) {
    throw usageError(`--until must be an ISO 8601 time with an offset or Z (e.g. 2026-01-10T00:00:00Z), not "${given}"`);
  }
  return given;
}
