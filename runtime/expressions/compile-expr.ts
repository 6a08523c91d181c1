// IR expressions become closures once, at engine creation, so evaluating a
// condition per event is a few function calls instead of a tree walk. What each
// operator means lives in expression-semantics.ts, which the TypeScript
// backend's emitted code calls too (operators through operator-table.ts); this
// file only wires those functions into closures.
import type { Expr, TemplateText, Value } from "../program/ir";
import type { EvalContext, RecordState } from "../types";
import { changed, eventField, fieldOf, follow, isIn, isOpen, negate, placeholder, previous } from "./expression-semantics";
import { arithmeticSemantics, comparisonSemantics, expressionSemantics } from "./operator-table";
import { resolveFunction } from "./functions";

export { readField } from "../engine/record-state";

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
      const reader: Evaluator = (ctx) => eventField(ctx, field);
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
      return (ctx) => negate(operand(ctx));
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
    case "compare": {
      const apply = expressionSemantics[comparisonSemantics[expr.op]];
      const left = compileNode(expr.left, noteRead);
      const right = compileNode(expr.right, noteRead);
      return (ctx) => apply(left(ctx), right(ctx), ctx);
    }
    case "arithmetic": {
      const apply = expressionSemantics[arithmeticSemantics[expr.op]];
      const left = compileNode(expr.left, noteRead);
      const right = compileNode(expr.right, noteRead);
      return (ctx) => apply(left(ctx), right(ctx));
    }
    case "in": {
      const value = compileNode(expr.value, noteRead);
      const options = expr.options.map((option) => compileNode(option, noteRead));
      // Literal options (the usual case) are one list for the engine's lifetime, as in emitted code.
      if (expr.options.every((option) => option.kind === "literal")) {
        const constant = expr.options.map((option) => (option.kind === "literal" ? option.value : null));
        return (ctx) => isIn(value(ctx), constant, ctx);
      }
      return (ctx) => isIn(value(ctx), options.map((option) => option(ctx)), ctx);
    }
    case "changed": {
      const field = expr.field;
      const reader: Evaluator = (ctx) => changed(ctx, field);
      noteRead(`changed(${field})`, reader);
      return reader;
    }
    case "previous": {
      const field = expr.field;
      const reader: Evaluator = (ctx) => previous(ctx, field);
      noteRead(`previous(${field})`, reader);
      return reader;
    }
    case "isOpen": {
      const stage = expr.stage;
      const reader: Evaluator = (ctx) => isOpen(ctx, stage);
      noteRead(`is open "${stage}"`, reader);
      return reader;
    }
    case "text":
      return compileTemplateText(expr.parts);
    case "call": {
      const fn = resolveFunction(expr.fn);
      const args = expr.args.map((arg) => compileNode(arg, noteRead));
      return (ctx) => fn(args.map((arg) => arg(ctx)), ctx);
    }
  }
}

/** Follows references along the path; any empty or dangling link gives none. */
export function fieldPathReader(path: readonly string[]): Evaluator {
  const last = path[path.length - 1]!;
  if (path.length === 1) return (ctx) => fieldOf(ctx.record, last);
  const links = path.slice(0, -1);
  return (ctx) => {
    let record: RecordState | undefined = ctx.record;
    for (let i = 0; i < links.length && record !== undefined; i++) record = follow(ctx, fieldOf(record, links[i]!));
    return fieldOf(record, last);
  };
}

/** A template text with `{path}` placeholders filled from the record; empty paths print their default or nothing. */
export function compileTemplateText(text: TemplateText): (ctx: EvalContext) => string {
  const parts = text.map((part) => {
    if (typeof part === "string") return () => part;
    const reader = fieldPathReader(part.path);
    const fallback = part.default;
    return (ctx: EvalContext) => placeholder(reader(ctx), fallback);
  });
  return (ctx) => {
    let result = "";
    for (const part of parts) result += part(ctx);
    return result;
  };
}
