// Input events checked line by line against the rules' schema by the runtime's
// own input check (the one behind the CLI's exit code 3). Plain code, so it runs
// in the checker worker while typing and on the page when Run needs the events.
import type { InputEvent, Program } from "../../runtime/program/ir";
import { EventStreamValidator } from "../../runtime/index";
import { notJsonError } from "../../runtime/input/validate-event";

export interface EventProblem {
  line: number;
  code: string;
  message: string;
  /** Where a JSON syntax error is. */
  column?: number;
}

export interface EventsValidation {
  events: InputEvent[];
  /** The line each of `events` was read from. */
  eventLines: number[];
  /** Line-numbered problems, as the CLI would print them. */
  problems: EventProblem[];
}

/** Without a program (the rules have errors) only the JSON of each line can be checked. */
export function validateEventsText(program: Program | null, text: string): EventsValidation {
  const result: EventsValidation = { events: [], eventLines: [], problems: [] };
  const validator = program ? new EventStreamValidator(program) : null;
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === "") return;
    const lineNumber = index + 1;
    if (!validator) {
      try {
        JSON.parse(line);
      } catch (error) {
        result.problems.push({ line: lineNumber, ...notJsonError(error as Error, line) });
      }
      return;
    }
    const checked = validator.check(line, lineNumber);
    if ("error" in checked) {
      result.problems.push({ line: lineNumber, ...checked.error });
    } else {
      result.events.push(checked.event);
      result.eventLines.push(lineNumber);
    }
  });
  return result;
}
