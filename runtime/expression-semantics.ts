// The meaning of every expression operator, once. The interpreter
// (compile-expr.ts) builds closures that call these functions; code emitted by
// the TypeScript backend imports the same functions from the runtime's public
// API under the names in `expressionSemantics`, so both paths give the same
// value on every input. Null-safety (LANGUAGE.md §3): a path through an empty
// reference is none, comparisons with none are false except `==`/`!=`. Only
// the boolean connectives (`not`, `and`, `or`) are not here: both paths
// short-circuit them with the host language's own operators on `=== true`.
import type { Value } from "./ir";
import type { EvalContext, RecordState } from "./types";
import { runtimeFunctions } from "./functions";
import { UnknownFunctionError } from "./errors";
import { compareValues, valuesEqual } from "./values";

/** Reads one field of a record; `id` and `stage` are implicit. */
export function readField(record: RecordState, name: string): Value {
  if (name === "id") return record.id;
  if (name === "stage") return record.stage;
  const fields = record.fields;
  return Object.hasOwn(fields, name) ? fields[name]! : null;
}

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

export type StdlibFunction = (args: Value[], ctx: EvalContext) => Value;

/** A stdlib function by name; calling an unknown one is a runtime error (an IR from a newer compiler). */
export function resolveFunction(name: string): StdlibFunction {
  const fn = Object.hasOwn(runtimeFunctions, name) ? runtimeFunctions[name] : undefined;
  return (
    fn ??
    (() => {
      throw new UnknownFunctionError(name);
    })
  );
}

export function callFunction(name: string, args: Value[], ctx: EvalContext): Value {
  return resolveFunction(name)(args, ctx);
}

/** A placeholder's text in a template: none prints nothing. */
export function placeholder(value: Value): string {
  return value === null ? "" : String(value);
}

/**
 * Every function emitted code may call, by the name runtime/index.ts exports it
 * under (a test keeps the two equal). The emitter writes these names; the
 * interpreter looks operators up here, so an operator has one implementation.
 */
export const expressionSemantics = {
  fieldOf,
  follow,
  eventField,
  changed,
  previous,
  isOpen,
  negate,
  equal,
  notEqual,
  less,
  lessOrEqual,
  greater,
  greaterOrEqual,
  isIn,
  add,
  subtract,
  multiply,
  divide,
  callFunction,
  placeholder,
} as const;

export type SemanticsName = keyof typeof expressionSemantics;

export type ComparisonOperator = "==" | "!=" | "<" | "<=" | ">" | ">=";
export type ArithmeticOperator = "+" | "-" | "*" | "/";

/** Each comparison operator's implementation, by name. */
export const comparisonSemantics = {
  "==": "equal",
  "!=": "notEqual",
  "<": "less",
  "<=": "lessOrEqual",
  ">": "greater",
  ">=": "greaterOrEqual",
} as const satisfies Record<ComparisonOperator, SemanticsName>;

/** Each arithmetic operator's implementation, by name. */
export const arithmeticSemantics = {
  "+": "add",
  "-": "subtract",
  "*": "multiply",
  "/": "divide",
} as const satisfies Record<ArithmeticOperator, SemanticsName>;
