// `stagecraft fmt <paths...> [--check]`: rewrites files in canonical layout;
// with --check only reports the files that are not formatted (exit 1).
import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { formatSource } from "../../compiler/index";
import { cannotWrite, ExitCode } from "../errors";
import { formatDiagnostic } from "../../diagnostics/format";
import { loadSources } from "../sources";
import type { Output } from "../output";

export function registerFmt(program: Command, out: Output): void {
  program
    .command("fmt")
    .description("format .rules files in place in the canonical layout")
    .argument("<paths...>", ".rules files or folders")
    .option("--check", "only report files that are not formatted")
    .action((paths: string[], options: { check?: boolean }) => {
      let unformatted = 0;
      let broken = 0;
      for (const source of loadSources(paths)) {
        const formatted = formatSource(source.text, source.path);
        const errors = formatted.diagnostics.filter((d) => d.severity === "error");
        if (errors.length > 0) {
          // A file that does not parse is never rewritten: report where and skip it.
          broken += 1;
          for (const d of errors) out.stderr(formatDiagnostic(d, source.diskPath) + "\n");
          continue;
        }
        if (formatted.text === source.text) continue;
        unformatted += 1;
        if (options.check) {
          // Windows line ends are the whole difference more often than not: say so, or the file looks fine.
          const onlyLineEnds = formatted.text === source.text.replace(/\r\n/g, "\n");
          out.stdout(`${source.diskPath}: not formatted${onlyLineEnds ? " (only its line ends differ: CRLF, where the layout has LF)" : ""}\n`);
        } else {
          try {
            writeFileSync(source.diskPath, formatted.text);
          } catch (error) {
            throw cannotWrite("rules file", source.diskPath, error);
          }
          out.stdout(`formatted ${source.diskPath}\n`);
        }
      }
      if (broken > 0) out.exit(ExitCode.ruleErrors);
      else out.exit(options.check && unformatted > 0 ? 1 : ExitCode.ok);
    });
}
