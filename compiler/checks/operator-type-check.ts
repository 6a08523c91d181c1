// Operands must fit their operator: `and`/`or`/`not` take bool, arithmetic takes
// numbers or money, `<`/`>` need ordered values, `==` needs comparable ones and
// every `in [...]` item must be comparable with the value.
import type * as ast from "../../grammar/ast";
import type { ValueType } from "../model";
import { comparable, fits, isNumeric, ordered, typeName } from "../types/value-type";
import type { Check, CheckContext } from "./context";
import { Diagnostics } from "../../diagnostics/messages";

function typeOf(context: CheckContext, expr: ast.Expr): ValueType | undefined {
  if (expr.missing) return undefined;
  const type = context.model.types.get(expr);
  return type && type.kind !== "unknown" ? type : undefined;
}

function requireBool(context: CheckContext, operand: ast.Expr, operator: string): void {
  const type = typeOf(context, operand);
  if (type && type.kind !== "bool" && type.kind !== "none") {
    context.report(operand, Diagnostics.LogicOnNonBool, { operator, type: typeName(type) });
  }
}

/** Text is built with placeholders, not `+` (docs/language.md "Templates"). */
const textHint = ' Text is built from values with placeholders in a quoted text, e.g. "{title} for {contact.name}".';
const textual = (type: ValueType): boolean => type.kind === "text" || type.kind === "email" || type.kind === "phone";

function requireNumber(context: CheckContext, operand: ast.Expr, operator: string): void {
  const type = typeOf(context, operand);
  if (type && !isNumeric(type)) {
    context.report(operand, Diagnostics.ArithmeticOnNonNumber, { operator, type: typeName(type), hint: operator === "+" && textual(type) ? textHint : "" });
  }
}

function checkBinary(expr: ast.BinaryExpr, context: CheckContext): void {
  const { operator, left, right } = expr;
  switch (operator) {
    case "and":
    case "or":
      requireBool(context, left, operator);
      requireBool(context, right, operator);
      return;
    case "+":
    case "-":
    case "*":
    case "/":
      requireNumber(context, left, operator);
      requireNumber(context, right, operator);
      return;
  }
  const leftType = typeOf(context, left);
  const rightType = typeOf(context, right);
  if (!leftType || !rightType) return;
  if (operator !== "==" && operator !== "!=") {
    const unordered = !ordered(leftType) ? leftType : !ordered(rightType) ? rightType : undefined;
    if (unordered) {
      context.report(expr, Diagnostics.Unordered, { operator, type: typeName(unordered) });
      return;
    }
  }
  if (!comparable(leftType, rightType, left, right)) {
    context.report(expr, Diagnostics.Incomparable, { left: typeName(leftType), right: typeName(rightType), hint: mismatchHint(leftType, right) });
  }
}

function mismatchHint(leftType: ValueType, right: ast.Expr): string {
  if (leftType.kind === "enum" && right.kind === "StringLiteral") return `; "${right.value}" is not one of ${leftType.values.join(", ")}`;
  if (leftType.kind === "ref" && right.kind === "StringLiteral") return `; compare the reference with \`none\`, or a field of it such as \`${"…"}.name\``;
  return "";
}

export const OperatorTypeCheck: Check = {
  name: "OperatorType",
  codes: ["SC2202", "SC2203", "SC2204", "SC2205", "SC2206"],
  nodes: {
    BinaryExpr: checkBinary,
    UnaryExpr: (expr, context) => {
      if (expr.operator === "not") requireBool(context, expr.operand, "not");
      else requireNumber(context, expr.operand, "-");
    },
    InExpr: (expr, context) => {
      const valueType = typeOf(context, expr.value);
      if (!valueType) return;
      for (const item of expr.options.items) {
        const itemType = typeOf(context, item);
        if (itemType && !fits(valueType, itemType, item)) {
          context.report(item, Diagnostics.InListItemType, { item: typeName(itemType), value: typeName(valueType) });
        }
      }
    },
  },
};
