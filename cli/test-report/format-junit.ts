// `stagecraft test --format junit`: JUnit XML as CI dashboards read it (the
// Jenkins/Ant schema, test/fixtures/junit/). One <testsuite> per rules file,
// one <testcase> per test; an expectation that did not hold is a <failure>, a
// run stopped by a runtime error an <error>. No times: a test's run is
// deterministic and the report is too, byte for byte.
import type { TestResult } from "../../runtime/index";
import { placeOf, type TestRun } from "./test-run";

export function formatTestJunit(run: TestRun): string {
  const byFile = new Map<string, TestResult[]>();
  for (const result of run.results) {
    const file = run.diskPath(result.location.file);
    const results = byFile.get(file);
    if (results) results.push(result);
    else byFile.set(file, [result]);
  }
  const failures = (results: readonly TestResult[]) => results.filter((result) => !result.passed && result.failures.every((f) => f.kind === "expectation")).length;
  const errors = (results: readonly TestResult[]) => results.filter((result) => result.failures.some((f) => f.kind === "run")).length;
  let xml = `<?xml version="1.0" encoding="UTF-8"?>\n`;
  xml += `<testsuites name="stagecraft test" tests="${run.results.length}" failures="${failures(run.results)}" errors="${errors(run.results)}">\n`;
  for (const [file, results] of byFile) {
    xml += `  <testsuite name="${attribute(file)}" tests="${results.length}" failures="${failures(results)}" errors="${errors(results)}" skipped="0" file="${attribute(file)}">\n`;
    for (const result of results) xml += testcase(run, file, result);
    xml += `  </testsuite>\n`;
  }
  return xml + `</testsuites>\n`;
}

/** Rules that do not check: one test case in error, where an empty report would read as green on a dashboard. */
export function formatRuleErrorsJunit(diagnostics: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="stagecraft test" tests="1" failures="0" errors="1">\n` +
    `  <testsuite name="rules check" tests="1" failures="0" errors="1" skipped="0">\n` +
    `    <testcase name="the rules check" classname="rules check">\n` +
    `      <error message="the rules have errors; no test ran" type="rules">${text(diagnostics)}</error>\n` +
    `    </testcase>\n  </testsuite>\n</testsuites>\n`
  );
}

function testcase(run: TestRun, file: string, result: TestResult): string {
  const open = `    <testcase name="${attribute(result.name)}" classname="${attribute(file)}" file="${attribute(file)}" line="${result.location.line}"`;
  if (result.passed) return `${open}/>\n`;
  // A run that stopped is an error (the rules broke), else the expectations failed.
  const element = result.failures.some((failure) => failure.kind === "run") ? "error" : "failure";
  const first = result.failures[0]!;
  const body = result.failures.map((failure) => `${placeOf(run, failure.location)}: ${failure.message}`).join("\n");
  return `${open}>\n      <${element} message="${attribute(firstLine(first.message))}" type="${first.kind}">${text(body)}</${element}>\n    </testcase>\n`;
}

function firstLine(message: string): string {
  const end = message.indexOf("\n");
  return end === -1 ? message : message.slice(0, end);
}

/** Text as XML character data; characters XML 1.0 cannot hold at all become U+FFFD. */
function text(value: string): string {
  return value
    .replace(/[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "\uFFFD")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;");
}

/** Text in a double-quoted attribute; line breaks and tabs kept as character references, since parsers normalise them to spaces. */
function attribute(value: string): string {
  return text(value).replaceAll('"', "&quot;").replaceAll("\n", "&#10;").replaceAll("\r", "&#13;").replaceAll("\t", "&#9;");
}
