// Expressions print with the fewest parentheses that keep the tree the parser
// would build: a child is wrapped only when its operator binds looser than the
// place it sits in. Comparisons do not chain, so both their operands must bind
// tighter; `and`, `or` and arithmetic are left-associative, so only a right
// operand of the same level needs parentheses.
import type { Expr, Literal } from "../../grammar/ast";
import { printName, printString } from "./print-tokens";

const enum Level {
  Or = 1,
  And = 2,
  Not = 3,
  Compare = 4,
  Additive = 5,
  Multiplicative = 6,
  Negate = 7,
  Primary = 8,
}

function levelOf(expr: Expr): Level {
  switch (expr.kind) {
    case "BinaryExpr":
      switch (expr.operator) {
        case "or":
          return Level.Or;
        case "and":
          return Level.And;
        case "+":
        case "-":
          return Level.Additive;
        case "*":
        case "/":
          return Level.Multiplicative;
        default:
          return Level.Compare;
      }
    case "InExpr":
      return Level.Compare;
    case "UnaryExpr":
      return expr.operator === "not" ? Level.Not : Level.Negate;
    default:
      return Level.Primary;
  }
}

/** Prints `expr` so that it parses back at (at least) `min` binding strength. */
function printAt(expr: Expr, min: Level): string {
  const text = printExpr(expr);
  return levelOf(expr) < min ? `(${text})` : text;
}

/** Prints `expr` as one operand (a value, a path, `-x` or a parenthesised expression). */
export function printOperand(expr: Expr): string {
  return printAt(expr, Level.Negate);
}

export function printExpr(expr: Expr): string {
  switch (expr.kind) {
    case "BinaryExpr": {
      const level = levelOf(expr);
      const leftMin = level === Level.Compare ? level + 1 : level;
      return `${printAt(expr.left, leftMin)} ${expr.operator} ${printAt(expr.right, level + 1)}`;
    }
    case "UnaryExpr": {
      if (expr.operator === "not") return `not ${printAt(expr.operand, Level.Not)}`;
      const operand = printAt(expr.operand, Level.Negate);
      // `--x` would not read back as two negations.
      return operand.startsWith("-") ? `-(${operand})` : `-${operand}`;
    }
    case "InExpr":
      return `${printAt(expr.value, Level.Compare + 1)} ${expr.negated ? "not in" : "in"} ${printExpr(expr.options)}`;
    case "ListExpr":
      return `[${expr.items.map(printExpr).join(", ")}]`;
    case "PathExpr":
      return expr.segments.map(printName).join(".");
    case "ThisExpr":
      return "this";
    case "NoneExpr":
      return "none";
    case "CallExpr":
      return `${printName(expr.callee)}(${expr.args.map(printExpr).join(", ")})`;
    case "IsOpenExpr":
      return `is open ${printName(expr.stage)}`;
    case "ErrorExpr":
      // Never reached: files with syntax errors are not formatted.
      return "";
    default:
      return printLiteral(expr);
  }
}

export function printLiteral(literal: Literal): string {
  switch (literal.kind) {
    case "StringLiteral":
      return printString(literal);
    case "NumberLiteral":
      return literal.text;
    case "BooleanLiteral":
      return literal.value ? "true" : "false";
    case "DateLiteral":
    case "DateTimeLiteral":
      return literal.text;
  }
}
