// Whether a value a record holds can stay in a field of a new type across a
// deploy (docs/versions.md "Schema changes"). The test is the one the rules'
// own `set` passes (compiler/types/value-type.ts `fits`), not the stricter
// one input events pass: a rule may store any text in an email field, or a
// date-time in a date field, so a record holding such a value fits a field
// whose type did not change, and only a change of type can make it unfit.
import type { FieldType, Value } from "../program/ir";
import { splitRef } from "../program/schema";
import { isIsoDate, parseInstant } from "../time/instants";

/** `value` is not null: none fits every field (docs/versions.md). */
export function valueFits(type: FieldType, value: Value): boolean {
  switch (type.kind) {
    case "text":
    case "email":
    case "phone":
    case "user":
      return typeof value === "string";
    case "number":
    case "money":
      return typeof value === "number" && Number.isFinite(value);
    case "bool":
      return typeof value === "boolean";
    case "date":
    case "datetime":
      return typeof value === "string" && (isIsoDate(value) || !Number.isNaN(parseInstant(value)));
    case "enum":
      return typeof value === "string" && type.values.includes(value);
    case "ref":
      return typeof value === "string" && splitRef(value)?.type === type.entity;
  }
}

/** A field type as the rules write it: `enum(east, west)`, `money`; a reference as `a reference to contact`. */
export function fieldTypeText(type: FieldType): string {
  if (type.kind === "enum") return `enum(${type.values.join(", ")})`;
  if (type.kind === "ref") return `a reference to ${type.entity}`;
  return type.kind;
}
