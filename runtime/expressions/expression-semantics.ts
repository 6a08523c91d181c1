// The meaning of every expression operator, once, and nothing else: every
// function here is what code emitted by the TypeScript backend may call, and
// runtime/index.ts exports this whole module under these names. The interpreter
// (compile-expr.ts) builds closures that call the same functions, through
// operator-table.ts for operators, so both paths give the same value on every
// input. Null-safety (docs/language.md "Expressions"): a path through an empty reference is
// none, comparisons with none are false except `==`/`!=`. Only the boolean
// connectives (`not`, `and`, `or`) are not here: both paths short-circuit them
// with the host language's own operators on `=== true`.
import type { Value } from "../program/ir";
import type { EvalContext, RecordState } from "../types";
import { resolveFunction } from "./functions";
import { readField } from "../engine/record-state";
import { fieldChanged } from "../engine/field-changes";
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

/** `changed(field)`, as the interpreter reads it. */
export const changed = fieldChanged;

export function previous(ctx: EvalContext, field: string): Value {
  return ctx.previous !== null && Object.hasOwn(ctx.previous, field) ? ctx.previous[field]! : readField(ctx.record, field);
}

export function isOpen(ctx: EvalContext, stage: string): boolean {
  return Object.hasOwn(ctx.record.open, stage);
}

export function negate(value: Value): Value {
  return typeof value === "number" ? -value : null;
}

/** What comparisons read of the context: the zone a date is local to. The checker's constant folding passes only this. */
export interface ZoneContext {
  readonly calendar: { readonly timezone: string };
}

export function equal(a: Value, b: Value, ctx: ZoneContext): boolean {
  return valuesEqual(a, b, ctx.calendar.timezone);
}

export function notEqual(a: Value, b: Value, ctx: ZoneContext): boolean {
  return !valuesEqual(a, b, ctx.calendar.timezone);
}

export function less(a: Value, b: Value, ctx: ZoneContext): boolean {
  return (compareValues(a, b, ctx.calendar.timezone) ?? NaN) < 0;
}

export function lessOrEqual(a: Value, b: Value, ctx: ZoneContext): boolean {
  return (compareValues(a, b, ctx.calendar.timezone) ?? NaN) <= 0;
}

export function greater(a: Value, b: Value, ctx: ZoneContext): boolean {
  return (compareValues(a, b, ctx.calendar.timezone) ?? NaN) > 0;
}

export function greaterOrEqual(a: Value, b: Value, ctx: ZoneContext): boolean {
  return (compareValues(a, b, ctx.calendar.timezone) ?? NaN) >= 0;
}

export function isIn(value: Value, options: readonly Value[], ctx: ZoneContext): boolean {
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
  return resolveFunction(name)(args, ctx);
}

/** A placeholder's text in a template: none (or empty text) prints its default, or nothing without one. */
export function placeholder(value: Value, fallback?: string): string {
  if (value === null || value === "") return fallback ?? "";
  return String(value);
}
