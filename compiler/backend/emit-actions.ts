// Actions and workflow steps as CompiledAction / CompiledStep literals: only
// the parts the engine evaluates (values, recipients, texts, move targets);
// what an action does with them stays the engine's, so both backends decide alike.
import type { Action, Enrollment, Recipient, Step, TemplateText } from "../../runtime/program/ir";
import type { ExpressionEmitter } from "./emit-expression";


/** A CompiledAction object literal, `{}` when the action reads nothing. */
export function actionLiteral(action: Action, emit: ExpressionEmitter): string {
  const parts: string[] = [];
  const recipient = (who: Recipient) => emit.lambda(() => emit.recipient(who));
  const text = (template: TemplateText) => emit.lambda(() => emit.text(template));
  switch (action.kind) {
    case "set":
      parts.push(`values: [${emit.lambda(() => emit.value(action.value))}]`);
      if (action.target) parts.push(`target: ${emit.lambda(() => emit.path(action.target!))}`);
      break;
    case "create":
      if (action.fields.length > 0) parts.push(`values: [\n${action.fields.map((field) => emit.lambda(() => emit.value(field.value))).join(",\n")},\n]`);
      break;
    case "move":
      if (action.target) parts.push(`target: ${emit.lambda(() => emit.path(action.target!))}`);
      break;
    case "sendEmail":
      parts.push(`to: ${recipient(action.to)}`);
      if (action.cc) parts.push(`cc: ${recipient(action.cc)}`);
      break;
    case "sendSms":
      parts.push(`to: ${recipient(action.to)}`);
      break;
    case "createTask":
      if (action.for) parts.push(`to: ${recipient(action.for)}`);
      break;
    case "createActivity":
      parts.push(`text: ${text(action.text)}`);
      break;
    case "generateReport":
      if (action.email) parts.push(`to: ${recipient(action.email.to)}`);
      break;
    case "requestSignature":
      parts.push(`to: ${recipient(action.from)}`);
      break;
    case "notify":
      parts.push(`to: ${recipient(action.to)}`);
      parts.push(`text: ${text(action.text)}`);
      break;
    case "forEach":
      parts.push(`actions: ${listLiteral(action.actions.map((nested) => actionLiteral(nested, emit)))}`);
      break;
    case "assign":
      if (action.where) parts.push(`values: [\n${action.where.map((criterion) => emit.lambda(() => emit.value(criterion.value))).join(",\n")},\n]`);
      break;
    case "open":
    case "close":
      break;
  }
  return parts.length === 0 ? "{}" : `{\n${parts.join(",\n")},\n}`;
}

/** CompiledStep literals shaped like the IR steps, so the engine pairs them by position. */
export function stepListLiteral(steps: readonly Step[], emit: ExpressionEmitter): string {
  return listLiteral(steps.map((step) => stepLiteral(step, emit)));
}

/** An array literal: on one line when short, else one item per line. */
export function listLiteral(items: readonly string[]): string {
  const inline = `[${items.join(", ")}]`;
  if (inline.length <= 80 && !inline.includes("\n")) return inline;
  return `[\n${items.join(",\n")},\n]`;
}

function stepLiteral(step: Step, emit: ExpressionEmitter): string {
  switch (step.kind) {
    case "action":
      return `{\naction: ${actionLiteral(step.action, emit)},\n}`;
    case "waitUntil":
      return `{ condition: ${emit.lambda(() => emit.condition(step.condition))} }`;
    case "if":
      return [
        "{",
        `condition: ${emit.lambda(() => emit.condition(step.condition))},`,
        `then: ${stepListLiteral(step.then, emit)},`,
        `else: ${stepListLiteral(step.else, emit)},`,
        "}",
      ].join("\n");
    case "wait":
    case "stop":
      return "{}";
  }
}

export function enrollmentLiteral(enrollment: Enrollment, emit: ExpressionEmitter): string {
  const parts: string[] = [];
  if (enrollment.condition) parts.push(`condition: ${emit.lambda(() => emit.condition(enrollment.condition!))}`);
  const trigger = enrollment.trigger;
  if (trigger.kind === "becomes") parts.push(`becomes: ${emit.lambda(() => emit.condition(trigger.condition))}`);
  return parts.length === 0 ? "{}" : `{\n${parts.join(",\n")},\n}`;
}
