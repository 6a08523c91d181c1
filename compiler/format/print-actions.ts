// One action, one line: the canonical spelling of every action form of
// docs/language.md "Actions". Optional parts print only when written, so the tree that
// reads back is the one that was printed.
import type { Action, FieldAssignment, ForEachAction, Recipient } from "../../grammar/ast";
import { printExpr, printOperand } from "./print-expressions";
import { printName, printString } from "./print-tokens";

export function printRecipient(recipient: Recipient): string {
  return recipient.kind === "StringLiteral" ? printString(recipient) : printExpr(recipient);
}

export function printAction(action: Action): string {
  switch (action.kind) {
    case "OpenAction":
      return `open ${printName(action.stage)}`;
    case "CloseAction":
      return `close ${printName(action.stage)}`;
    case "MoveAction": {
      const target = action.target ? ` ${printExpr(action.target)}` : "";
      const back = action.allowBack ? " allow back" : "";
      const as = action.as ? ` as ${printString(action.as)}` : "";
      return `move${target} to ${printName(action.stage)}${back}${as}`;
    }
    case "SendEmailAction": {
      const cc = action.cc ? ` cc ${printRecipient(action.cc)}` : "";
      return `send email ${printName(action.template)} to ${printRecipient(action.to)}${cc}`;
    }
    case "SendSmsAction":
      return `send sms ${printName(action.template)} to ${printRecipient(action.to)}`;
    case "CreateTaskAction": {
      const owner = action.for ? ` for ${printRecipient(action.for)}` : "";
      return `create task ${printName(action.template)}${owner}`;
    }
    case "CreateActivityAction":
      return `create activity ${printName(action.activityKind)} ${printString(action.text)}`;
    case "AssignAction": {
      const strategy = action.strategyWritten ? (action.strategy === "round_robin" ? " round robin" : " least loaded") : "";
      const criteria = action.criteria.map((criterion) => `${printName(criterion.attribute)} == ${printOperand(criterion.value)}`);
      const where = criteria.length > 0 ? ` where ${criteria.join(" and ")}` : "";
      return `assign ${printExpr(action.field)} from ${printName(action.team)}${where}${strategy}`;
    }
    case "SetAction":
      return `set ${printExpr(action.field)} = ${printExpr(action.value)}`;
    case "CreateRecordAction": {
      if (!action.withWritten) return `create ${printName(action.entity)}`;
      return `create ${printName(action.entity)} with ${printFieldAssignments(action.fields)}`;
    }
    case "GenerateReportAction": {
      const email = action.email
        ? ` and email ${printName(action.email.template)} to ${printRecipient(action.email.to)}`
        : "";
      return `generate report ${printName(action.template)}${email}`;
    }
    case "RequestSignatureAction":
      return `request signature ${printName(action.template)} from ${printRecipient(action.from)}`;
    case "NotifyAction":
      return `notify ${printRecipient(action.to)} ${printString(action.text)}`;
    case "ForEachAction": {
      // on one line where a single line is all there is (a workflow step); rules print it as a block
      const body = action.actions.map((nested) => ` ${printAction(nested)}`).join("");
      return `${printForEachHeader(action)} {${body}${body ? " " : ""}}`;
    }
  }
}

/** `for each deal [by FIELD] of contact`, before the block's `{`. */
export function printForEachHeader(action: ForEachAction): string {
  const by = action.by ? ` by ${printName(action.by)}` : "";
  return `for each ${printName(action.entity)}${by} of ${printName(action.of)}`;
}

function printFieldAssignments(fields: FieldAssignment[]): string {
  if (fields.length === 0) return "{}";
  return `{ ${fields.map((field) => `${printName(field.name)}: ${printExpr(field.value)}`).join(", ")} }`;
}
