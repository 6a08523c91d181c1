// Delay arithmetic in the calendar's time zone (docs/language.md "Time"): `N days` keeps
// the local time (23 or 25 hours across a DST change), `N hours` is exact,
// business days skip non-workdays and holidays and keep the local time too,
// `at HH:MM` and `within working hours` move the due time forward only.
// Every loop over days is bounded by what the calendar guarantees: the checker
// refuses a calendar with no working time wherever one is needed, so a loop
// that passes its bound is a bug, reported as LoopBoundError, never a hang.
import { DateTime, IANAZone } from "luxon";
import type { Calendar, Delay, Duration } from "../program/ir";
import { LoopBoundError } from "../errors";

const MINUTE = 60_000;

export function addDuration(from: number, duration: Duration, calendar: Calendar): number {
  const { amount, unit } = duration;
  switch (unit) {
    case "minutes":
      return from + amount * MINUTE;
    case "hours":
      return from + amount * 60 * MINUTE;
    case "days":
      return plusLocalDays(from, amount, calendar.timezone);
    case "weeks":
      return plusLocalDays(from, 7 * amount, calendar.timezone);
    case "business_days":
      return addBusinessDays(from, amount, calendar);
  }
}

/**
 * When a timer scheduled at `from` with this delay comes due. `at HH:MM` is that
 * local time on the day the duration lands on, or on the next day when it has
 * passed; with business days, the next business day.
 */
export function dueTime(from: number, delay: Delay, calendar: Calendar): number {
  let due = addDuration(from, delay.duration, calendar);
  if (delay.at !== undefined) {
    due = delay.duration.unit === "business_days" ? atTimeOnBusinessDay(due, delay.at, calendar) : atTimeOfDay(due, delay.at, calendar);
  }
  if (delay.withinWorkingHours) due = withinWorkingHours(due, calendar);
  return due;
}

/** The given local time on the due day, or on the next day when it has passed. */
export function atTimeOfDay(due: number, minuteOfDay: number, calendar: Calendar): number {
  const day = local(due, calendar);
  let moved = setMinuteOfDay(day, minuteOfDay);
  if (moved.toMillis() < due) moved = setMinuteOfDay(day.plus({ days: 1 }), minuteOfDay);
  return moved.toMillis();
}

/** The given local time on the due day (a business day), or on the next business day when it has passed. */
function atTimeOnBusinessDay(due: number, minuteOfDay: number, calendar: Calendar): number {
  const day = local(due, calendar);
  const moved = setMinuteOfDay(day, minuteOfDay);
  if (moved.toMillis() >= due && isWorkingDay(day, calendar)) return moved.toMillis();
  return setMinuteOfDay(day.plus({ days: daysToNextWorkingDay(day, calendar) }), minuteOfDay).toMillis();
}

/** The due time itself when inside working hours of a working day, else the next opening. */
export function withinWorkingHours(due: number, calendar: Calendar): number {
  const time = local(due, calendar);
  const minute = time.hour * 60 + time.minute;
  const { from, to } = calendar.hours;
  if (isWorkingDay(time, calendar)) {
    if (minute >= from && minute < to) return due;
    if (minute < from) return setMinuteOfDay(time, from).toMillis();
  }
  return setMinuteOfDay(time.plus({ days: daysToNextWorkingDay(time, calendar) }), from).toMillis();
}

export function isWorkingDay(time: DateTime, calendar: Calendar): boolean {
  return (calendar.workdays as number[]).includes(time.weekday) && !calendar.holidays.includes(time.toISODate() ?? "");
}

/**
 * How many calendar days after `day` the next working day is. Holidays are
 * dates, so among any `holidays + 1` weeks one holds a workday that is none:
 * past that bound the calendar has no working time.
 */
function daysToNextWorkingDay(day: DateTime, calendar: Calendar): number {
  const bound = 7 * (calendar.holidays.length + 1);
  for (let days = 1; days <= bound; days++) if (isWorkingDay(day.plus({ days }), calendar)) return days;
  throw new LoopBoundError(`no working day within ${bound} days of ${day.toISODate() ?? "?"} in the calendar`);
}

/**
 * N business days later, at the same local time. The days are counted on the
 * dates, then added to the start in one step, so a DST gap on a day passed
 * over does not move the local time of the days after it.
 */
function addBusinessDays(from: number, amount: number, calendar: Calendar): number {
  let day = local(from, calendar);
  let days = 0;
  for (let left = amount; left > 0; left--) {
    const next = daysToNextWorkingDay(day, calendar);
    days += next;
    day = day.plus({ days: next });
  }
  return plusLocalDays(from, days, calendar.timezone);
}

function local(millis: number, calendar: Calendar): DateTime {
  return DateTime.fromMillis(millis, { zone: calendar.timezone });
}

function setMinuteOfDay(day: DateTime, minuteOfDay: number): DateTime {
  return day.set({ hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60, second: 0, millisecond: 0 });
}

// ---------------------------------------------------------------- fast day arithmetic

// `after N days` runs once per scheduled timer, and a luxon DateTime in a named
// zone costs an Intl call per offset lookup. Offsets are cached per 15-minute
// bucket (zone transitions fall on quarter hours), and the day arithmetic below
// is luxon's own `plus({ days })` algorithm (local timestamp, then fixOffset),
// so results are identical to luxon's, gaps and overlaps included.
const QUARTER_HOUR = 15 * MINUTE;
const DAY = 86_400_000;
interface OffsetCache {
  zone: IANAZone;
  /** UTC day → its offset when the whole day has one, NaN when a transition falls in it. */
  days: Map<number, number>;
  quarters: Map<number, number>;
}
const offsetCaches = new Map<string, OffsetCache>();

function zoneOffset(zone: string, millis: number): number {
  let cache = offsetCaches.get(zone);
  if (!cache) offsetCaches.set(zone, (cache = { zone: IANAZone.create(zone), days: new Map(), quarters: new Map() }));
  const day = Math.floor(millis / DAY);
  let offset = cache.days.get(day);
  if (offset === undefined) {
    const start = cache.zone.offset(day * DAY);
    offset = start === cache.zone.offset((day + 1) * DAY - QUARTER_HOUR) ? start : NaN;
    if (cache.days.size > 100_000) cache.days.clear();
    cache.days.set(day, offset);
  }
  if (!Number.isNaN(offset)) return offset;
  const quarter = Math.floor(millis / QUARTER_HOUR);
  offset = cache.quarters.get(quarter);
  if (offset === undefined) {
    offset = cache.zone.offset(quarter * QUARTER_HOUR);
    if (cache.quarters.size > 100_000) cache.quarters.clear();
    cache.quarters.set(quarter, offset);
  }
  return offset;
}

function plusLocalDays(from: number, days: number, zone: string): number {
  const offset = zoneOffset(zone, from);
  return fixOffset(from + offset * MINUTE + days * DAY, offset, zone);
}

/** The instant of a local timestamp, given a guess of its offset (luxon's fixOffset). */
function fixOffset(localTs: number, guess: number, zone: string): number {
  let utc = localTs - guess * MINUTE;
  const second = zoneOffset(zone, utc);
  if (guess === second) return utc;
  utc -= (second - guess) * MINUTE;
  const third = zoneOffset(zone, utc);
  if (second === third) return utc;
  return localTs - Math.min(second, third) * MINUTE;
}
