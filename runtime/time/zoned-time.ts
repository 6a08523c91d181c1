// An instant as a reader of the rules thinks of it: in the calendar's zone,
// with the UTC form beside it so it can be found in `run`'s output.
import { DateTime } from "luxon";
import { formatInstant, parseInstant } from "./instants";

/**
 * `2026-01-05 09:00 Europe/Rome (2026-01-05T08:00:00.000Z)`; seconds show when
 * the instant has them. A UTC calendar gets the UTC form alone.
 */
export function describeInstant(iso: string, zone: string): string {
  const millis = parseInstant(iso);
  if (Number.isNaN(millis)) return iso;
  const utc = formatInstant(millis);
  if (zone === "UTC") return utc;
  const local = DateTime.fromMillis(millis, { zone });
  const pattern = local.millisecond !== 0 ? "yyyy-MM-dd HH:mm:ss.SSS" : local.second !== 0 ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm";
  return `${local.toFormat(pattern)} ${zone} (${utc})`;
}
