// `stagecraft test` for a person: `ok`/`FAIL` per test, each failure at its
// `file:line:col` with the outputs that came closest indented under it, then
// coverage when asked, then `N passed, N failed`.
import { placeOf, summaryLine, type TestRun } from "./test-run";
import { coverageLines } from "./coverage-lines";

export function formatTestText(run: TestRun): string {
  let text = "";
  for (const result of run.results) {
    text += `${result.passed ? "ok  " : "FAIL"}  ${result.name}\n`;
    for (const failure of result.failures) {
      // a failure's further lines (the outputs that came closest) stay under it
      text += `      ${placeOf(run, failure.location)}: ${failure.message.replaceAll("\n", "\n      ")}\n`;
    }
  }
  if (run.coverage) text += coverageLines(run, run.coverage);
  return text + summaryLine(run);
}
