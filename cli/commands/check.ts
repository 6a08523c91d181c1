// `stagecraft check <paths...> [--format text|json]`: exit 0 without errors
// (warnings allowed), 1 with errors, 2 on usage or I/O errors.
import type { Command } from "commander";
import { checkRuleFiles, hasErrors } from "../compile-rules";
import { ExitCode, usageError } from "../errors";
import { formatJsonReport, formatTextReport } from "../print-diagnostics";
import type { Output } from "../output";

export function registerCheck(program: Command, out: Output): void {
  program
    .command("check")
    .description("parse and type-check .rules files (a folder means every .rules file under it)")
    .argument("<paths...>", ".rules files or folders")
    .option("--format <format>", "text or json", "text")
    .action((paths: string[], options: { format: string }) => {
      if (options.format !== "text" && options.format !== "json") {
        throw usageError(`--format must be "text" or "json", not "${options.format}"`);
      }
      const { diagnostics, report } = checkRuleFiles(paths);
      out.stdout(options.format === "json" ? formatJsonReport(report) : formatTextReport(report, out.isTty));
      out.exit(hasErrors(diagnostics) ? ExitCode.ruleErrors : ExitCode.ok);
    });
}
