// `for each deal [by FIELD] of contact`: which reference field of `deal` leads to
// the rule's record. Without `by`, the entity must have exactly one reference
// field to it, so the form never guesses between two.
import type * as ast from "../../grammar/ast";
import type { CheckedModel, ForEachLink } from "../model";

export type ForEachOutcome =
  | { kind: "link"; link: ForEachLink }
  /** An unknown entity, or a rule whose subject did not resolve: reported elsewhere. */
  | { kind: "unresolved" }
  | { kind: "not the record"; record: string }
  | { kind: "no reference"; record: string }
  | { kind: "ambiguous"; record: string; fields: string[] }
  /** `by FIELD` names no reference to the record; `fields`: the ones that are. */
  | { kind: "not a reference"; record: string; field: string; fields: string[] };

export function forEachOutcome(model: CheckedModel, action: ast.ForEachAction, record: string | undefined): ForEachOutcome {
  const referring = model.entities.get(action.entity.text);
  if (record === undefined || referring === undefined || !model.entities.has(action.of.text)) return { kind: "unresolved" };
  if (action.of.text !== record) return { kind: "not the record", record };
  const fields: string[] = [];
  for (const [name, field] of referring.fields) if (field.type.kind === "ref" && field.type.entity === record) fields.push(name);
  if (action.by) {
    const field = action.by.text;
    return fields.includes(field) ? { kind: "link", link: { entity: referring.name, field } } : { kind: "not a reference", record, field, fields };
  }
  if (fields.length === 0) return { kind: "no reference", record };
  if (fields.length > 1) return { kind: "ambiguous", record, fields };
  return { kind: "link", link: { entity: referring.name, field: fields[0]! } };
}
