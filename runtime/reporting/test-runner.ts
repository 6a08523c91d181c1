// Runs the `test` blocks of a program: feed the events, advance to `until`,
// check each expectation against the outputs (an output matches when its type,
// entity, data subset and time agree). A failure points at the line that failed
// (the expect, or the event or `until` the run stopped at) and shows outputs in
// the test's own terms (test-output-terms.ts), never the ids lowering invents.
import type { Program, SourceLocation, TestDef, TestExpectation, Value } from "../program/ir";
import type { CoverageHit, OutputRecord } from "../types";
import { appendAll } from "../append-all";
import { createEngine } from "../engine/engine";
import { RuntimeError } from "../errors";
import { formatTestData, TestOutputTerms } from "./test-output-terms";
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

export interface TestRunOptions {
  /** Each rule firing and workflow step of every test's run (a CoverageCounter's `record`). */
  onCoverage?: (hit: CoverageHit) => void;
}

export function runTests(program: Program, options: TestRunOptions = {}): TestResult[] {
  return program.tests.map((test) => runTest(program, test, options));
}

function runTest(program: Program, test: TestDef, options: TestRunOptions): TestResult {
  const engine = createEngine(program, options.onCoverage ? { onCoverage: options.onCoverage } : {});
  const outputs: OutputRecord[] = [];
  const failures: TestFailure[] = [];
  // where the run is: the event being processed, then `until`
  let at = test.location;
  try {
    test.events.forEach((event, index) => {
      at = test.eventLocations?.[index] ?? test.location;
      appendAll(outputs, engine.process(event));
    });
    if (test.until !== undefined) {
      at = test.untilLocation ?? test.location;
      appendAll(outputs, engine.advanceTo(test.until));
    }
  } catch (error) {
    if (!(error instanceof RuntimeError)) throw error;
    appendAll(outputs, error.outputs);
    failures.push({ message: `the run stopped here: ${error.message}`, location: at });
  }
  const terms = new TestOutputTerms(test, outputs);
  const zone = program.calendar.timezone;
  for (const expectation of test.expectations) {
    const matches = outputs.filter((output) => matchesExpectation(output, expectation, zone));
    if (!expectation.negated && matches.length === 0) {
      failures.push({ message: `expected ${describeExpectation(expectation)}${nearMisses(outputs, expectation, terms)}`, location: expectation.location });
    } else if (expectation.negated && matches.length > 0) {
      failures.push({
        message: `expected no ${describeExpectation(expectation)}, got ${terms.describe(matches[0]!)}`,
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
  const data = formatTestData(expectation.data);
  if (data !== "") text += ` with${data}`;
  if (expectation.at !== undefined) text += ` at ${expectation.at}`;
  return text;
}

/** What came closest: outputs of the expected type, so the failure shows what differs. */
function nearMisses(outputs: OutputRecord[], expectation: TestExpectation, terms: TestOutputTerms): string {
  const sameType = outputs.filter((output) => output.type === expectation.type);
  if (sameType.length === 0) return `; there was no ${expectation.type} output at all`;
  const shown = sameType.slice(0, 3).map((output) => terms.describe(output));
  return `; the ${expectation.type} outputs were:\n  ${shown.join("\n  ")}${sameType.length > 3 ? `\n  … ${sameType.length - 3} more` : ""}`;
}
