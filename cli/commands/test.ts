// `stagecraft test <paths...>`: runs the `test` blocks of the rule files. The
// last line is `N passed, N failed`; exit 0 when all pass, 1 otherwise.
import type { Command } from "commander";
import { runTests } from "../../runtime/index";
import { compileRuleFiles, hasErrors } from "../compile-rules";
import { ExitCode } from "../errors";
import { formatTextReport } from "../print-diagnostics";
import type { Output } from "../output";

export function registerTest(program: Command, out: Output): void {
  program
    .command("test")
    .description("run the test blocks of the rule files")
    .argument("<paths...>", ".rules files or folders")
    .action((paths: string[]) => {
      const { result, report } = compileRuleFiles(paths);
      if (hasErrors(result.diagnostics) || !result.program) {
        out.stderr(formatTextReport(report, out.isTty));
        out.stdout("0 passed, 0 failed\n");
        out.exit(ExitCode.ruleErrors);
        return;
      }
      const diskPaths = report.diskPaths;
      let passed = 0;
      let failed = 0;
      for (const test of runTests(result.program)) {
        if (test.passed) {
          passed += 1;
          out.stdout(`ok    ${test.name}\n`);
          continue;
        }
        failed += 1;
        out.stdout(`FAIL  ${test.name}\n`);
        for (const failure of test.failures) {
          const file = diskPaths.get(failure.location.file) ?? failure.location.file;
          // a failure's further lines (the outputs that came closest) stay under it
          out.stdout(`      ${file}:${failure.location.line}:${failure.location.column}: ${failure.message.replaceAll("\n", "\n      ")}\n`);
        }
      }
      if (passed + failed === 0) out.stderr("no test blocks found in the given files\n");
      out.stdout(`${passed} passed, ${failed} failed\n`);
      out.exit(failed > 0 ? 1 : ExitCode.ok);
    });
}
