// Comparing run-time values. Dates and date-times are strings; they compare by
// the instant they denote (a date is local midnight in the calendar's zone), so
// `2026-01-01T09:00:00+01:00 == 2026-01-01T08:00:00Z`.
import type { Value } from "../program/ir";
import { parseInstant, parseLocalDate } from "../time/instants";

const instantCache = new Map<string, number>();
const CACHE_LIMIT = 10_000;

/** The instant a date or date-time string denotes, NaN for other strings. */
export function instantOf(text: string, zone: string): number {
  if (!looksLikeDate(text)) return NaN;
  const key = text.length === 10 ? `${zone} ${text}` : text;
  let instant = instantCache.get(key);
  if (instant === undefined) {
    instant = text.length === 10 ? parseLocalDate(text, zone) : parseInstant(text);
    if (instantCache.size >= CACHE_LIMIT) instantCache.clear();
    instantCache.set(key, instant);
  }
  return instant;
}

function looksLikeDate(text: string): boolean {
  return text.length >= 10 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45 && (text.length === 10 || text.charCodeAt(10) === 84);
}

export function valuesEqual(a: Value, b: Value, zone: string): boolean {
  if (a === b) return true;
  if (typeof a === "string" && typeof b === "string") {
    const left = instantOf(a, zone);
    return !Number.isNaN(left) && left === instantOf(b, zone);
  }
  return false;
}

/** Negative, zero or positive; undefined when the values have no order (none, mixed kinds). */
export function compareValues(a: Value, b: Value, zone: string): number | undefined {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "string" && typeof b === "string") {
    const left = instantOf(a, zone);
    const right = instantOf(b, zone);
    if (!Number.isNaN(left) && !Number.isNaN(right)) return left - right;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  return undefined;
}
