// Times are shown in the calendar's time zone: the one `after 1 day`, `at 09:00`
// and working hours are computed in, so a reader checks a timer against the rule.
import { DateTime } from "luxon";

export function formatInZone(iso: string, zone: string): string {
  const time = DateTime.fromISO(iso, { setZone: true }).setZone(zone);
  if (!time.isValid) return iso;
  return time.toFormat(time.second === 0 && time.millisecond === 0 ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd HH:mm:ss");
}

/** The zone's offset at a time, e.g. `+01:00`: shown in a tooltip where DST matters. */
export function offsetInZone(iso: string, zone: string): string {
  const time = DateTime.fromISO(iso, { setZone: true }).setZone(zone);
  return time.isValid ? time.toFormat("ZZ") : "";
}
