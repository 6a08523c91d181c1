// Runs the `test` blocks of a program: feed the events, advance to `until`,
// check each expectation against the outputs (test-expectations.ts). A failure points at the line that failed
// (the expect, or the event or `until` the run stopped at) and shows outputs in
// the test's own terms (test-output-terms.ts), never the ids lowering invents.
import type { Program, SourceLocation, TestDef } from "../program/ir";
import type { CoverageHit, OutputRecord } from "../types";
import { appendAll } from "../append-all";
import { createEngine } from "../engine/engine";
import { RuntimeError } from "../errors";
import { TestOutputTerms } from "./test-output-terms";
import { expectationFailure } from "./test-expectations";

export interface TestFailure {
  /** An expectation that did not hold, or the run stopping with a runtime error. */
  kind: "expectation" | "run";
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
    failures.push({ kind: "run", message: `the run stopped here: ${error.message}`, location: at });
  }
  const zone = program.calendar.timezone;
  const terms = new TestOutputTerms(test, outputs, zone);
  for (const expectation of test.expectations) {
    const message = expectationFailure(expectation, outputs, terms, zone);
    if (message !== undefined) failures.push({ kind: "expectation", message, location: expectation.location });
  }
  return { name: test.name, location: test.location, passed: failures.length === 0, failures, outputs };
}
