// Expressions lower to the IR's resolved form: the checker has already decided
// what every bare name is (a field path, an enum value, an event payload
// field), so this step only reads those answers and rebuilds the tree.
import type * as ast from "../../grammar/ast";
import type { Expr, Value } from "../../runtime/program/ir";
import type { CheckedModel } from "../model";
import { LoweringError } from "./lowering-error";
import { normaliseDateTime } from "./date-times";

export function lowerExpr(expr: ast.Expr, model: CheckedModel): Expr {
  switch (expr.kind) {
    case "BinaryExpr":
      return lowerBinary(expr, model);
    case "UnaryExpr":
      return expr.operator === "not"
        ? { kind: "not", operand: lowerExpr(expr.operand, model) }
        : { kind: "negate", operand: lowerExpr(expr.operand, model) };
    case "InExpr": {
      const isIn: Expr = {
        kind: "in",
        value: lowerExpr(expr.value, model),
        options: expr.options.items.map((item) => lowerExpr(item, model)),
      };
      // `not in` is `not (… in …)`: one semantics for both, in the runtime and in emitted code.
      return expr.negated ? { kind: "not", operand: isIn } : isIn;
    }
    case "PathExpr":
      return lowerPath(expr, model);
    case "ThisExpr":
      return { kind: "this" };
    case "NoneExpr":
      return { kind: "literal", value: null };
    case "CallExpr":
      return lowerCall(expr, model);
    case "IsOpenExpr":
      return { kind: "isOpen", stage: expr.stage.text };
    case "ListExpr":
      throw new LoweringError("a list outside `in [...]`", expr);
    case "ErrorExpr":
      throw new LoweringError("an expression the parser could not read", expr);
    default:
      return { kind: "literal", value: literalValue(expr) };
  }
}

function lowerBinary(expr: ast.BinaryExpr, model: CheckedModel): Expr {
  const left = lowerExpr(expr.left, model);
  const right = lowerExpr(expr.right, model);
  switch (expr.operator) {
    case "and":
    case "or":
      return { kind: expr.operator, left, right };
    case "+":
    case "-":
    case "*":
    case "/":
      return { kind: "arithmetic", op: expr.operator, left, right };
    default:
      return { kind: "compare", op: expr.operator, left, right };
  }
}

function lowerPath(expr: ast.PathExpr, model: CheckedModel): Expr {
  const resolution = model.paths.get(expr);
  const segments = expr.segments.map((segment) => segment.text);
  if (!resolution) {
    // Unresolved paths only survive in programs with errors; keep the written form.
    if (segments[0] === "event" && segments.length === 2) return { kind: "eventField", field: segments[1]! };
    return { kind: "field", path: segments };
  }
  switch (resolution.kind) {
    case "field":
      return { kind: "field", path: [...resolution.path] };
    case "enumValue":
      return { kind: "literal", value: resolution.value };
    case "eventField":
      return { kind: "eventField", field: resolution.field };
  }
}

/** `changed(x)` and `previous(x)` name a field of the record; other calls are stdlib functions. */
function lowerCall(expr: ast.CallExpr, model: CheckedModel): Expr {
  const fn = expr.callee.text;
  if (fn === "changed" || fn === "previous") {
    const arg = expr.args[0];
    if (arg?.kind !== "PathExpr") throw new LoweringError(`${fn}() needs a field`, expr);
    return { kind: fn, field: fieldName(arg, model) };
  }
  return { kind: "call", fn, args: expr.args.map((arg) => lowerExpr(arg, model)) };
}

/** The dotted field path a `PathExpr` refers to, as the IR's string field names. */
export function fieldName(path: ast.PathExpr, model: CheckedModel): string {
  return fieldPath(path, model).join(".");
}

export function fieldPath(path: ast.PathExpr, model: CheckedModel): string[] {
  const resolution = model.paths.get(path);
  if (resolution?.kind === "field") return [...resolution.path];
  return path.segments.map((segment) => segment.text);
}

export function literalValue(literal: ast.Literal): Value {
  switch (literal.kind) {
    case "StringLiteral":
    case "NumberLiteral":
    case "BooleanLiteral":
      return literal.value;
    case "DateLiteral":
      return literal.text;
    case "DateTimeLiteral":
      return normaliseDateTime(literal.text) ?? literal.text;
  }
}
