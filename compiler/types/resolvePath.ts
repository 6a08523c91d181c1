// Resolves a path in a scope: `event.x` (payload of the triggering event), a bare
// enum value where an enum is expected, or a field path of the rule's record
// following references (`lead.contact.email`).
import type * as ast from "../../grammar/ast";
import type { PathFailure } from "../binder/binding";
import type { Scope } from "../binder/scope";
import type { CheckedModel, EntitySymbol, PathResolution, ValueType } from "../model";

export type PathOutcome =
  | { resolution: PathResolution; failure?: undefined }
  | { resolution?: undefined; failure: PathFailure }
  /** Nothing to say: the scope itself did not resolve, and that was reported elsewhere. */
  | { resolution?: undefined; failure?: undefined };

export function resolvePath(model: CheckedModel, scope: Scope, path: ast.PathExpr, expected?: ValueType): PathOutcome {
  const segments = path.segments.map((segment) => segment.text);
  if (segments.length === 0 || path.segments.some((segment) => segment.missing)) return {};
  const [first] = segments as [string, ...string[]];

  if (first === "event" && segments.length === 2 && !scope.entity?.fields.has("event")) {
    if (!scope.event) {
      if (!scope.entity) return {};
      return { failure: { segment: 0, reason: "event outside event subject", owner: scope.entity.name, candidates: [] } };
    }
    const field = scope.event.fields.get(segments[1]!);
    if (!field) {
      return { failure: { segment: 1, reason: "unknown event field", owner: `event ${scope.event.name}`, candidates: [...scope.event.fields.keys()] } };
    }
    return { resolution: { kind: "eventField", event: scope.event.name, field: field.name, type: field.type } };
  }

  if (segments.length === 1 && expected?.kind === "enum" && expected.values.includes(first)) {
    return { resolution: { kind: "enumValue", value: first, type: expected } };
  }

  if (!scope.entity) return {};
  let entity: EntitySymbol = scope.entity;
  for (let i = 0; i < segments.length; i++) {
    const field = entity.fields.get(segments[i]!);
    if (!field) {
      if (segments.length === 1 && expected?.kind === "enum") {
        return { failure: { segment: 0, reason: "unknown enum value", owner: `enum(${expected.values.join(", ")})`, candidates: expected.values } };
      }
      return { failure: { segment: i, reason: "unknown field", owner: entity.name, candidates: [...entity.fields.keys()] } };
    }
    if (i === segments.length - 1) {
      return { resolution: { kind: "field", path: segments, type: field.type, implicit: field.implicit } };
    }
    if (field.type.kind !== "ref") {
      return { failure: { segment: i + 1, reason: "not a reference", owner: `${entity.name}.${field.name}`, candidates: [] } };
    }
    const next = model.entities.get(field.type.entity);
    if (!next) return {};
    entity = next;
  }
  return {};
}
