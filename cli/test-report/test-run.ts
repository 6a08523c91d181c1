// What `stagecraft test` reports, whatever the format: the results of the
// tests it ran, coverage when asked, and the files as the user named them.
import type { CoverageReport, TestResult } from "../../runtime/index";
import type { SourceLocation } from "../../runtime/program/ir";

export interface TestRun {
  results: readonly TestResult[];
  /** With `--coverage`. */
  coverage?: CoverageReport;
  /** A file as the compiler names it → the path the user gave. */
  diskPath: (file: string) => string;
}

export function passedCount(run: TestRun): number {
  return run.results.filter((result) => result.passed).length;
}

/** `solar.rules:12:3`, with the path the user gave. */
export function placeOf(run: TestRun, location: SourceLocation): string {
  return `${run.diskPath(location.file)}:${location.line}:${location.column}`;
}

/** The last line of every format's report (docs/contract.md). */
export function summaryLine(run: TestRun): string {
  const passed = passedCount(run);
  return `${passed} passed, ${run.results.length - passed} failed\n`;
}
