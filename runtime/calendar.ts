// Delay arithmetic in the calendar's time zone (LANGUAGE.md §3): `N days` keeps
// the local time (23 or 25 hours across a DST change), `N hours` is exact,
// business days skip non-workdays and holidays, `at HH:MM` and
// `within working hours` move the due time forward only.
import { DateTime } from "luxon";
import type { Calendar, Delay, Duration } from "./ir";

const MINUTE = 60_000;

export function addDuration(from: number, duration: Duration, calendar: Calendar): number {
  const { amount, unit } = duration;
  switch (unit) {
    case "minutes":
      return from + amount * MINUTE;
    case "hours":
      return from + amount * 60 * MINUTE;
    case "days":
      return local(from, calendar).plus({ days: amount }).toMillis();
    case "weeks":
      return local(from, calendar).plus({ days: 7 * amount }).toMillis();
    case "business_days":
      return addBusinessDays(local(from, calendar), amount, calendar).toMillis();
  }
}

/** When a timer scheduled at `from` with this delay comes due. */
export function dueTime(from: number, delay: Delay, calendar: Calendar): number {
  let due = addDuration(from, delay.duration, calendar);
  if (delay.at !== undefined) due = atTimeOfDay(due, delay.at, calendar);
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

/** The due time itself when inside working hours of a working day, else the next opening. */
export function withinWorkingHours(due: number, calendar: Calendar): number {
  const time = local(due, calendar);
  const minute = time.hour * 60 + time.minute;
  const { from, to } = calendar.hours;
  if (isWorkingDay(time, calendar)) {
    if (minute >= from && minute < to) return due;
    if (minute < from) return setMinuteOfDay(time, from).toMillis();
  }
  let day = time.plus({ days: 1 });
  while (!isWorkingDay(day, calendar)) day = day.plus({ days: 1 });
  return setMinuteOfDay(day, from).toMillis();
}

export function isWorkingDay(time: DateTime, calendar: Calendar): boolean {
  return (calendar.workdays as number[]).includes(time.weekday) && !calendar.holidays.includes(time.toISODate() ?? "");
}

function addBusinessDays(start: DateTime, amount: number, calendar: Calendar): DateTime {
  let day = start;
  let left = amount;
  // A calendar without workdays would loop for ever; no business day ever comes.
  if (calendar.workdays.length === 0) return day.plus({ years: 100 });
  while (left > 0) {
    day = day.plus({ days: 1 });
    if (isWorkingDay(day, calendar)) left--;
  }
  return day;
}

function local(millis: number, calendar: Calendar): DateTime {
  return DateTime.fromMillis(millis, { zone: calendar.timezone });
}

function setMinuteOfDay(day: DateTime, minuteOfDay: number): DateTime {
  return day.set({ hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60, second: 0, millisecond: 0 });
}
