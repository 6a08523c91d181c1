// Actions lower to the IR's plain records: templates and stages by name (the
// checker proved they exist), recipients as field paths or quoted users, texts
// split at their placeholders.
import type * as ast from "../../grammar/ast";
import type { Action, Expr, Recipient } from "../../runtime/program/ir";
import type { CheckedModel } from "../model";
import { fieldName, fieldPath, lowerExpr } from "./lower-expressions";
import { placeholdersOf, splitTemplateText } from "../binder/template-text";

export function lowerRecipient(recipient: ast.Recipient, model: CheckedModel): Recipient {
  return recipient.kind === "StringLiteral"
    ? { kind: "user", user: recipient.value }
    : { kind: "field", path: fieldPath(recipient, model) };
}

/** `recordEntity`: the entity of the record the action runs on (a `move` without target moves it). */
export function lowerAction(action: ast.Action, model: CheckedModel, recordEntity: string): Action {
  switch (action.kind) {
    case "OpenAction":
      return { kind: "open", stage: action.stage.text };
    case "CloseAction":
      return { kind: "close", stage: action.stage.text };
    case "MoveAction":
      return lowerMove(action, model, recordEntity);
    case "SendEmailAction":
      return {
        kind: "sendEmail",
        template: action.template.text,
        to: lowerRecipient(action.to, model),
        ...(action.cc ? { cc: lowerRecipient(action.cc, model) } : {}),
      };
    case "SendSmsAction":
      return { kind: "sendSms", template: action.template.text, to: lowerRecipient(action.to, model) };
    case "CreateTaskAction":
      return {
        kind: "createTask",
        template: action.template.text,
        ...(action.for ? { for: lowerRecipient(action.for, model) } : {}),
      };
    case "CreateActivityAction":
      return { kind: "createActivity", activityKind: action.activityKind.text, text: splitTemplateText(action.text.value) };
    case "AssignAction":
      return {
        kind: "assign",
        field: fieldName(action.field, model),
        team: action.team.text,
        strategy: action.strategy,
        ...(action.criteria.length > 0
          ? { where: action.criteria.map((criterion) => ({ attribute: criterion.attribute.text, value: lowerExpr(criterion.value, model) })) }
          : {}),
      };
    case "SetAction":
      return lowerSet(action, model);
    case "ForEachAction": {
      // the checker proved the link (an unresolved one reported an error)
      const link = model.forEach.get(action)!;
      return { kind: "forEach", entity: link.entity, field: link.field, actions: action.actions.map((nested) => lowerAction(nested, model, link.entity)) };
    }
    case "CreateRecordAction":
      return {
        kind: "create",
        entity: action.entity.text,
        fields: action.fields.map((field) => ({ name: field.name.text, value: lowerWrittenValue(field.value, model) })),
      };
    case "GenerateReportAction":
      return {
        kind: "generateReport",
        template: action.template.text,
        ...(action.email
          ? { email: { template: action.email.template.text, to: lowerRecipient(action.email.to, model) } }
          : {}),
      };
    case "RequestSignatureAction":
      return { kind: "requestSignature", template: action.template.text, from: lowerRecipient(action.from, model) };
    case "NotifyAction":
      return { kind: "notify", to: lowerRecipient(action.to, model), text: splitTemplateText(action.text.value) };
  }
}

/** A value written to a field: a text literal with `{path}` placeholders is filled in, as `notify` texts are. */
function lowerWrittenValue(value: ast.Expr, model: CheckedModel): Expr {
  if (value.kind === "StringLiteral" && placeholdersOf(value.value).length > 0) return { kind: "text", parts: splitTemplateText(value.value) };
  return lowerExpr(value, model);
}

/** `set contact.vip = v` changes `vip` of the record `contact` refers to. */
function lowerSet(action: ast.SetAction, model: CheckedModel): Action {
  const path = fieldPath(action.field, model);
  const value = lowerWrittenValue(action.value, model);
  if (path.length === 1) return { kind: "set", field: path[0]!, value };
  return { kind: "set", field: path[path.length - 1]!, value, target: path.slice(0, -1) };
}

function lowerMove(action: ast.MoveAction, model: CheckedModel, recordEntity: string): Action {
  const resolution = model.moves.get(action);
  const target = resolution?.target ?? (action.target ? fieldPath(action.target, model) : undefined);
  return {
    kind: "move",
    ...(target ? { target } : {}),
    targetEntity: resolution?.targetEntity ?? recordEntity,
    stage: action.stage.text,
    allowBack: action.allowBack,
    ...(action.as ? { as: action.as.value } : {}),
  };
}
