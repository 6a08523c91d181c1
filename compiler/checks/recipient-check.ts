// Who receives must be reachable: a quoted user, `responsible`, or a field of
// type user, email or phone, or a reference to a record with an email or phone
// field (e.g. `contact`).
import type * as ast from "../../grammar/ast";
import type { EntitySymbol } from "../model";
import { typeName } from "../types/value-type";
import type { Check, CheckContext } from "./context";
import { ident } from "./suggest";

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
  return ident(path.segments.map((segment) => segment.text).join("."));
}

function checkRecipient(context: CheckContext, recipient: ast.Recipient | undefined): void {
  if (!recipient || recipient.missing) return;
  if (recipient.kind === "StringLiteral") {
    if (recipient.value.trim() === "" || /\s/.test(recipient.value)) {
      context.error("SC2315", `"${recipient.value}" is not a user; a quoted recipient is a user's login or e-mail, e.g. "alice@solar.example".`, recipient);
    }
    return;
  }
  const resolution = context.model.paths.get(recipient);
  if (!resolution) return;
  const type = resolution.type;
  if (type.kind === "user" || type.kind === "email" || type.kind === "phone" || type.kind === "unknown") return;
  if (type.kind === "ref") {
    if (hasAddress(context.model.entities.get(type.entity))) return;
    context.error("SC2315", `${pathName(recipient)} is a ${ident(type.entity)}, which has no email or phone field to send to.`, recipient);
    return;
  }
  context.error(
    "SC2315",
    `${pathName(recipient)} is ${typeName(type)}, not a recipient; expected a user, email or phone field, a reference to a contact, \`responsible\`, or a quoted user.`,
    recipient,
  );
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
