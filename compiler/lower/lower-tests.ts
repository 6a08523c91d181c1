// A `test` block lowers to input events and expectations. Input ids are
// generated (`t<test>.e<n>`) so derived ids, which the runtime builds from
// their cause, read back to the statement that caused them; failures never show
// them, they point at the statement (`eventLocations`). Times are
// normalised to the runtime's UTC form.
import type * as ast from "../../grammar/ast";
import type { InputEvent, OutputPattern, SourceLocation, TestDef, TestExpectation, Value } from "../../runtime/program/ir";
import { normaliseDateTime } from "./date-times";
import { literalValue } from "./lower-expressions";
import { locationOf } from "./lower-rules";

export function lowerTest(test: ast.TestDecl, index: number, file: ast.SourceFile): TestDef {
  const events: InputEvent[] = [];
  const eventLocations: SourceLocation[] = [];
  const expectations: TestExpectation[] = [];
  let until: { at: string; location: SourceLocation } | undefined;
  for (const statement of test.statements) {
    switch (statement.kind) {
      case "TestEvent":
        events.push(lowerTestEvent(statement, `t${index + 1}.e${events.length + 1}`));
        eventLocations.push(locationOf(statement, file));
        break;
      case "TestUntil":
        until = { at: dateTime(statement.at), location: locationOf(statement, file) };
        break;
      case "TestExpect":
        expectations.push(lowerExpectation(statement, file));
        break;
    }
  }
  return {
    name: test.name.text,
    location: locationOf(test, file),
    events,
    eventLocations,
    ...(until !== undefined ? { until: until.at, untilLocation: until.location } : {}),
    expectations,
  };
}

function lowerTestEvent(event: ast.TestEvent, id: string): InputEvent {
  return {
    id,
    at: dateTime(event.at),
    entity: event.record.value,
    type: event.eventType.text,
    ...(event.data.length > 0 ? { data: lowerData(event.data) } : {}),
  };
}

function lowerExpectation(expect: ast.TestExpect, file: ast.SourceFile): TestExpectation {
  return {
    location: locationOf(expect, file),
    negated: expect.negated,
    ...(expect.count ? { count: expect.count.value } : {}),
    ...lowerOutputPattern(expect.output),
    ...(expect.before ? { before: lowerOutputPattern(expect.before) } : {}),
  };
}

function lowerOutputPattern(output: ast.TestOutput): OutputPattern {
  return {
    type: output.outputType.text,
    ...(output.record ? { entity: output.record.value } : {}),
    data: lowerData(output.data),
    ...(output.by ? { rule: output.by.name.value } : {}),
    ...(output.at ? { at: dateTime(output.at) } : {}),
  };
}

function lowerData(fields: ast.TestField[]): Record<string, Value> {
  const data: Record<string, Value> = {};
  for (const field of fields) data[field.name.text] = literalValue(field.value);
  return data;
}

function dateTime(literal: ast.DateTimeLiteral): string {
  return normaliseDateTime(literal.text) ?? literal.text;
}
