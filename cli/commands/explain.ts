// `stagecraft explain <paths...> --events <file> --entity <type/id>`: for one
// record, why each rule did or did not fire, with the values that decided it.
import type { Command } from "commander";
import { EventStreamValidator, explain, formatExplanation, formatWithUtc, type InputEvent, type Program } from "../../runtime/index";
import { compileOrReport } from "../compile-rules";
import { ExitCode, usageError } from "../errors";
import { addEventsOptions, openEventsInput, streamCheckOptions, type EventsFlags } from "../events-input";
import { parseUntil, UNTIL_FLAG } from "../until";
import type { Output } from "../output";
import { formatLineError } from "../../diagnostics/format";
import { closestName, editDistance } from "../../diagnostics/suggest";

export function registerExplain(program: Command, out: Output): void {
  const command = program
    .command("explain")
    .description("why each rule did or did not fire for one record")
    .argument("<paths...>", ".rules files or folders");
  addEventsOptions(command)
    .requiredOption("--entity <type/id>", "the record to explain, e.g. deal/S1")
    .option(...UNTIL_FLAG)
    .action(async (paths: string[], options: EventsFlags & { events: string[]; entity: string; until?: string }) => {
      if (!/^[^/\s]+\/\S+$/.test(options.entity)) throw usageError(`--entity must be type/id (e.g. deal/S1), not "${options.entity}"`);
      const untilGiven = options.until === undefined ? undefined : parseUntil(options.until);
      const compiled = compileOrReport(paths, out);
      if (!compiled) return;
      const program = compiled.program;
      const until = untilGiven?.in(program.calendar.timezone);
      const type = options.entity.slice(0, options.entity.indexOf("/"));
      checkEntityType(program, type, options.entity);
      const input = openEventsInput(options.events, options, out);
      const events: InputEvent[] = [];
      const validator = new EventStreamValidator(program, null, [], streamCheckOptions(input, options));
      for (let batch = await input.next(); batch !== undefined; batch = await input.next()) {
        for (const line of batch) {
          const checked = validator.check(line.text, input.positionOf(line), line.parsed);
          if ("error" in checked) {
            out.stderr(formatLineError(line.file, line.lineNumber, checked.error) + "\n");
            out.exit(ExitCode.invalidEvent);
            return;
          }
          events.push(checked.event);
        }
      }
      const explanation = explain(program, events, options.entity, until === undefined ? {} : { until });
      if (!explanation.recordsOfType.includes(options.entity)) throw unseenRecord(options.entity, type, explanation.recordsOfType);
      out.stdout(formatExplanation(explanation, { formatTime: (iso) => formatWithUtc(iso, program.calendar.timezone) }));
      out.exit(ExitCode.ok);
    });
}

/** An entity type the rules do not declare would explain nothing: say so, and what was probably meant. */
function checkEntityType(program: Program, type: string, entity: string): void {
  const types = program.entities.map((definition) => definition.name);
  if (types.includes(type)) return;
  const closest = closestName(type, types);
  const hint = closest !== undefined ? ` Did you mean \`${closest}/${entity.slice(type.length + 1)}\`?` : ` The entities are: ${types.join(", ")}.`;
  throw usageError(`--entity ${entity}: the rules have no entity \`${type}\`.${hint}`);
}

const LISTED = 10;

/** A record no event reached has nothing to explain: name the records of its type that were seen. */
function unseenRecord(entity: string, type: string, seen: readonly string[]): Error {
  if (seen.length === 0) return usageError(`--entity ${entity}: no event reached a ${type} record, so there is nothing to explain.`);
  // A suggestion only when one record is closest: D9 is as near to D1 as to D2.
  const closest = closestName(entity, seen);
  const suggested = closest !== undefined && seen.filter((record) => editDistance(record, entity) === editDistance(closest, entity)).length === 1;
  const listed = seen.slice(0, LISTED).join(", ") + (seen.length > LISTED ? ` and ${seen.length - LISTED} more` : "");
  return usageError(`--entity ${entity}: no event reached this record.${suggested ? ` Did you mean ${closest}?` : ""} The ${type} records seen: ${listed}.`);
}
