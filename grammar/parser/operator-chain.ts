// Builds the tree of one flat `operand (operator operand)*` run by precedence
// climbing, so the parser can read a condition in one rule instead of one rule per
// precedence level (which cost ten nested rule calls for every operand).
import type { IToken } from "chevrotain";
import type { BinaryOperator, Expr, ListExpr } from "../ast";
import { endOffsetBetween, startOffsetOf } from "../ranges";

/** How tightly each operator binds; `not` (a prefix) sits between `and` and the comparisons. */
const bindingOf: Record<BinaryOperator | "not", number> = {
  or: 1, and: 2, not: 3,
  "==": 4, "!=": 4, "<": 4, "<=": 4, ">": 4, ">=": 4,
  "+": 5, "-": 5, "*": 6, "/": 6,
};
const comparisonBinding = 4;

interface Operand {
  expr: Expr;
  /** First token of the operand's text (a `not`, or a `(` the tree does not keep). */
  first: IToken;
  last: IToken;
}

interface PendingOperator {
  operator: BinaryOperator | "not";
  /** The `not` token itself, for a prefix. */
  token: IToken | undefined;
}

export class OperatorChain {
  private readonly operands: Operand[] = [];
  private readonly operators: PendingOperator[] = [];
  /** The current and/or-separated group holds a comparison or an `in`: the language allows one. */
  hasComparison = false;
  /** The current group ended with `[not] in [...]`: only and/or may follow. */
  endsWithIn = false;

  prefixNot(token: IToken): void {
    this.operators.push({ operator: "not", token });
  }

  operand(expr: Expr, first: IToken, last: IToken): void {
    this.operands.push({ expr, first, last });
  }

  infix(operator: BinaryOperator): void {
    const binding = bindingOf[operator];
    // every operator is left-associative (comparisons never chain: the parser stops first)
    this.reduceWhileBinding(binding);
    this.operators.push({ operator, token: undefined });
    if (binding < comparisonBinding) {
      this.hasComparison = false;
      this.endsWithIn = false;
    } else if (binding === comparisonBinding) {
      this.hasComparison = true;
    }
  }

  /** `value [not] in [...]`: the value is everything bound tighter than a comparison. */
  inList(options: ListExpr, negated: boolean, last: IToken): void {
    this.reduceWhileBinding(comparisonBinding + 1);
    const value = this.operands.pop()!;
    this.operands.push({
      expr: { kind: "InExpr", value: value.expr, options, negated, start: startOffsetOf(value.first), end: endOffsetBetween(value.first, last) },
      first: value.first,
      last,
    });
    this.hasComparison = true;
    this.endsWithIn = true;
  }

  finish(): Expr {
    this.reduceWhileBinding(0);
    return this.operands[0]!.expr;
  }

  private reduceWhileBinding(binding: number): void {
    const operators = this.operators;
    const operands = this.operands;
    while (operators.length > 0 && bindingOf[operators[operators.length - 1]!.operator] >= binding) {
      const pending = operators.pop()!;
      const right = operands.pop()!;
      if (pending.operator === "not") {
        const token = pending.token!;
        operands.push({
          expr: { kind: "UnaryExpr", operator: "not", operand: right.expr, start: startOffsetOf(token), end: endOffsetBetween(token, right.last) },
          first: token,
          last: right.last,
        });
      } else {
        const left = operands.pop()!;
        operands.push({
          expr: {
            kind: "BinaryExpr", operator: pending.operator, left: left.expr, right: right.expr,
            start: startOffsetOf(left.first),
            end: endOffsetBetween(left.first, right.last),
          },
          first: left.first,
          last: right.last,
        });
      }
    }
  }
}
