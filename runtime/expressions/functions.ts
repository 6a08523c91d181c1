// The runtime side of the stdlib's function catalog, keyed by name: exactly the
// functions stdlib/functions.ts declares (a test keeps the two lists equal; the
// checker refuses any other name). `changed` and `previous` are IR nodes of their
// own. A name missing here is a runtime error (an IR from a newer compiler).
import { DateTime } from "luxon";
import type { Value } from "../program/ir";
import type { EvalContext } from "../types";
import { instantOf } from "./values";
import { UnknownFunctionError } from "../errors";

export type RuntimeFunction = (args: Value[], ctx: EvalContext) => Value;

function instantArg(value: Value, ctx: EvalContext): number {
  return typeof value === "string" ? instantOf(value, ctx.calendar.timezone) : NaN;
}

function text(fn: (value: string) => Value): RuntimeFunction {
  return ([value]) => (typeof value === "string" ? fn(value) : null);
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
  lower: text((value) => value.toLowerCase()),
  upper: text((value) => value.toUpperCase()),
  len: ([value]) => (typeof value === "string" ? [...value].length : null),
  contains: ([value, part]) => (typeof value === "string" && typeof part === "string" ? value.includes(part) : null),
};

/** A stdlib function by name; calling an unknown one is a runtime error (an IR from a newer compiler). */
export function resolveFunction(name: string): RuntimeFunction {
  const fn = Object.hasOwn(runtimeFunctions, name) ? runtimeFunctions[name] : undefined;
  return (
    fn ??
    (() => {
      throw new UnknownFunctionError(name);
    })
  );
}
