// The runtime side of the stdlib's function catalog, keyed by name. The
// compiler checks calls against stdlib/functions.ts (data); this table is what
// runs. A name missing here is a runtime error (an IR from a newer compiler).
import { DateTime } from "luxon";
import type { Value } from "./ir";
import type { EvalContext } from "./types";
import { instantOf } from "./values";

export type RuntimeFunction = (args: Value[], ctx: EvalContext) => Value;

const DAY = 86_400_000;

function instantArg(value: Value, ctx: EvalContext): number {
  return typeof value === "string" ? instantOf(value, ctx.calendar.timezone) : NaN;
}

function since(unit: number): RuntimeFunction {
  return ([value], ctx) => {
    const instant = instantArg(value ?? null, ctx);
    return Number.isNaN(instant) ? null : Math.floor((ctx.now - instant) / unit);
  };
}

function text(fn: (value: string) => Value): RuntimeFunction {
  return ([value]) => (typeof value === "string" ? fn(value) : null);
}

function numeric(fn: (...values: number[]) => number): RuntimeFunction {
  return (args) => (args.every((arg) => typeof arg === "number") ? fn(...(args as number[])) : null);
}

/** Whole calendar days between the value's local date and now's, in the calendar's zone (stdlib doc). */
const daysSince: RuntimeFunction = ([value], ctx) => {
  const instant = instantArg(value ?? null, ctx);
  if (Number.isNaN(instant)) return null;
  const zone = ctx.calendar.timezone;
  const today = DateTime.fromMillis(ctx.now, { zone }).startOf("day");
  const then = DateTime.fromMillis(instant, { zone }).startOf("day");
  return Math.round(today.diff(then, "days").days);
};

export const runtimeFunctions: Record<string, RuntimeFunction> = {
  days_since: daysSince,
  hours_since: since(3_600_000),
  minutes_since: since(60_000),
  days_until: ([value], ctx) => {
    const instant = instantArg(value ?? null, ctx);
    return Number.isNaN(instant) ? null : Math.ceil((instant - ctx.now) / DAY);
  },
  lower: text((value) => value.toLowerCase()),
  upper: text((value) => value.toUpperCase()),
  trim: text((value) => value.trim()),
  len: ([value]) => (typeof value === "string" ? [...value].length : null),
  length: ([value]) => (typeof value === "string" ? [...value].length : null),
  contains: ([value, part]) => (typeof value === "string" && typeof part === "string" ? value.includes(part) : null),
  starts_with: ([value, part]) => (typeof value === "string" && typeof part === "string" ? value.startsWith(part) : null),
  ends_with: ([value, part]) => (typeof value === "string" && typeof part === "string" ? value.endsWith(part) : null),
  abs: numeric(Math.abs),
  round: numeric((value, digits = 0) => Math.round(value * 10 ** digits) / 10 ** digits),
  floor: numeric(Math.floor),
  ceil: numeric(Math.ceil),
  min: numeric(Math.min),
  max: numeric(Math.max),
  is_empty: ([value]) => value === null || value === undefined || value === "",
  coalesce: (args) => args.find((arg) => arg !== null && arg !== undefined) ?? null,
};
