// `stagecraft explain <paths...> --events <file> --entity <type/id>`: for one
// record, why each rule did or did not fire, with the values that decided it.
import type { Command } from "commander";
import { EventStreamValidator, explain, formatExplanation, type InputEvent } from "../../runtime/index";
import { compileRuleFiles, hasErrors } from "../compile-rules";
import { ExitCode, usageError } from "../errors";
import { readEventsInput } from "../events-input";
import { formatTextReport } from "../print-diagnostics";
import { parseUntil } from "../until";
import type { Output } from "../output";
import { formatLineError } from "../../diagnostics/format";

export function registerExplain(program: Command, out: Output): void {
  program
    .command("explain")
    .description("why each rule did or did not fire for one record")
    .argument("<paths...>", ".rules files or folders")
    .requiredOption("--events <file>", "input events, JSON Lines (- for standard input)")
    .requiredOption("--entity <type/id>", "the record to explain, e.g. deal/S1")
    .option("--until <iso>", "after the last event, fire timers due at or before this time")
    .action((paths: string[], options: { events: string; entity: string; until?: string }) => {
      if (!/^[^/\s]+\/\S+$/.test(options.entity)) throw usageError(`--entity must be type/id (e.g. deal/S1), not "${options.entity}"`);
      const until = options.until === undefined ? undefined : parseUntil(options.until);
      const { result, report } = compileRuleFiles(paths);
      if (hasErrors(result.diagnostics) || !result.program) {
        out.stderr(formatTextReport(report, out.isTty));
        out.exit(ExitCode.ruleErrors);
        return;
      }
      const program = result.program;
      const input = readEventsInput(options.events, out);
      const events: InputEvent[] = [];
      const validator = new EventStreamValidator(program);
      for (const [index, line] of input.lines.entries()) {
        if (line.trim() === "") continue;
        const checked = validator.check(line, index + 1);
        if ("error" in checked) {
          out.stderr(formatLineError(input.name, index + 1, checked.error) + "\n");
          out.exit(ExitCode.invalidEvent);
          return;
        }
        events.push(checked.event);
      }
      const explanation = explain(program, events, options.entity, until === undefined ? {} : { until });
      out.stdout(formatExplanation(explanation));
      out.exit(ExitCode.ok);
    });
}
