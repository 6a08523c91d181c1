// Runs the `test` blocks of a program: feed the events, advance to `until`,
// check each expectation against the outputs (an output matches when its type,
// entity, data subset and time agree).
import type { Program, SourceLocation, TestDef, TestExpectation, Value } from "../program/ir";
import type { OutputRecord } from "../types";
import { appendAll } from "../append-all";
import { createEngine } from "../engine/engine";
import { RuntimeError } from "../errors";
import { formatOutputLine } from "./output-format";
import { parseInstant } from "../time/instants";
import { valuesEqual } from "../expressions/values";

export interface TestFailure {
  message: string;
  location: SourceLocation;
}

export interface TestResult {
  name: string;
  location: SourceLocation;
  passed: boolean;
  failures: TestFailure[];
  /** Everything the test's events produced, for reports. */
  outputs: OutputRecord[];
}

export function runTests(program: Program): TestResult[] {
  return program.tests.map((test) => runTest(program, test));
}

function runTest(program: Program, test: TestDef): TestResult {
  const engine = createEngine(program);
  const outputs: OutputRecord[] = [];
  const failures: TestFailure[] = [];
  try {
    for (const event of test.events) appendAll(outputs, engine.process(event));
    if (test.until !== undefined) appendAll(outputs, engine.advanceTo(test.until));
  } catch (error) {
    if (!(error instanceof RuntimeError)) throw error;
    appendAll(outputs, error.outputs);
    failures.push({ message: `the run stopped: ${error.message}`, location: test.location });
  }
  const zone = program.calendar.timezone;
  for (const expectation of test.expectations) {
    const matches = outputs.filter((output) => matchesExpectation(output, expectation, zone));
    if (!expectation.negated && matches.length === 0) {
      failures.push({ message: `expected ${describeExpectation(expectation)}${nearMisses(outputs, expectation)}`, location: expectation.location });
    } else if (expectation.negated && matches.length > 0) {
      failures.push({
        message: `expected no ${describeExpectation(expectation)}, got ${formatOutputLine(matches[0]!)}`,
        location: expectation.location,
      });
    }
  }
  return { name: test.name, location: test.location, passed: failures.length === 0, failures, outputs };
}

export function matchesExpectation(output: OutputRecord, expectation: TestExpectation, zone: string): boolean {
  if (output.type !== expectation.type) return false;
  if (expectation.entity !== undefined && output.entity !== expectation.entity) return false;
  for (const [name, value] of Object.entries(expectation.data)) {
    const actual: Value = Object.hasOwn(output.data, name) ? output.data[name]! : null;
    if (!valuesEqual(actual, value, zone)) return false;
  }
  return expectation.at === undefined || parseInstant(expectation.at) === parseInstant(output.at);
}

function describeExpectation(expectation: TestExpectation): string {
  let text = expectation.type;
  if (expectation.entity !== undefined) text += ` for ${expectation.entity}`;
  const data = Object.entries(expectation.data);
  if (data.length > 0) text += ` with { ${data.map(([name, value]) => `${name}: ${JSON.stringify(value)}`).join(", ")} }`;
  if (expectation.at !== undefined) text += ` at ${expectation.at}`;
  return text;
}

/** What came closest: outputs of the expected type, so the failure shows what differs. */
function nearMisses(outputs: OutputRecord[], expectation: TestExpectation): string {
  const sameType = outputs.filter((output) => output.type === expectation.type);
  if (sameType.length === 0) return `; there was no ${expectation.type} output at all`;
  const shown = sameType.slice(0, 3).map(formatOutputLine);
  return `; the ${expectation.type} outputs were:\n  ${shown.join("\n  ")}${sameType.length > 3 ? `\n  … ${sameType.length - 3} more` : ""}`;
}
