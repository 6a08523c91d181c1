// Folds expressions made only of literals, to find conditions that can never
// hold. Anything that reads the record, the event or a function is not
// constant. Operators mean what they mean at run time: the fold calls the
// runtime's own expression semantics, with literals as lowering writes them.
import type * as ast from "../../grammar/ast";
import type { Value } from "../../runtime/program/ir";
import { negate, type ZoneContext } from "../../runtime/expressions/expression-semantics";
import { arithmeticSemantics, comparisonSemantics, expressionSemantics } from "../../runtime/expressions/operator-table";
import { literalValue } from "../lower/lower-expressions";

export type Constant = Value;

/** The value of a literal-only expression, or undefined when it depends on data. `zone` is the calendar's. */
export function constantValue(expr: ast.Expr, zone: string): Constant | undefined {
  return fold(expr, { calendar: { timezone: zone } });
}

function fold(expr: ast.Expr, context: ZoneContext): Constant | undefined {
  switch (expr.kind) {
    case "StringLiteral":
    case "NumberLiteral":
    case "BooleanLiteral":
    case "DateLiteral":
    case "DateTimeLiteral":
      return literalValue(expr);
    case "NoneExpr":
      return null;
    case "UnaryExpr": {
      const operand = fold(expr.operand, context);
      if (operand === undefined) return undefined;
      return expr.operator === "not" ? operand !== true : negate(operand);
    }
    case "BinaryExpr":
      return foldBinary(expr, context);
    default:
      return undefined;
  }
}

function foldBinary(expr: ast.BinaryExpr, context: ZoneContext): Constant | undefined {
  const left = fold(expr.left, context);
  const right = fold(expr.right, context);
  // `false and x` is false whatever x is; `true or x` is true.
  if (expr.operator === "and" && (left === false || right === false)) return false;
  if (expr.operator === "or" && (left === true || right === true)) return true;
  if (left === undefined || right === undefined) return undefined;
  switch (expr.operator) {
    case "and":
      return left === true && right === true;
    case "or":
      return left === true || right === true;
    case "==":
    case "!=":
    case "<":
    case "<=":
    case ">":
    case ">=":
      return expressionSemantics[comparisonSemantics[expr.operator]](left, right, context);
    default:
      return expressionSemantics[arithmeticSemantics[expr.operator]](left, right);
  }
}
