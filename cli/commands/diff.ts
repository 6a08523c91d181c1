// `stagecraft diff <base> <head> --events F [--until T] [--sort] [--strict] [--format text|json]`:
// runs two versions of the rules over the same events and reports how their
// behaviour differs (docs/versions.md). Each version is a .rules file or
// folder, or `git:REF[:PATH]`. Exit codes as diff(1): 0 the same behaviour,
// 1 a difference, 2 trouble (usage, I/O, rule errors in either version, an
// event either version refuses, a runtime error in either run).
import type { Command } from "commander";
import {
  BehaviourDiffer,
  formatDiffText,
  PairedEventValidator,
  VersionRunError,
  type BehaviourDiff,
  type DiffSide,
  type DiffSources,
  type Program,
} from "../../runtime/index";
import { compileLoadedSources, hasErrors } from "../compile-rules";
import { CliError, textOrJson, usageError } from "../errors";
import { addEventsOptions, openEventsInput, streamCheckOptions, type EventsFlags, type EventsInput } from "../events-input";
import { loadGitSources, parseGitSpec } from "../git-sources";
import { formatTextReport } from "../print-diagnostics";
import { loadSources } from "../sources";
import { parseUntil, UNTIL_FLAG, type Until } from "../until";
import type { Output } from "../output";
import { formatLineError } from "../../diagnostics/format";

interface DiffOptions extends EventsFlags {
  events: string[];
  until?: string;
  format: string;
}

/** As diff(1); trouble is the usage exit code of every command. */
export const DiffExit = { same: 0, different: 1, trouble: 2 } as const;

export function registerDiff(program: Command, out: Output): void {
  const command = program
    .command("diff")
    .description("run two versions of the rules over the same events and report how their behaviour differs")
    .argument("<base>", "the rules before: a .rules file or folder, or git:REF[:PATH] (a commit's, PATH relative to here)")
    .argument("<head>", "the rules after, in the same forms");
  addEventsOptions(command)
    .option(...UNTIL_FLAG)
    .option("--format <format>", "text or json", "text")
    .action(async (base: string, head: string, options: DiffOptions) => {
      textOrJson(options.format);
      const untilGiven = options.until === undefined ? undefined : parseUntil(options.until);
      const baseProgram = loadVersion("base", base, out);
      const headProgram = loadVersion("head", head, out);
      if (!baseProgram || !headProgram) {
        out.exit(DiffExit.trouble);
        return;
      }
      const until = untilGiven === undefined ? undefined : untilIn(untilGiven, baseProgram, headProgram);
      const events = openEventsInput(options.events, options, out);
      const diff = await compare(baseProgram, headProgram, events, options, until, out);
      if (!diff) {
        out.exit(DiffExit.trouble);
        return;
      }
      const sources: DiffSources = { base, head, events: events.name, ...(untilGiven !== undefined ? { until: untilGiven.given } : {}) };
      out.stdout(options.format === "json" ? formatDiffJson(diff, sources) : formatDiffText(diff, sources));
      out.exit(diff.different ? DiffExit.different : DiffExit.same);
    });
}

/** One version's program; undefined (its diagnostics written, naming the version) when its rules have errors. */
function loadVersion(side: DiffSide, given: string, out: Output): Program | undefined {
  const spec = parseGitSpec(given);
  const { result, report } = compileLoadedSources(spec ? loadGitSources(spec) : loadSources([given]));
  if (!hasErrors(result.diagnostics) && result.program) return result.program;
  out.stderr(`stagecraft: the ${side} rules (${given}) have errors; both versions must check clean:\n`);
  out.stderr(formatTextReport(report, out.isTty));
  return undefined;
}

/** A date or time without offset is read in the calendar's zone, which must then be the same in both versions. */
function untilIn(until: Until, base: Program, head: Program): string {
  const zone = head.calendar.timezone;
  if (until.local && base.calendar.timezone !== zone) {
    throw usageError(`--until ${until.given} has no offset, and the versions' calendars are in different zones (base ${base.calendar.timezone}, head ${zone}): give it with an offset or Z`);
  }
  return until.in(zone);
}

/** Feeds every line to both versions; undefined (the error written) when a line is refused. */
async function compare(base: Program, head: Program, input: EventsInput, flags: EventsFlags, until: string | undefined, out: Output): Promise<BehaviourDiff | undefined> {
  const validator = new PairedEventValidator(base, head, streamCheckOptions(input, flags));
  const differ = new BehaviourDiffer(base, head);
  let position = "";
  try {
    for (let batch = await input.next(); batch !== undefined; batch = await input.next()) {
      for (const line of batch) {
        const checked = validator.check(line.text, input.positionOf(line), line.parsed);
        if ("error" in checked) {
          const which = checked.side === undefined ? "" : ` (refused by the ${checked.side} rules only)`;
          out.stderr(formatLineError(line.file, line.lineNumber, checked.error) + which + "\n");
          return undefined;
        }
        position = `${line.file}:${line.lineNumber} (event ${checked.head.id})`;
        differ.process(checked.base, checked.head);
      }
    }
    if (until !== undefined) {
      position = `while firing the timers due by --until ${until}`;
      differ.advanceTo(until);
    }
  } catch (error) {
    if (!(error instanceof VersionRunError)) throw error;
    throw new CliError(`the ${error.side} rules stop ${position}: runtime error ${error.error.code}: ${error.error.message}`, DiffExit.trouble);
  }
  return differ.finish();
}

/** One JSON object: how the versions and events were given, then the report (docs/contract.md). */
function formatDiffJson(diff: BehaviourDiff, sources: DiffSources): string {
  const { base, head, events, ...rest } = diff;
  return (
    JSON.stringify(
      {
        base: { source: sources.base, ...base },
        head: { source: sources.head, ...head },
        events: { source: sources.events, count: events },
        until: sources.until ?? null,
        ...rest,
      },
      null,
      2,
    ) + "\n"
  );
}
