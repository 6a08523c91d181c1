// A subject says which records a rule (or a workflow enrollment) watches and
// on which change. An entity-less `stage "S"` takes the entity the checker
// found as the unique owner of S.
import type * as ast from "../../grammar/ast";
import type { Trigger } from "../../runtime/program/ir";
import type { CheckedModel } from "../model";
import { lowerExpr } from "./lower-expressions";
import { LoweringError } from "./lowering-error";

export function subjectEntity(subject: ast.Subject, model: CheckedModel): string {
  const resolved = model.subjects.get(subject)?.entity;
  if (resolved) return resolved;
  if (subject.entity) return subject.entity.text;
  const owners = subject.kind === "StageSubject" ? model.stageOwners.get(subject.stage.text) : undefined;
  if (owners?.length === 1) return owners[0]!.entity;
  throw new LoweringError(`no entity for stage "${subject.kind === "StageSubject" ? subject.stage.text : ""}"`, subject);
}

export function lowerTrigger(subject: ast.Subject, model: CheckedModel): Trigger {
  switch (subject.kind) {
    case "StageSubject":
      return { kind: "stage", stage: subject.stage.text, edge: subject.edge };
    case "LifecycleSubject":
      return { kind: "lifecycle", event: subject.event };
    case "EventSubject":
      return { kind: "event", event: model.subjects.get(subject)?.event?.name ?? subject.event.text };
    case "BecomesSubject":
      return { kind: "becomes", condition: lowerExpr(subject.condition, model) };
  }
}
