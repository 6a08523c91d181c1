// Times are shown in the calendar's time zone: the one `after 1 day`, `at 09:00`
// and working hours are computed in, so a reader checks a timer against the rule.
// The one way of writing them for the playground and the CLI (`run --trace`,
// `explain`, test failures), with UTC beside them where there is no tooltip.
// Intl does the zone arithmetic (one formatter per zone, kept): the timeline
// formats a few dozen times per frame, and the page needs no date library.
const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(zone: string): Intl.DateTimeFormat | null {
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat("en-GB", {
        timeZone: zone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
        hourCycle: "h23",
      });
    } catch {
      formatter = null; // not a zone this browser knows: times stay as written
    }
    formatters.set(zone, formatter);
  }
  return formatter;
}

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** Minutes east of UTC. */
  offset: number;
}

function wallTime(iso: string, zone: string): WallTime | null {
  const instant = Date.parse(iso);
  const formatter = formatterFor(zone);
  if (Number.isNaN(instant) || !formatter) return null;
  const part: Record<string, number> = {};
  for (const { type, value } of formatter.formatToParts(instant)) part[type] = Number(value);
  const millisecond = ((instant % 1000) + 1000) % 1000;
  const asUtc = Date.UTC(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!, part.second!, millisecond);
  return { year: part.year!, month: part.month!, day: part.day!, hour: part.hour!, minute: part.minute!, second: part.second!, millisecond, offset: Math.round((asUtc - instant) / 60_000) };
}

const two = (n: number) => String(n).padStart(2, "0");

export function formatInZone(iso: string, zone: string): string {
  const time = wallTime(iso, zone);
  if (!time) return iso;
  const minutes = `${time.year}-${two(time.month)}-${two(time.day)} ${two(time.hour)}:${two(time.minute)}`;
  if (time.second === 0 && time.millisecond === 0) return minutes;
  return `${minutes}:${two(time.second)}`;
}

/** The zone's offset at a time, e.g. `+01:00`: shown in a tooltip where DST matters. */
export function offsetInZone(iso: string, zone: string): string {
  const time = wallTime(iso, zone);
  if (!time) return "";
  const sign = time.offset < 0 ? "-" : "+";
  const offset = Math.abs(time.offset);
  return `${sign}${two(Math.floor(offset / 60))}:${two(offset % 60)}`;
}

/**
 * A time in the zone with UTC beside it, e.g. `2026-03-02 10:00 (09:00 UTC)`: for
 * text with no tooltip to hold UTC. The UTC date is left out when it is the same day.
 */
export function formatWithUtc(iso: string, zone: string): string {
  const local = formatInZone(iso, zone);
  const utc = formatInZone(iso, "UTC");
  if (local === iso) return iso; // not a time, or a zone this browser does not know
  if (local === utc) return `${utc} UTC`;
  const sameDay = local.slice(0, 10) === utc.slice(0, 10);
  return `${local} (${sameDay ? utc.slice(11) : utc} UTC)`;
}

/** An instant as the engine writes it into a reason (`due 2026-01-06T08:05:00.000Z`). */
const INSTANT_IN_TEXT = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g;

/** The text with every instant the engine wrote into it (`YYYY-MM-DDTHH:mm:ss.SSSZ`) shown as `format` shows it. */
export function formatInstantsIn(text: string, format: (iso: string) => string): string {
  return text.replace(INSTANT_IN_TEXT, format);
}
