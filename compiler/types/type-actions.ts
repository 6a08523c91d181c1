// Resolves what actions name: stages (in the rule's entity, or the moved
// record's), templates of the kind the action needs, recipients and the fields
// `set`/`assign` change, and types the values they store.
import type * as ast from "../../grammar/ast";
import type { MoveResolution, TemplateKind, ValueType } from "../model";
import { forEachScope } from "../binder/scope";
import { forEachOutcome } from "./for-each-link";
import { resolvePath } from "./resolve-path";
import { typeExpr, type TypingEnv } from "./type-expr";

export function typeAction(env: TypingEnv, action: ast.Action): void {
  const { model } = env.binding;
  const entity = env.scope.entity;
  switch (action.kind) {
    case "OpenAction":
    case "CloseAction": {
      const stage = entity?.pipeline?.stagesByName.get(action.stage.text);
      if (stage && entity) model.stages.set(action, { entity: entity.name, stage });
      break;
    }
    case "MoveAction":
      typeMove(env, action);
      break;
    case "SendEmailAction":
      useTemplate(env, action.template, "email");
      typeRecipient(env, action.to);
      if (action.cc) typeRecipient(env, action.cc);
      break;
    case "SendSmsAction":
      useTemplate(env, action.template, "sms");
      typeRecipient(env, action.to);
      break;
    case "CreateTaskAction":
      useTemplate(env, action.template, "task");
      if (action.for) typeRecipient(env, action.for);
      break;
    case "GenerateReportAction":
      useTemplate(env, action.template, "report");
      if (action.email) {
        useTemplate(env, action.email.template, "email");
        typeRecipient(env, action.email.to);
      }
      break;
    case "RequestSignatureAction":
      useTemplate(env, action.template, "report");
      typeRecipient(env, action.from);
      break;
    case "NotifyAction":
      typeRecipient(env, action.to);
      break;
    case "AssignAction":
      typeTarget(env, action.field);
      for (const criterion of action.criteria) typeExpr(env, criterion.value);
      break;
    case "SetAction": {
      const fieldType = typeTarget(env, action.field);
      typeExpr(env, action.value, fieldType);
      break;
    }
    case "CreateRecordAction": {
      const target = model.entities.get(action.entity.text);
      for (const assignment of action.fields) {
        typeExpr(env, assignment.value, target?.fields.get(assignment.name.text)?.type);
      }
      break;
    }
    case "CreateActivityAction":
      break;
    case "ForEachAction":
      typeForEach(env, action);
      break;
  }
}

/** The block's actions are typed on the referring record (binder/scope.ts forEachScope). */
function typeForEach(env: TypingEnv, action: ast.ForEachAction): void {
  const { model } = env.binding;
  const outcome = forEachOutcome(model, action, env.scope.entity?.name);
  if (outcome.kind === "link") model.forEach.set(action, outcome.link);
  const inner = { binding: env.binding, scope: forEachScope(model, env.scope, action) };
  for (const nested of action.actions) typeAction(inner, nested);
}

function useTemplate(env: TypingEnv, name: ast.Name, kind: TemplateKind): void {
  const template = env.binding.model.templates.get(kind)?.get(name.text);
  if (template) env.binding.model.templateUses.set(name, template);
}

function typeRecipient(env: TypingEnv, recipient: ast.Recipient): void {
  if (recipient.kind === "PathExpr") typeExpr(env, recipient);
}

/** A field that an action changes: recorded as a path, typed as the field's type. */
function typeTarget(env: TypingEnv, path: ast.PathExpr): ValueType | undefined {
  const outcome = resolvePath(env.binding.model, env.scope, path);
  if (outcome.resolution) {
    env.binding.model.paths.set(path, outcome.resolution);
    env.binding.model.types.set(path, outcome.resolution.type);
    return outcome.resolution.type;
  }
  if (outcome.failure) env.binding.pathFailures.set(path, outcome.failure);
  return undefined;
}

function typeMove(env: TypingEnv, action: ast.MoveAction): void {
  const { model } = env.binding;
  let targetEntity = env.scope.entity?.name;
  let target: string[] | undefined;
  if (action.target) {
    const type = typeTarget(env, action.target);
    const resolution = model.paths.get(action.target);
    targetEntity = type?.kind === "ref" && resolution?.kind === "field" ? type.entity : undefined;
    if (resolution?.kind === "field") target = resolution.path;
  }
  if (targetEntity === undefined) return;
  const stage = model.entities.get(targetEntity)?.pipeline?.stagesByName.get(action.stage.text);
  const move: MoveResolution = { targetEntity };
  if (target) move.target = target;
  if (stage) move.stage = stage;
  model.moves.set(action, move);
}
