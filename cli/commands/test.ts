// `stagecraft test <paths...> [--grep P] [--format text|json|junit] [--coverage]`:
// runs the `test` blocks of the rule files (those whose name matches `--grep`).
// The text report's last line is `N passed, N failed`; JSON and JUnit put it
// on stderr so stdout holds the report alone. Warnings go to stderr first, as
// `check` prints them. Exit 0 when all pass, 1 otherwise.
import type { Command } from "commander";
import { CoverageCounter, coverageReport, runTests } from "../../runtime/index";
import { compileRuleFiles, hasErrors, type CompiledRules } from "../compile-rules";
import { ExitCode, usageError } from "../errors";
import { formatTextReport, jsonReport } from "../print-diagnostics";
import type { Output } from "../output";
import { formatTestJson } from "../test-report/format-json";
import { formatRuleErrorsJunit, formatTestJunit } from "../test-report/format-junit";
import { formatTestText } from "../test-report/format-text";
import { summaryLine, type TestRun } from "../test-report/test-run";

type TestFormat = "text" | "json" | "junit";

interface TestOptions {
  grep?: string;
  format: string;
  coverage?: boolean;
}

export function registerTest(program: Command, out: Output): void {
  program
    .command("test")
    .description("run the test blocks of the rule files")
    .argument("<paths...>", ".rules files or folders")
    .option("--grep <pattern>", "run only the tests whose name matches this regular expression")
    .option("--format <format>", "text, json or junit", "text")
    .option("--coverage", "report which rules and workflow steps the tests ran, and which never ran")
    .action((paths: string[], options: TestOptions) => {
      const format = testFormat(options.format);
      const selected = nameFilter(options.grep);
      const compiled = compileRuleFiles(paths);
      const { result, report } = compiled;
      if (hasErrors(result.diagnostics) || !result.program) {
        out.stderr(formatTextReport(report, out.isTty));
        out.stdout(ruleErrorsReport(format, compiled));
        if (format !== "text") out.stderr("0 passed, 0 failed\n");
        out.exit(ExitCode.ruleErrors);
        return;
      }
      // Warnings (a test without `expect`, an `until` before the last event) as `check` prints them: a passing test may test nothing.
      if (result.diagnostics.length > 0) out.stderr(formatTextReport(report, out.isTty));
      const program = { ...result.program, tests: result.program.tests.filter((test) => selected(test.name)) };
      const counter = options.coverage ? new CoverageCounter() : undefined;
      const results = runTests(program, counter ? { onCoverage: counter.record } : {});
      const run: TestRun = {
        results,
        ...(counter ? { coverage: coverageReport(program, counter) } : {}),
        diskPath: (file) => report.diskPaths.get(file) ?? file,
      };
      if (results.length === 0) {
        out.stderr(result.program.tests.length === 0 ? "no test blocks found in the given files\n" : `no test name matches --grep ${options.grep}\n`);
      }
      out.stdout(format === "json" ? formatTestJson(run) : format === "junit" ? formatTestJunit(run) : formatTestText(run));
      if (format !== "text") out.stderr(summaryLine(run));
      out.exit(results.every((test) => test.passed) ? ExitCode.ok : 1);
    });
}

function testFormat(format: string): TestFormat {
  if (format !== "text" && format !== "json" && format !== "junit") throw usageError(`--format must be "text", "json" or "junit", not "${format}"`);
  return format;
}

function nameFilter(pattern: string | undefined): (name: string) => boolean {
  if (pattern === undefined) return () => true;
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, "u");
  } catch (error) {
    throw usageError(`--grep ${pattern} is not a regular expression: ${(error as Error).message}`);
  }
  return (name) => regex.test(name);
}

/** What stdout holds when the rules do not check: the diagnostics in the report's own form. */
function ruleErrorsReport(format: TestFormat, { report }: CompiledRules): string {
  if (format === "text") return "0 passed, 0 failed\n";
  if (format === "json") return JSON.stringify({ tests: [], passed: 0, failed: 0, ...jsonReport(report) }, null, 2) + "\n";
  return formatRuleErrorsJunit(formatTextReport(report, false));
}
