// Which function of expression-semantics.ts implements each operator. The
// interpreter calls the function; the TypeScript backend writes a call to it by
// this name, which runtime/index.ts exports, so an operator has one implementation.
import * as expressionSemantics from "./expression-semantics";

export { expressionSemantics };

export type SemanticsName = keyof typeof expressionSemantics;

export type ComparisonOperator = "==" | "!=" | "<" | "<=" | ">" | ">=";
export type ArithmeticOperator = "+" | "-" | "*" | "/";

export const comparisonSemantics = {
  "==": "equal",
  "!=": "notEqual",
  "<": "less",
  "<=": "lessOrEqual",
  ">": "greater",
  ">=": "greaterOrEqual",
} as const satisfies Record<ComparisonOperator, SemanticsName>;

export const arithmeticSemantics = {
  "+": "add",
  "-": "subtract",
  "*": "multiply",
  "/": "divide",
} as const satisfies Record<ArithmeticOperator, SemanticsName>;
