// Test blocks replay events through the rules: records are `"type/id"` of a
// declared entity, event types are lifecycle/stage events or activity events,
// and expectations name output types the runtime produces (docs/contract.md).
// A test needs an `expect`: without one it passes whatever the rules do; an
// `until` before the last event fires nothing. The
// events themselves are checked as input in test-event-check.ts, the data of
// `expect` lines in test-expect-check.ts.
import type * as ast from "../../grammar/ast";
import type { CheckedModel } from "../model";
import type { Check, CheckContext } from "./context";
import { ident, suggestion } from "./suggest";
import { Diagnostics } from "../../diagnostics/messages";
import { outputTypes } from "../../stdlib/index";
import { parseInstant } from "../../runtime/time/instants";
import { splitRef } from "../../runtime/program/schema";
import { isRealDateTime } from "./date-time-check";

const recordEventTypes = ["created", "updated", "deleted", "stage.opened", "stage.closed"];
const outputNames = outputTypes.map((output) => output.name);

/** The entity type of `"type/id"`, or undefined when the text is not a record. */
export function recordEntityType(record: string): string | undefined {
  return splitRef(record)?.type;
}

/** True when this check reports the event (an unknown record or event type). */
export function testEventProblem(event: ast.TestEvent, model: CheckedModel): boolean {
  const type = recordEntityType(event.record.value);
  return type === undefined || !model.entities.has(type) || !(recordEventTypes.includes(event.eventType.text) || model.events.has(event.eventType.text));
}

function checkRecord(context: CheckContext, record: ast.StringLiteral | undefined): void {
  if (!record || record.missing) return;
  const type = recordEntityType(record.value);
  if (type === undefined) {
    context.report(record, Diagnostics.NotARecord, { record: record.value });
    return;
  }
  if (context.model.entities.has(type)) return;
  context.report(record, Diagnostics.UnknownRecordType, { type, record: record.value, hint: suggestion(type, context.model.entities.keys(), ident) });
}

/** `until` runs after the last event, wherever it is written: before that event's time it fires nothing. */
function checkUntil(test: ast.TestDecl, context: CheckContext): void {
  let last: ast.DateTimeLiteral | undefined;
  let lastAt = -Infinity;
  for (const statement of test.statements) {
    if (statement.kind !== "TestEvent" || !isRealDateTime(statement.at.text)) continue;
    const at = parseInstant(statement.at.text);
    if (at >= lastAt) [last, lastAt] = [statement.at, at];
  }
  for (const statement of test.statements) {
    if (statement.kind !== "TestUntil" || !last || !isRealDateTime(statement.at.text) || parseInstant(statement.at.text) >= lastAt) continue;
    context.report(statement.at, Diagnostics.UntilBeforeLastEvent, { until: statement.at.text, last: last.text });
  }
}

export const TestBlockCheck: Check = {
  name: "TestBlock",
  codes: ["SC2701", "SC2702", "SC2704", "SC2705", "SC2708"],
  nodes: {
    TestDecl: (test, context) => {
      checkUntil(test, context);
      if (test.name.missing || test.statements.some((statement) => statement.kind === "TestExpect")) return;
      const record = test.statements.find((statement): statement is ast.TestEvent => statement.kind === "TestEvent")?.record.value ?? "deal/S1";
      context.report(test.name, Diagnostics.TestWithoutExpect, { test: test.name.text, example: `stage.opened "${record}"` });
    },
    TestEvent: (event, context) => {
      checkRecord(context, event.record);
      const type = event.eventType;
      if (type.missing || recordEventTypes.includes(type.text) || context.model.events.has(type.text)) return;
      const known = [...recordEventTypes, ...context.model.events.keys()];
      context.report(type, Diagnostics.UnknownTestEvent, { type: type.text, hint: suggestion(type.text, known) });
    },
    TestOutput: (output, context) => {
      checkRecord(context, output.record);
      const type = output.outputType;
      if (type.missing || outputNames.includes(type.text)) return;
      context.report(type, Diagnostics.UnknownOutputType, { type: type.text, known: outputNames.join(", "), hint: suggestion(type.text, outputNames) });
    },
  },
};
