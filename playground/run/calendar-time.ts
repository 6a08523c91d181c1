// Times are shown in the calendar's time zone: the one `after 1 day`, `at 09:00`
// and working hours are computed in, so a reader checks a timer against the rule.
import { DateTime } from "luxon";

export function formatInZone(iso: string, zone: string): string {
  const time = DateTime.fromISO(iso, { setZone: true }).setZone(zone);
  return time.isValid ? time.toFormat("yyyy-MM-dd HH:mm:ss ZZ") : iso;
}
