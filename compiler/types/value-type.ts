// Names, families and compatibility of value types. Compatibility is lenient
// where CRM data is: numbers and money mix, the text-like types (text, email,
// phone, user) compare with each other and with string literals.
import type * as ast from "../../grammar/ast";
import type { ValueType } from "../model";

export const unknownType: ValueType = { kind: "unknown" };
export const boolType: ValueType = { kind: "bool" };
export const textType: ValueType = { kind: "text" };
export const numberType: ValueType = { kind: "number" };
export const moneyType: ValueType = { kind: "money" };
export const dateType: ValueType = { kind: "date" };
export const dateTimeType: ValueType = { kind: "datetime" };
export const noneType: ValueType = { kind: "none" };

export function typeName(type: ValueType): string {
  switch (type.kind) {
    case "enum":
      return `enum(${type.values.join(", ")})`;
    case "ref":
      return type.entity;
    case "stage":
      return `stage of ${type.entity}`;
    case "list":
      return `list of ${typeName(type.item)}`;
    default:
      return type.kind;
  }
}

const textLike = new Set(["text", "email", "phone", "user"]);
const numeric = new Set(["number", "money"]);
const temporal = new Set(["date", "datetime"]);

export function isNumeric(type: ValueType): boolean {
  return numeric.has(type.kind);
}

export function isKnown(type: ValueType): boolean {
  return type.kind !== "unknown";
}

/** Can `value` (written as `node`) be compared with, or stored into, something of type `target`? */
export function fits(target: ValueType, value: ValueType, node?: ast.Expr): boolean {
  // every type fits itself; bare enum values are typed as the very enum they are tested against
  if (target === value) return true;
  if (target.kind === "unknown" || value.kind === "unknown" || value.kind === "none" || target.kind === "none") return true;
  const literal = node?.kind === "StringLiteral" ? node.value : undefined;
  switch (target.kind) {
    case "text":
    case "email":
    case "phone":
    case "user":
      return textLike.has(value.kind);
    case "number":
    case "money":
      return numeric.has(value.kind);
    case "date":
    case "datetime":
      return temporal.has(value.kind);
    case "bool":
      return value.kind === "bool";
    case "enum":
      if (value.kind === "enum") return value.values.every((v) => target.values.includes(v));
      return literal !== undefined && target.values.includes(literal);
    case "ref":
      return value.kind === "ref" && value.entity === target.entity;
    case "stage":
      // a stage name as a string; whether the stage exists is the stage check's business
      return (value.kind === "stage" && value.entity === target.entity) || literal !== undefined;
    case "list":
      return value.kind === "list" && fits(target.item, value.item);
  }
}

/** Compared either way round: `1000 < amount` as well as `amount > 1000`. */
export function comparable(left: ValueType, right: ValueType, leftNode: ast.Expr, rightNode: ast.Expr): boolean {
  return fits(left, right, rightNode) || fits(right, left, leftNode);
}

/** `<`, `>` need an order: numbers and money, dates and datetimes, or text. */
export function ordered(type: ValueType): boolean {
  return type.kind === "unknown" || numeric.has(type.kind) || temporal.has(type.kind) || type.kind === "text";
}
