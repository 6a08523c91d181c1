// Reads the events file (or standard input for `-`) for run and explain.
import { readText } from "./sources";
import type { Output } from "./output";
import { usageError } from "./errors";

export interface EventsInput {
  /** The name used in `events.jsonl:LINE:` errors. */
  name: string;
  lines: string[];
}

export function readEventsInput(given: string, out: Output): EventsInput {
  if (given === "-") {
    let text: string;
    try {
      text = out.readStdin();
    } catch {
      throw usageError("cannot read events from standard input");
    }
    return { name: "<stdin>", lines: splitLines(text) };
  }
  return { name: given, lines: splitLines(readText(given)) };
}

function splitLines(text: string): string[] {
  const lines = text.split("\n");
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines.map((line) => (line.endsWith("\r") ? line.slice(0, -1) : line));
}
