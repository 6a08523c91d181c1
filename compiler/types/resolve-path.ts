// Resolves a path in a scope: `event.x` (payload of the triggering event), a bare
// enum value where an enum is expected, or a field path of the rule's record
// following references (`lead.contact.email`).
//
// Every path of every rule comes through here, so the clean case allocates only
// the resolution it returns (no segment-text array until a field resolves, one
// shared empty outcome).
import type * as ast from "../../grammar/ast";
import type { PathFailure } from "../binder/binding";
import type { Scope } from "../binder/scope";
import type { CheckedModel, EntitySymbol, PathResolution, ValueType } from "../model";

export type PathOutcome =
  | { resolution: PathResolution; failure?: undefined }
  | { resolution?: undefined; failure: PathFailure }
  /** Nothing to say: the scope itself did not resolve, and that was reported elsewhere. */
  | { resolution?: undefined; failure?: undefined };

const nothingToSay: PathOutcome = Object.freeze({});

export function resolvePath(model: CheckedModel, scope: Scope, path: ast.PathExpr, expected?: ValueType): PathOutcome {
  const segments = path.segments;
  const count = segments.length;
  if (count === 0) return nothingToSay;
  for (let i = 0; i < count; i++) if (segments[i]!.missing) return nothingToSay;
  const first = segments[0]!.text;

  if (count === 2 && first === "event" && !scope.entity?.fields.has("event")) {
    if (!scope.event) {
      if (!scope.entity) return nothingToSay;
      return { failure: { segment: 0, reason: "event outside event subject", owner: scope.entity.name, candidates: [] } };
    }
    const field = scope.event.fields.get(segments[1]!.text);
    if (!field) {
      return { failure: { segment: 1, reason: "unknown event field", owner: `event ${scope.event.name}`, candidates: [...scope.event.fields.keys()] } };
    }
    return { resolution: { kind: "eventField", event: scope.event.name, field: field.name, type: field.type } };
  }

  if (count === 1 && expected?.kind === "enum" && expected.values.includes(first)) {
    return { resolution: { kind: "enumValue", value: first, type: expected } };
  }

  if (!scope.entity) return nothingToSay;
  let entity: EntitySymbol = scope.entity;
  for (let i = 0; i < count; i++) {
    const field = entity.fields.get(segments[i]!.text);
    if (!field) {
      if (count === 1 && expected?.kind === "enum") {
        return { failure: { segment: 0, reason: "unknown enum value", owner: `enum(${expected.values.join(", ")})`, candidates: expected.values } };
      }
      return { failure: { segment: i, reason: "unknown field", owner: entity.name, candidates: [...entity.fields.keys()] } };
    }
    if (i === count - 1) {
      return { resolution: { kind: "field", path: segmentTexts(segments), type: field.type, implicit: field.implicit } };
    }
    if (field.type.kind !== "ref") {
      return { failure: { segment: i + 1, reason: "not a reference", owner: `${entity.name}.${field.name}`, candidates: [] } };
    }
    const next = model.entities.get(field.type.entity);
    if (!next) return nothingToSay;
    entity = next;
  }
  return nothingToSay;
}

// Kept by every resolution, so sized exactly: an array grown by push from empty
// reserves room for many more elements than a path has.
function segmentTexts(segments: ast.Name[]): string[] {
  if (segments.length === 1) return [segments[0]!.text];
  const texts = new Array<string>(segments.length);
  for (let i = 0; i < segments.length; i++) texts[i] = segments[i]!.text;
  return texts;
}
