// Times are shown in the calendar's time zone, as the runtime's test failures
// show them: one implementation (runtime/time/zoned-time.ts) for both.
export { formatInZone, formatWithUtc, offsetInZone } from "../../runtime/time/zoned-time";
