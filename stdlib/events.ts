// The activity events of the standard library: facts from the CRM that rules
// watch (`on deal invoice.paid`) and input may carry. Payload fields are read
// with `event.<field>`; every doc line is shown on hover in the playground.
import type { PrimitiveTypeName } from "./types";

export interface PayloadField {
  name: string;
  type: PrimitiveTypeName;
  optional: boolean;
}

export interface ActivityEvent {
  name: string;
  doc: string;
  fields: PayloadField[];
}

const required = (name: string, type: PrimitiveTypeName): PayloadField => ({ name, type, optional: false });
const optional = (name: string, type: PrimitiveTypeName): PayloadField => ({ name, type, optional: true });

export const activityEvents: readonly ActivityEvent[] = [
  { name: "email.opened", doc: "The client opened an e-mail sent from the CRM.", fields: [optional("template", "text")] },
  { name: "email.received", doc: "An e-mail from the client arrived.", fields: [optional("subject", "text"), optional("from", "email")] },
  { name: "email.sent", doc: "An e-mail was sent to the client.", fields: [optional("template", "text"), optional("to", "email")] },
  { name: "link.clicked", doc: "The client clicked a tracked link in an e-mail or sms.", fields: [required("url", "text")] },
  { name: "call.incoming", doc: "The client called in.", fields: [optional("phone", "phone"), optional("duration", "number")] },
  { name: "call.outgoing", doc: "A user called the client.", fields: [optional("phone", "phone"), optional("duration", "number")] },
  { name: "call.missed", doc: "A call from the client was not answered.", fields: [optional("phone", "phone")] },
  { name: "form.submitted", doc: "The client submitted a web form.", fields: [required("form", "text")] },
  { name: "invoice.paid", doc: "An invoice of the record was paid.", fields: [required("amount", "money"), optional("invoice", "text")] },
  { name: "document.signed", doc: "The client signed a document sent for e-signature.", fields: [required("document", "text")] },
  { name: "document.viewed", doc: "The client opened a document sent to them.", fields: [required("document", "text")] },
  {
    name: "responsible.changed",
    doc: "The responsible user of the record changed.",
    fields: [optional("from", "user"), optional("to", "user")],
  },
  { name: "sms.received", doc: "An sms from the client arrived.", fields: [optional("from", "phone")] },
  { name: "chat.message", doc: "The client wrote in an open channel or live chat.", fields: [optional("channel", "text")] },
  { name: "task.completed", doc: "A task of the record was completed.", fields: [optional("task", "text")] },
  { name: "payment.received", doc: "A payment for the record arrived.", fields: [required("amount", "money")] },
  { name: "visit.tracked", doc: "The client visited the website (tracked visit).", fields: [optional("url", "text")] },
];

const byName = new Map(activityEvents.map((event) => [event.name, event]));

export function findActivityEvent(name: string): ActivityEvent | undefined {
  return byName.get(name);
}
