// `stagecraft test --format json`: one JSON object for other programs
// (docs/cli.md "test"). Locations use the paths the user gave; coverage is
// there only with `--coverage`.
import type { CoverageEntry } from "../../runtime/index";
import type { SourceLocation } from "../../runtime/program/ir";
import { passedCount, type TestRun } from "./test-run";

export function formatTestJson(run: TestRun): string {
  const at = (location: SourceLocation) => ({ file: run.diskPath(location.file), line: location.line, column: location.column });
  const passed = passedCount(run);
  const report: Record<string, unknown> = {
    tests: run.results.map((result) => ({
      name: result.name,
      ...at(result.location),
      passed: result.passed,
      failures: result.failures.map((failure) => ({ kind: failure.kind, ...at(failure.location), message: failure.message })),
    })),
    passed,
    failed: run.results.length - passed,
  };
  if (run.coverage) {
    const entry = (item: CoverageEntry) => ({
      kind: item.kind,
      id: item.id,
      ...(item.step !== undefined ? { step: item.step } : {}),
      name: item.name,
      ...(item.location ? at(item.location) : {}),
      hits: item.hits,
    });
    report.coverage = { covered: run.coverage.covered, total: run.coverage.total, entries: run.coverage.entries.map(entry) };
  }
  return JSON.stringify(report, null, 2) + "\n";
}
