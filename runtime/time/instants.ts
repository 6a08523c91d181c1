// Instants are epoch milliseconds inside the runtime; text only at the edges.
// The common event shape (`2026-01-01T08:00:00+01:00`, `…Z`) is parsed by hand
// because luxon costs microseconds per call and every input event carries a time.
import { DateTime } from "luxon";

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
// ISO 8601 and RFC 3339 write a UTC offset as hours 00-23 and minutes 00-59 (as
// JavaScript's Date reads it); anything beyond, `+25:00` or `+99:99`, names no
// offset, and reading it as minutes would silently shift the time by days.
const MAX_OFFSET_HOURS = 23;
const MAX_OFFSET_MINUTES = 59;

/** Epoch millis of an ISO 8601 date-time with offset or Z; NaN when it is not one. */
// The same `at` is read by validateEventLine, by EventStreamValidator's order
// check and by the engine: remembering the last two readings saves most of the parsing.
let recentText1 = "";
let recentValue1 = NaN;
let recentText2 = "";
let recentValue2 = NaN;

export function parseInstant(text: string): number {
  if (text === recentText1) return recentValue1;
  if (text === recentText2) return recentValue2;
  const value = readInstant(text);
  recentText2 = recentText1;
  recentValue2 = recentValue1;
  recentText1 = text;
  recentValue1 = value;
  return value;
}

function readInstant(text: string): number {
  const fast = parseCommonInstant(text);
  if (fast !== undefined) return fast;
  const m = ISO_INSTANT.exec(text);
  if (m) {
    const year = +m[1]!, month = +m[2]!, day = +m[3]!, hour = +m[4]!, minute = +m[5]!;
    const second = m[6] ? +m[6] : 0;
    const millis = m[7] ? Math.floor(+`0.${m[7]}` * 1000 + 1e-6) : 0;
    if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]!) return NaN;
    if (month === 2 && day === 29 && !isLeapYear(year)) return NaN;
    if (hour > 23 || minute > 59 || second > 59) return NaN;
    const offset = offsetMinutes(m[8]!);
    return Number.isNaN(offset) ? NaN : Date.UTC(year, month - 1, day, hour, minute, second, millis) - offset * 60_000;
  }
  // Nothing else is an instant: a date alone, or a time without its offset, would
  // be read in the machine's own zone and make the output depend on the machine.
  return NaN;
}

/**
 * `YYYY-MM-DDTHH:mm:ss[.SSS](Z|±HH:MM)` read digit by digit (no regex, no
 * allocation): the shape of nearly every input line. Undefined for any other
 * shape, which the general path then reads.
 */
function parseCommonInstant(text: string): number | undefined {
  const length = text.length;
  if (length !== 20 && length !== 24 && length !== 25 && length !== 29) return undefined;
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84) return undefined;
  if (text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return undefined;
  const year = digits(text, 0, 4), month = digits(text, 5, 2), day = digits(text, 8, 2);
  const hour = digits(text, 11, 2), minute = digits(text, 14, 2), second = digits(text, 17, 2);
  let index = 19;
  let millis = 0;
  if (text.charCodeAt(index) === 46) {
    millis = digits(text, 20, 3);
    index = 23;
  }
  let offset = 0;
  const sign = text.charCodeAt(index);
  if (sign === 90) {
    if (index + 1 !== length) return undefined;
  } else if ((sign === 43 || sign === 45) && index + 6 === length && text.charCodeAt(index + 3) === 58) {
    const offsetHours = digits(text, index + 1, 2);
    const offsetMinutes = digits(text, index + 4, 2);
    if (offsetHours < 0 || offsetMinutes < 0 || offsetHours > MAX_OFFSET_HOURS || offsetMinutes > MAX_OFFSET_MINUTES) return undefined;
    offset = (offsetHours * 60 + offsetMinutes) * (sign === 45 ? -1 : 1);
  } else {
    return undefined;
  }
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]! || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || millis < 0) return undefined;
  if (month === 2 && day === 29 && !isLeapYear(year)) return undefined;
  return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offset * 60_000;
}

/** The number written by `count` ASCII digits at `start`, or -1 when one is not a digit. */
function digits(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const code = text.charCodeAt(i) - 48;
    if (code < 0 || code > 9) return -1;
    value = value * 10 + code;
  }
  return value;
}

/**
 * Whether a time text that parses is already what `formatInstant` writes for
 * it (`YYYY-MM-DDTHH:mm:ss.SSSZ`, years 1000-9999): then the output can reuse
 * it. Input events nearly always come in that form.
 */
export function isOutputForm(parsedText: string): boolean {
  return (
    parsedText.length === 24 &&
    parsedText.charCodeAt(23) === 90 &&
    parsedText.charCodeAt(19) === 46 &&
    parsedText.charCodeAt(0) !== 48 &&
    // The calendar-date shape, not another ISO form luxon reads (a week date has the same length).
    parsedText.charCodeAt(4) === 45 &&
    parsedText.charCodeAt(7) === 45 &&
    parsedText.charCodeAt(10) === 84 &&
    parsedText.charCodeAt(13) === 58 &&
    parsedText.charCodeAt(16) === 58
  );
}

/** `YYYY-MM-DDTHH:mm:ss.SSSZ`, the only time format of the output. */
export function formatInstant(millis: number): string {
  return new Date(millis).toISOString();
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Local midnight of a `YYYY-MM-DD` date in the zone, or NaN. */
export function parseLocalDate(text: string, zone: string): number {
  if (!ISO_DATE.test(text)) return NaN;
  const parsed = DateTime.fromISO(text, { zone });
  return parsed.isValid ? parsed.toMillis() : NaN;
}

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

/** Whether the text is a date and time of day without an offset (`2026-03-01T09:00`), as a zone's clocks show it. */
export function isWallTime(text: string): boolean {
  return WALL_TIME.test(text);
}

/**
 * Epoch millis of a wall time (`2026-03-01T09:00[:SS[.SSS]]`) in the zone: NaN
 * when it is not one, "skipped" when the zone's clocks jump over it (the hour
 * lost to daylight saving time). A time shown twice (the hour repeated when the
 * clocks go back) is the first of the two.
 */
export function parseWallTime(text: string, zone: string): number | "skipped" {
  const m = WALL_TIME.exec(text);
  if (!m) return NaN;
  const wall = { year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +m[4]!, minute: +m[5]!, second: m[6] ? +m[6] : 0, millisecond: m[7] ? +m[7].padEnd(3, "0") : 0 };
  const time = DateTime.fromObject(wall, { zone });
  if (!time.isValid) return NaN;
  // luxon moves a skipped wall time forward by the jump: it then reads another hour.
  if (time.hour !== wall.hour || time.minute !== wall.minute || time.day !== wall.day) return "skipped";
  // Of a repeated hour, luxon may take either offset: the earlier instant is the first time the clocks show it.
  const earlier = time.minus({ hours: 1 });
  const repeated = earlier.hour === wall.hour && earlier.minute === wall.minute && earlier.day === wall.day;
  return repeated ? earlier.toMillis() : time.toMillis();
}

/** The last millisecond of a `YYYY-MM-DD` date in the zone (the instant before the next day starts), or NaN. */
export function endOfLocalDate(text: string, zone: string): number {
  if (!isIsoDate(text)) return NaN;
  const day = DateTime.fromISO(text, { zone });
  return day.isValid ? day.plus({ days: 1 }).startOf("day").toMillis() - 1 : NaN;
}

export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const year = +m[1]!, month = +m[2]!, day = +m[3]!;
  if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]!) return false;
  return !(month === 2 && day === 29 && !isLeapYear(year));
}

/** Minutes east of UTC of `Z` or `±HH[:]MM`, NaN when the hours or minutes are out of range. */
function offsetMinutes(offset: string): number {
  if (offset === "Z") return 0;
  const sign = offset[0] === "-" ? -1 : 1;
  const digits = offset.slice(1).replace(":", "");
  const hours = +digits.slice(0, 2), minutes = +digits.slice(2, 4);
  if (hours > MAX_OFFSET_HOURS || minutes > MAX_OFFSET_MINUTES) return NaN;
  return sign * (hours * 60 + minutes);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/**
 * Why a text of the ISO shape (`YYYY-MM-DD`, or a date-time with offset) is no
 * time: its date, time of day or offset does not exist (`2026-02-30`: "February
 * 2026 has 28 days"; `…+25:00`: "+25:00 is not a UTC offset …"). Undefined when
 * the text is not of that shape, or is a real time:
 * "must be ISO 8601" would send the reader looking for a format mistake.
 */
export function missingTimeReason(text: string): string | undefined {
  const m = ISO_INSTANT.exec(text) ?? ISO_DATE.exec(text);
  if (!m) return undefined;
  const year = +m[1]!, month = +m[2]!, day = +m[3]!;
  if (month < 1 || month > 12) return `there is no month ${m[2]}`;
  const days = month === 2 && !isLeapYear(year) ? 28 : DAYS_IN_MONTH[month - 1]!;
  if (day < 1 || day > days) return `${MONTH_NAMES[month - 1]} ${year} has ${days} days`;
  if (m[4] !== undefined && (+m[4] > 23 || +m[5]! > 59 || (m[6] !== undefined && +m[6] > 59))) {
    return `${text.slice(11, m[6] !== undefined ? 19 : 16)} is not a time of day`;
  }
  if (m[8] !== undefined && Number.isNaN(offsetMinutes(m[8]))) {
    return `${m[8]} is not a UTC offset (hours go up to ${MAX_OFFSET_HOURS}, minutes up to ${MAX_OFFSET_MINUTES})`;
  }
  return undefined;
}
