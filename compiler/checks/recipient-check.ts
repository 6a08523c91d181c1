// Who receives must be reachable: a quoted user, `responsible`, or a field of
// type user, email or phone, or a reference to a record with an email or phone
// field (e.g. `contact`).
import type * as ast from "../../grammar/ast";
import type { EntitySymbol } from "../model";
import { typeName } from "../types/value-type";
import type { Check, CheckContext } from "./context";
import { Diagnostics } from "../../diagnostics/messages";

// Thousands of actions send to a handful of entities: each entity's fields are looked through once.
const addressable = new WeakMap<EntitySymbol, boolean>();

function hasAddress(entity: EntitySymbol | undefined): boolean {
  if (!entity) return true;
  let found = addressable.get(entity);
  if (found === undefined) {
    found = false;
    for (const field of entity.fields.values()) {
      if (field.type.kind === "email" || field.type.kind === "phone") found = true;
    }
    addressable.set(entity, found);
  }
  return found;
}

function pathName(path: ast.PathExpr): string {
  return path.segments.map((segment) => segment.text).join(".");
}

function checkRecipient(context: CheckContext, recipient: ast.Recipient | undefined): void {
  if (!recipient || recipient.missing) return;
  if (recipient.kind === "StringLiteral") {
    if (recipient.value.trim() === "" || /\s/.test(recipient.value)) {
      context.report(recipient, Diagnostics.QuotedNotAUser, { user: recipient.value });
    }
    return;
  }
  const resolution = context.model.paths.get(recipient);
  if (!resolution) return;
  const type = resolution.type;
  if (type.kind === "user" || type.kind === "email" || type.kind === "phone" || type.kind === "unknown") return;
  if (type.kind === "ref") {
    if (hasAddress(context.model.entities.get(type.entity))) return;
    context.report(recipient, Diagnostics.RecordWithoutAddress, { path: pathName(recipient), entity: type.entity });
    return;
  }
  context.report(recipient, Diagnostics.NotARecipient, { path: pathName(recipient), type: typeName(type) });
}

export const RecipientCheck: Check = {
  name: "Recipient",
  codes: ["SC2315"],
  nodes: {
    SendEmailAction: (action, context) => {
      checkRecipient(context, action.to);
      checkRecipient(context, action.cc);
    },
    SendSmsAction: (action, context) => checkRecipient(context, action.to),
    CreateTaskAction: (action, context) => checkRecipient(context, action.for),
    GenerateReportAction: (action, context) => checkRecipient(context, action.email?.to),
    RequestSignatureAction: (action, context) => checkRecipient(context, action.from),
    NotifyAction: (action, context) => checkRecipient(context, action.to),
  },
};
