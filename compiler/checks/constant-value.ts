// Folds expressions made only of literals, to find conditions that can never
// hold. Anything that reads the record, the event or a function is not constant.
import type * as ast from "../../grammar/ast";

export type Constant = string | number | boolean | null;

/** The value of a literal-only expression, or undefined when it depends on data. */
export function constantValue(expr: ast.Expr): Constant | undefined {
  switch (expr.kind) {
    case "StringLiteral":
    case "NumberLiteral":
    case "BooleanLiteral":
      return expr.value;
    case "DateLiteral":
    case "DateTimeLiteral":
      return expr.text;
    case "NoneExpr":
      return null;
    case "UnaryExpr": {
      const operand = constantValue(expr.operand);
      if (operand === undefined) return undefined;
      if (expr.operator === "not") return typeof operand === "boolean" ? !operand : undefined;
      return typeof operand === "number" ? -operand : undefined;
    }
    case "BinaryExpr":
      return binaryConstant(expr);
    default:
      return undefined;
  }
}

function binaryConstant(expr: ast.BinaryExpr): Constant | undefined {
  const left = constantValue(expr.left);
  const right = constantValue(expr.right);
  // `false and x` is false whatever x is; `true or x` is true.
  if (expr.operator === "and" && (left === false || right === false)) return false;
  if (expr.operator === "or" && (left === true || right === true)) return true;
  if (left === undefined || right === undefined) return undefined;
  switch (expr.operator) {
    case "and":
    case "or":
      return typeof left === "boolean" && typeof right === "boolean" ? (expr.operator === "and" ? left && right : left || right) : undefined;
    case "==":
      return left === right;
    case "!=":
      return left !== right;
    case "<":
    case "<=":
    case ">":
    case ">=":
      if (typeof left !== typeof right || left === null || right === null) return undefined;
      if (expr.operator === "<") return left < right;
      if (expr.operator === "<=") return left <= right;
      if (expr.operator === ">") return left > right;
      return left >= right;
    default:
      if (typeof left !== "number" || typeof right !== "number") return undefined;
      if (expr.operator === "+") return left + right;
      if (expr.operator === "-") return left - right;
      if (expr.operator === "*") return left * right;
      return right === 0 ? undefined : left / right;
  }
}
