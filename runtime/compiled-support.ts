// What code emitted by the TypeScript backend calls: the engine's expression
// semantics (compile-expr.ts) as plain functions, so an emitted condition and
// the engine's own closure give the same value on every input. Null-safety as
// in docs/language.md "Expressions": a path through an empty reference is none, comparisons
// with none are false except `==`/`!=`.
import type { Value } from "./ir";
import type { EvalContext, RecordState } from "./types";
import { readField } from "./compile-expr";
import { runtimeFunctions } from "./functions";
import { UnknownFunctionError } from "./errors";
import { compareValues, valuesEqual } from "./values";

/** A field of a record; none when the record is missing (an empty or dangling reference). */
export function fieldOf(record: RecordState | undefined, name: string): Value {
  return record === undefined ? null : readField(record, name);
}

/** The record a reference value points to, if any. */
export function follow(ctx: EvalContext, ref: Value): RecordState | undefined {
  return typeof ref === "string" ? ctx.lookup(ref) : undefined;
}

export function eventField(ctx: EvalContext, field: string): Value {
  return ctx.eventData !== null && Object.hasOwn(ctx.eventData, field) ? ctx.eventData[field]! : null;
}

export function changed(ctx: EvalContext, field: string): boolean {
  return ctx.changes !== null && Object.hasOwn(ctx.changes, field);
}

export function previous(ctx: EvalContext, field: string): Value {
  return ctx.previous !== null && Object.hasOwn(ctx.previous, field) ? ctx.previous[field]! : readField(ctx.record, field);
}

export function isOpen(ctx: EvalContext, stage: string): boolean {
  return Object.hasOwn(ctx.record.open, stage);
}

export function negate(value: Value): Value {
  return typeof value === "number" ? -value : null;
}

export function equal(a: Value, b: Value, ctx: EvalContext): boolean {
  return valuesEqual(a, b, ctx.calendar.timezone);
}

export function less(a: Value, b: Value, ctx: EvalContext): boolean {
  return (compareValues(a, b, ctx.calendar.timezone) ?? NaN) < 0;
}

export function lessOrEqual(a: Value, b: Value, ctx: EvalContext): boolean {
  return (compareValues(a, b, ctx.calendar.timezone) ?? NaN) <= 0;
}

export function greater(a: Value, b: Value, ctx: EvalContext): boolean {
  return (compareValues(a, b, ctx.calendar.timezone) ?? NaN) > 0;
}

export function greaterOrEqual(a: Value, b: Value, ctx: EvalContext): boolean {
  return (compareValues(a, b, ctx.calendar.timezone) ?? NaN) >= 0;
}

export function isIn(value: Value, options: readonly Value[], ctx: EvalContext): boolean {
  const zone = ctx.calendar.timezone;
  for (const option of options) if (valuesEqual(value, option, zone)) return true;
  return false;
}

export function add(a: Value, b: Value): Value {
  if (typeof a === "number" && typeof b === "number") return a + b;
  return typeof a === "string" && typeof b === "string" ? a + b : null;
}

export function subtract(a: Value, b: Value): Value {
  return typeof a === "number" && typeof b === "number" ? a - b : null;
}

export function multiply(a: Value, b: Value): Value {
  return typeof a === "number" && typeof b === "number" ? a * b : null;
}

export function divide(a: Value, b: Value): Value {
  return typeof a === "number" && typeof b === "number" ? (b === 0 ? null : a / b) : null;
}

/** A stdlib function by name; an unknown name is a runtime error, as in the engine. */
export function callFunction(name: string, args: Value[], ctx: EvalContext): Value {
  const fn = Object.hasOwn(runtimeFunctions, name) ? runtimeFunctions[name] : undefined;
  if (!fn) throw new UnknownFunctionError(name);
  return fn(args, ctx);
}

/** A placeholder's text in a template: none prints nothing. */
export function placeholder(value: Value): string {
  return value === null ? "" : String(value);
}
