// IR expressions become closures once, at engine creation, so evaluating a
// condition per event is a few function calls instead of a tree walk.
// Null-safety (docs/language.md "Expressions"): a path through an empty reference is none,
// comparisons with none are false except `==`/`!=`.
import type { Expr, TemplateText, Value } from "./ir";
import type { EvalContext, RecordState } from "./types";
import { runtimeFunctions } from "./functions";
import { UnknownFunctionError } from "./errors";
import { compareValues, valuesEqual } from "./values";

export type Evaluator = (ctx: EvalContext) => Value;

export interface CompiledExpr {
  evaluate: Evaluator;
  /** What the expression reads, by the name a user would write, for traces and explain. */
  reads: Array<{ label: string; evaluate: Evaluator }>;
}

export function compileExpr(expr: Expr): CompiledExpr {
  const reads: CompiledExpr["reads"] = [];
  const evaluate = compileNode(expr, (label, evaluator) => {
    if (!reads.some((read) => read.label === label)) reads.push({ label, evaluate: evaluator });
  });
  return { evaluate, reads };
}

/** The values an expression read, for a trace line. */
export function readValues(compiled: CompiledExpr, ctx: EvalContext): Record<string, Value> {
  const values: Record<string, Value> = {};
  for (const read of compiled.reads) values[read.label] = read.evaluate(ctx);
  return values;
}

type NoteRead = (label: string, evaluator: Evaluator) => void;

function compileNode(expr: Expr, noteRead: NoteRead): Evaluator {
  switch (expr.kind) {
    case "literal": {
      const value = expr.value;
      return () => value;
    }
    case "field": {
      const reader = fieldPathReader(expr.path);
      noteRead(expr.path.join("."), reader);
      return reader;
    }
    case "eventField": {
      const field = expr.field;
      const reader: Evaluator = (ctx) => (ctx.eventData !== null && Object.hasOwn(ctx.eventData, field) ? ctx.eventData[field]! : null);
      noteRead(`event.${field}`, reader);
      return reader;
    }
    case "this":
      return (ctx) => ctx.record.ref;
    case "not": {
      const operand = compileNode(expr.operand, noteRead);
      return (ctx) => operand(ctx) !== true;
    }
    case "negate": {
      const operand = compileNode(expr.operand, noteRead);
      return (ctx) => {
        const value = operand(ctx);
        return typeof value === "number" ? -value : null;
      };
    }
    case "and": {
      const left = compileNode(expr.left, noteRead);
      const right = compileNode(expr.right, noteRead);
      return (ctx) => left(ctx) === true && right(ctx) === true;
    }
    case "or": {
      const left = compileNode(expr.left, noteRead);
      const right = compileNode(expr.right, noteRead);
      return (ctx) => left(ctx) === true || right(ctx) === true;
    }
    case "compare":
      return compileComparison(expr.op, compileNode(expr.left, noteRead), compileNode(expr.right, noteRead));
    case "arithmetic":
      return compileArithmetic(expr.op, compileNode(expr.left, noteRead), compileNode(expr.right, noteRead));
    case "in": {
      const value = compileNode(expr.value, noteRead);
      const options = expr.options.map((option) => compileNode(option, noteRead));
      return (ctx) => {
        const candidate = value(ctx);
        const zone = ctx.calendar.timezone;
        for (const option of options) if (valuesEqual(candidate, option(ctx), zone)) return true;
        return false;
      };
    }
    case "changed": {
      const field = expr.field;
      const reader: Evaluator = (ctx) => ctx.changes !== null && Object.hasOwn(ctx.changes, field);
      noteRead(`changed(${field})`, reader);
      return reader;
    }
    case "previous": {
      const field = expr.field;
      const current = fieldPathReader([field]);
      const reader: Evaluator = (ctx) =>
        ctx.previous !== null && Object.hasOwn(ctx.previous, field) ? ctx.previous[field]! : current(ctx);
      noteRead(`previous(${field})`, reader);
      return reader;
    }
    case "isOpen": {
      const stage = expr.stage;
      const reader: Evaluator = (ctx) => Object.hasOwn(ctx.record.open, stage);
      noteRead(`is open "${stage}"`, reader);
      return reader;
    }
    case "call":
      return compileCall(expr.fn, expr.args.map((arg) => compileNode(arg, noteRead)));
  }
}

function compileComparison(op: "==" | "!=" | "<" | "<=" | ">" | ">=", left: Evaluator, right: Evaluator): Evaluator {
  switch (op) {
    case "==":
      return (ctx) => valuesEqual(left(ctx), right(ctx), ctx.calendar.timezone);
    case "!=":
      return (ctx) => !valuesEqual(left(ctx), right(ctx), ctx.calendar.timezone);
    case "<":
      return (ctx) => (compareValues(left(ctx), right(ctx), ctx.calendar.timezone) ?? NaN) < 0;
    case "<=":
      return (ctx) => (compareValues(left(ctx), right(ctx), ctx.calendar.timezone) ?? NaN) <= 0;
    case ">":
      return (ctx) => (compareValues(left(ctx), right(ctx), ctx.calendar.timezone) ?? NaN) > 0;
    case ">=":
      return (ctx) => (compareValues(left(ctx), right(ctx), ctx.calendar.timezone) ?? NaN) >= 0;
  }
}

function compileArithmetic(op: "+" | "-" | "*" | "/", left: Evaluator, right: Evaluator): Evaluator {
  return (ctx) => {
    const a = left(ctx);
    const b = right(ctx);
    if (typeof a === "number" && typeof b === "number") {
      switch (op) {
        case "+":
          return a + b;
        case "-":
          return a - b;
        case "*":
          return a * b;
        case "/":
          return b === 0 ? null : a / b;
      }
    }
    if (op === "+" && typeof a === "string" && typeof b === "string") return a + b;
    return null;
  };
}

function compileCall(name: string, args: Evaluator[]): Evaluator {
  const fn = Object.hasOwn(runtimeFunctions, name) ? runtimeFunctions[name] : undefined;
  if (!fn) {
    return () => {
      throw new UnknownFunctionError(name);
    };
  }
  return (ctx) => fn(args.map((arg) => arg(ctx)), ctx);
}

/** Reads one field of a record; `id` and `stage` are implicit. */
export function readField(record: RecordState, name: string): Value {
  if (name === "id") return record.id;
  if (name === "stage") return record.stage;
  const fields = record.fields;
  return Object.hasOwn(fields, name) ? fields[name]! : null;
}

/** Follows references along the path; any empty or dangling link gives none. */
export function fieldPathReader(path: readonly string[]): Evaluator {
  if (path.length === 1) {
    const name = path[0]!;
    return (ctx) => readField(ctx.record, name);
  }
  const last = path[path.length - 1]!;
  const links = path.slice(0, -1);
  return (ctx) => {
    let record: RecordState | undefined = ctx.record;
    for (const link of links) {
      const ref = readField(record, link);
      if (typeof ref !== "string") return null;
      record = ctx.lookup(ref);
      if (!record) return null;
    }
    return readField(record, last);
  };
}

/** A template text with `{path}` placeholders filled from the record; empty paths print nothing. */
export function compileTemplateText(text: TemplateText): (ctx: EvalContext) => string {
  const parts = text.map((part) => {
    if (typeof part === "string") return () => part;
    const reader = fieldPathReader(part.path);
    return (ctx: EvalContext) => {
      const value = reader(ctx);
      return value === null ? "" : String(value);
    };
  });
  return (ctx) => {
    let result = "";
    for (const part of parts) result += part(ctx);
    return result;
  };
}
