// A written type (`money`, `enum(a, b)`, `contact`) as a field type. A name that
// is neither a primitive nor an entity stays a reference; the unknown-entity
// check reports it and expressions through it type as unknown.
import type { TypeRef } from "../../grammar/ast";
import type { FieldType } from "../../runtime/program/ir";
import { isPrimitiveTypeName } from "../../stdlib/types";

export function fieldTypeOf(type: TypeRef): FieldType {
  if (type.kind === "EnumType") return { kind: "enum", values: type.values.map((value) => value.text) };
  const name = type.name.text;
  if (isPrimitiveTypeName(name)) return { kind: name };
  return { kind: "ref", entity: name };
}
