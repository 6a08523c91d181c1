// `stagecraft check <paths...> [--format text|json]`: exit 0 without errors
// (warnings allowed), 1 with errors, 2 on usage or I/O errors.
import type { Command } from "commander";
import { checkRuleFiles, hasErrors } from "../compile-rules";
import { ExitCode, FileError, textOrJson } from "../errors";
import { fileErrorReport, formatJsonReport, formatTextReport } from "../print-diagnostics";
import type { Output } from "../output";

export function registerCheck(program: Command, out: Output): void {
  program
    .command("check")
    .description("parse and type-check .rules files (a folder means every .rules file under it)")
    .argument("<paths...>", ".rules files or folders")
    .option("--format <format>", "text or json", "text")
    .action((paths: string[], options: { format: string }) => {
      textOrJson(options.format);
      let checked;
      try {
        checked = checkRuleFiles(paths);
      } catch (error) {
        // Programs that read --format json get JSON whatever happened, the unreadable file as a diagnostic.
        if (options.format !== "json" || !(error instanceof FileError)) throw error;
        out.stdout(formatJsonReport(fileErrorReport(error)));
        out.exit(ExitCode.usage);
        return;
      }
      const { diagnostics, report } = checked;
      out.stdout(options.format === "json" ? formatJsonReport(report) : formatTextReport(report, out.isTty));
      out.exit(hasErrors(diagnostics) ? ExitCode.ruleErrors : ExitCode.ok);
    });
}
