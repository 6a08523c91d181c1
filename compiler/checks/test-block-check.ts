// Test blocks replay events through the rules: records are `"type/id"` of a
// declared entity, event types are lifecycle/stage events or activity events,
// and expectations name output types the runtime produces (docs/contract.md).
import type * as ast from "../../grammar/ast";
import type { Check, CheckContext } from "./context";
import { ident, suggestion } from "./suggest";
import { Diagnostics } from "../../diagnostics/messages";

const recordEventTypes = ["created", "updated", "deleted", "stage.opened", "stage.closed"];
const outputTypes = [
  ...recordEventTypes.filter((type) => type !== "deleted"),
  "email.send",
  "sms.send",
  "task.create",
  "activity.create",
  "report.generate",
  "signature.request",
  "notify",
];

function checkRecord(context: CheckContext, record: ast.StringLiteral | undefined): void {
  if (!record || record.missing) return;
  const match = /^([^/]+)\/(.+)$/.exec(record.value);
  if (!match) {
    context.report(record, Diagnostics.NotARecord, { record: record.value });
    return;
  }
  const type = match[1]!;
  if (context.model.entities.has(type)) return;
  context.report(record, Diagnostics.UnknownRecordType, { type, record: record.value, hint: suggestion(type, context.model.entities.keys(), ident) });
}

export const TestBlockCheck: Check = {
  name: "TestBlock",
  codes: ["SC2701", "SC2702", "SC2704"],
  nodes: {
    TestEvent: (event, context) => {
      checkRecord(context, event.record);
      const type = event.eventType;
      if (type.missing || recordEventTypes.includes(type.text) || context.model.events.has(type.text)) return;
      const known = [...recordEventTypes, ...context.model.events.keys()];
      context.report(type, Diagnostics.UnknownTestEvent, { type: type.text, hint: suggestion(type.text, known) });
    },
    TestExpect: (expect, context) => {
      checkRecord(context, expect.record);
      const type = expect.outputType;
      if (type.missing || outputTypes.includes(type.text)) return;
      context.report(type, Diagnostics.UnknownOutputType, { type: type.text, known: outputTypes.join(", "), hint: suggestion(type.text, outputTypes) });
    },
  },
};
