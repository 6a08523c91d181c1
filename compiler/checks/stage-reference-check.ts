// Stage names must exist where they are used: in the subject's entity, in the
// rule's entity for open/close/is open, in the moved record's entity for move,
// in `stage == "S"` comparisons and in the created entity for
// `create X with { stage: "S" }`. An entity-less subject must name a stage of
// exactly one entity.
import type * as ast from "../../grammar/ast";
import type { CheckContext, Check } from "./context";
import { ident, suggestion } from "./suggest";
import { Diagnostics } from "../../diagnostics/messages";

function allStageNames(context: CheckContext): Iterable<string> {
  return context.model.stageOwners.keys();
}

/** `S` is not a stage of `entity`: say so, and say where it does live if elsewhere. */
function reportMissingStage(context: CheckContext, name: ast.Name | ast.StringLiteral, entityName: string): void {
  if (name.missing) return;
  const text = name.kind === "StringLiteral" ? name.value : name.text;
  const entity = context.model.entities.get(entityName);
  if (!entity?.pipeline || entity.pipeline.stagesByName.has(text)) return;
  const owners = (context.model.stageOwners.get(text) ?? []).map((stage) => stage.entity);
  if (owners.length > 0) {
    context.report(name, Diagnostics.StageOfOtherEntity, { stage: text, owners: owners.map(ident).join(", "), entity: entityName });
    return;
  }
  const known = entity.pipeline.stages.map((stage) => stage.name);
  context.report(name, Diagnostics.UnknownStage, { stage: text, entity: entityName, hint: suggestion(text, known) });
}

/** `create X with { stage: "S" }` creates the record in S: S must be a stage of X. */
function checkCreatedStage(action: ast.CreateRecordAction, context: CheckContext): void {
  for (const assignment of action.fields) {
    if (assignment.name.text === "stage" && assignment.value.kind === "StringLiteral") reportMissingStage(context, assignment.value, action.entity.text);
  }
}

function checkStageSubject(subject: ast.StageSubject, context: CheckContext): void {
  const name = subject.stage;
  if (name.missing) return;
  if (subject.entity) {
    if (!subject.entity.missing) reportMissingStage(context, name, subject.entity.text);
    return;
  }
  const owners = context.model.stageOwners.get(name.text) ?? [];
  if (owners.length === 0) {
    context.report(name, Diagnostics.UnknownStageAnywhere, { stage: name.text, hint: suggestion(name.text, allStageNames(context)) });
  } else if (owners.length > 1) {
    const entities = owners.map((stage) => stage.entity);
    context.report(name, Diagnostics.AmbiguousStage, { stage: name.text, entities: entities.map(ident).join(", "), first: entities[0]! });
  }
}

function checkStageComparison(expr: ast.BinaryExpr, context: CheckContext): void {
  if (expr.operator !== "==" && expr.operator !== "!=") return;
  for (const [stageSide, literalSide] of [
    [expr.left, expr.right],
    [expr.right, expr.left],
  ] as const) {
    const type = context.model.types.get(stageSide);
    if (type?.kind !== "stage" || literalSide.kind !== "StringLiteral" || literalSide.missing) continue;
    const pipeline = context.model.entities.get(type.entity)?.pipeline;
    if (!pipeline || pipeline.stagesByName.has(literalSide.value)) continue;
    const known = pipeline.stages.map((stage) => stage.name);
    context.report(literalSide, Diagnostics.UnknownStage, { stage: literalSide.value, entity: type.entity, hint: suggestion(literalSide.value, known) });
  }
}

export const StageReferenceCheck: Check = {
  name: "StageReference",
  codes: ["SC2003", "SC2004", "SC2312"],
  nodes: {
    StageSubject: checkStageSubject,
    OpenAction: (action, context) => context.scope.entity && reportMissingStage(context, action.stage, context.scope.entity.name),
    CloseAction: (action, context) => context.scope.entity && reportMissingStage(context, action.stage, context.scope.entity.name),
    IsOpenExpr: (expr, context) => context.scope.entity && reportMissingStage(context, expr.stage, context.scope.entity.name),
    MoveAction: (action, context) => {
      const move = context.model.moves.get(action);
      if (move) reportMissingStage(context, action.stage, move.targetEntity);
    },
    BinaryExpr: checkStageComparison,
    CreateRecordAction: checkCreatedStage,
  },
};
