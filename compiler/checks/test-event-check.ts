// Each event of a `test` block is checked as a line of an events file is, by the
// runtime's own input validator (runtime/input), one validator per test since
// each test replays into an empty store: a test cannot feed the rules an event a
// real run would refuse. The codes are the input codes (SC30xx): one mistake has
// one code wherever it is written; the diagnostic sits on the part of the event
// at fault. An event the other checks refuse already (SC2701-SC2703, SC2406) is
// left out, as a refused line is left out of an events file.
import type * as ast from "../../grammar/ast";
import type { Check, CheckContext } from "./context";
import type { Located } from "../diagnostics";
import { EventStreamValidator } from "../../runtime/input/event-stream-validator";
import type { InputError } from "../../runtime/input/validate-event";
import { message } from "../../diagnostics/message";
import { Diagnostics } from "../../diagnostics/messages";
import { positionAt } from "../../grammar/index";
import { literalValue } from "../lower/lower-expressions";
import { isRealDate, isRealDateTime } from "./date-time-check";
import { inputProgramOf } from "./input-program";
import { recordEntityType, testEventProblem } from "./test-block-check";

export const TestEventCheck: Check = {
  name: "TestEvent",
  codes: ["SC3002", "SC3003", "SC3004", "SC3005", "SC3006", "SC3007", "SC3008", "SC3009", "SC3012"],
  nodes: {
    TestDecl: (test, context) => {
      let validator: EventStreamValidator | undefined;
      let count = 0;
      for (const statement of test.statements) {
        if (statement.kind !== "TestEvent" || statement.missing || !checkable(statement, context)) continue;
        validator ??= new EventStreamValidator(inputProgramOf(context.model));
        count += 1;
        const object = eventObject(statement, `e${count}`, context);
        const line = positionAt(context.file.lineStarts, statement.start).line;
        // The validator stops at an event's first problem; a test is fixed in one go, so
        // each bad data field is reported and left out until the rest of the event passes.
        // A refused check leaves the validator as it was: the stream goes on without it.
        const removed = new Set<string>();
        for (let checked = validator.check(JSON.stringify(object), line); "error" in checked; checked = validator.check(JSON.stringify(object), line)) {
          const key = dataKey(checked.error.field);
          if (checked.error.code === Diagnostics.MissingField.code && key !== undefined && removed.has(key)) break; // reported already as what it is
          report(context, statement, checked.error);
          if (key === undefined || !Object.hasOwn(object.data, key)) break;
          delete object.data[key];
          removed.add(key);
        }
      }
    },
  },
};

interface EventObject {
  id: string;
  at: string;
  entity: string;
  type: string;
  data: Record<string, unknown>;
}

/**
 * What the events file would hold for this event; the id is the validator's only.
 * A field declared with an unknown type (reported where it is declared) is left
 * out, as the validator's schema leaves it out (input-program.ts).
 */
function eventObject(event: ast.TestEvent, id: string, context: CheckContext): EventObject {
  const entity = context.model.entities.get(recordEntityType(event.record.value) ?? "");
  const payload = context.model.events.get(event.eventType.text);
  const data: Record<string, unknown> = {};
  for (const field of event.data) {
    const name = field.name.text;
    if ((payload ?? entity)?.fields.get(name)?.type.kind === "unknown") continue;
    data[name] = literalValue(field.value);
  }
  return { id, at: event.at.text, entity: event.record.value, type: event.eventType.text, data };
}

function dataKey(field: string | undefined): string | undefined {
  return field?.startsWith("data.") ? field.slice("data.".length) : undefined;
}

/** False when another check reports this event, or recovery left a part of it out. */
function checkable(event: ast.TestEvent, context: CheckContext): boolean {
  if (event.at.missing || event.record.missing || event.eventType.missing || !isRealDateTime(event.at.text)) return false;
  if (testEventProblem(event, context.model)) return false;
  for (const field of event.data) {
    if (field.missing || field.name.missing || field.value.missing) return false;
    if (field.value.kind === "DateLiteral" && !isRealDate(field.value.text)) return false;
    if (field.value.kind === "DateTimeLiteral" && !isRealDateTime(field.value.text)) return false;
  }
  return true;
}

function report(context: CheckContext, event: ast.TestEvent, error: InputError): void {
  // The input error is rendered already, from the table, under its own code.
  context.report(partAt(event, error), message(error.code, error.message));
}

/**
 * The written part an input error's `field` names: a data key that should not be
 * there, or the value that does not fit; the event type for what is missing.
 */
function partAt(event: ast.TestEvent, error: InputError): Located {
  if (error.field === "at") return event.at;
  if (error.field === "entity") return event.record;
  const key = dataKey(error.field);
  if (key !== undefined) {
    // JSON keeps the last of two equal keys; so does the event
    for (let i = event.data.length - 1; i >= 0; i--) {
      const field = event.data[i]!;
      if (field.name.text === key) return error.code === Diagnostics.UnknownDataField.code ? field.name : field.value;
    }
  }
  return event.eventType;
}
