// What names an expression can see: the rule's record (its fields, `this`), the
// triggering activity event (`event.x`), and whether there is a triggering change
// for `changed()`/`previous()` to read.
import type * as ast from "../../grammar/ast";
import type { CheckedModel, EntitySymbol, EventSymbol, SubjectResolution } from "../model";

export interface Scope {
  /** Absent when the subject did not resolve: expressions then type as unknown, silently. */
  entity?: EntitySymbol;
  event?: EventSymbol;
  /** True where a change triggered the rule: `created`, `updated`, `becomes`. */
  readsChange: boolean;
}

export const emptyScope: Scope = { readsChange: false };

export function subjectScope(model: CheckedModel, subject: ast.Subject, resolution: SubjectResolution | undefined): Scope {
  const scope: Scope = {
    readsChange: subject.kind === "BecomesSubject" || (subject.kind === "LifecycleSubject" && subject.event !== "deleted"),
  };
  const entity = resolution ? model.entities.get(resolution.entity) : undefined;
  if (entity) scope.entity = entity;
  if (resolution?.event) scope.event = resolution.event;
  return scope;
}

/** Workflow steps run later, on the enrolled record's latest values: no event, no change to read. */
export function stepScope(model: CheckedModel, recordEntity: string | undefined): Scope {
  const entity = recordEntity === undefined ? undefined : model.entities.get(recordEntity);
  return entity ? { entity, readsChange: false } : emptyScope;
}

/**
 * Inside `for each deal of contact { … }` the record is each deal: its fields,
 * with the triggering event still readable; a change read by `changed()` was the
 * contact's, so there is none to read.
 */
export function forEachScope(model: CheckedModel, outer: Scope, action: ast.ForEachAction): Scope {
  const link = model.forEach.get(action);
  const entity = link ? model.entities.get(link.entity) : undefined;
  const scope: Scope = { readsChange: false };
  if (entity) scope.entity = entity;
  if (outer.event) scope.event = outer.event;
  return scope;
}
