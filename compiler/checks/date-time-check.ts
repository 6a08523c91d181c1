// Date and datetime literals must name moments that exist: YYYY-MM-DD, and
// ISO 8601 with a time and an offset or Z (time zones are never guessed).
import type { Check } from "./context";
import { Diagnostics } from "../../diagnostics/messages";

/** YYYY-MM-DD naming a day that exists (no 2026-02-30). */
export function isRealDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const dateTimePattern = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):?(\d{2}))$/;

export function isRealDateTime(text: string): boolean {
  const match = dateTimePattern.exec(text);
  if (!match || !isRealDate(match[1]!)) return false;
  const [hour, minute, second] = [Number(match[2]), Number(match[3]), Number(match[4] ?? 0)];
  const offsetHours = match[6] === undefined ? 0 : Number(match[6]);
  const offsetMinutes = match[7] === undefined ? 0 : Number(match[7]);
  return hour <= 23 && minute <= 59 && second <= 59 && offsetHours <= 18 && offsetMinutes <= 59;
}

export const DateTimeCheck: Check = {
  name: "DateTime",
  codes: ["SC2406", "SC2703"],
  nodes: {
    DateLiteral: (literal, context) => {
      if (isRealDate(literal.text)) return;
      context.report(literal, Diagnostics.NotADate, { date: literal.text });
    },
    DateTimeLiteral: (literal, context) => {
      if (isRealDateTime(literal.text)) return;
      context.report(literal, Diagnostics.NotADateTime, { datetime: literal.text });
    },
  },
};
