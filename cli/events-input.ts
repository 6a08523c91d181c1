// `--events` of run, explain and diff: one or several files, folders (every
// `.jsonl` file under them, sorted by path) or `-` for standard input, read as
// one stream of lines in the order to process them (event-order.ts).
import { statSync } from "node:fs";
import type { Command } from "commander";
import type { StreamCheckOptions } from "../runtime/index";
import type { Output } from "./output";
import { cannotRead, usageError } from "./errors";
import { blockSizeFor, EVENTS_FILE, FileLines, StreamLines, type LineSource } from "./line-sources";
import { listFiles } from "./sources";
import { concatenated, merged, sorted, type EventLine } from "./event-order";

export type { EventLine } from "./event-order";

export interface EventsInput {
  /** How the input was given, for reports (`a.jsonl`, `a.jsonl b.jsonl`, `<stdin>`). */
  readonly name: string;
  /** The next lines to process, blank lines left out; undefined after the last. */
  next(): Promise<EventLine[] | undefined>;
  /** A line's position, as the stream checks keep it (EventStreamValidator). */
  positionOf(line: EventLine): number;
  /** A position named for a message: `line 3`, or `b.jsonl:3` when there are several files. */
  describePosition(position: number): string;
}

/** Lines per file a position can tell apart: positions stay exact numbers for 2^21 files. */
const LINES_PER_SOURCE = 2 ** 32;

/** `--events`, `--sort` and `--strict`, as run, explain and diff take them. */
export function addEventsOptions(command: Command): Command {
  return command
    .requiredOption("--events <file>", "input events, JSON Lines: a file, a folder of .jsonl files, or - for standard input; repeat to merge several by time", collectEvents)
    .option("--sort", "sort the events by time first (a CRM export out of order); reads them all before the first")
    .option("--strict", "refuse an event for a record no created event made (SC3021)");
}

/** Each `--events` adds one input, in the order given. */
function collectEvents(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/**
 * Opens every input given. Several are merged by time (stable: at equal times,
 * the order given, then line order); with `sort`, all lines are read first and
 * sorted stably by time.
 */
export function openEventsInput(given: readonly string[], options: EventsFlags, out: Output): EventsInput {
  if (given.filter((path) => path === "-").length > 1) throw usageError("--events - (standard input) can be given once");
  const inputs = given.map((path) => (path === "-" ? path : expandEventsPath(path)));
  const blockSize = blockSizeFor(inputs.reduce((count, input) => count + (input === "-" ? 1 : input.length), 0));
  const sources: LineSource[] = [];
  for (const input of inputs) {
    if (input === "-") sources.push(new StreamLines(out.stdin()));
    else for (const file of input) sources.push(new FileLines(file, blockSize));
  }
  const next = options.sort === true ? sorted(sources) : sources.length === 1 ? concatenated(sources[0]!) : merged(sources);
  const single = sources.length === 1;
  return {
    name: given.length === 1 && given[0] === "-" ? sources[0]!.name : given.join(" "),
    next,
    positionOf: single ? (line) => line.lineNumber : (line) => line.source * LINES_PER_SOURCE + line.lineNumber,
    describePosition: single
      ? (position) => `line ${position}`
      : (position) => `${sources[Math.floor(position / LINES_PER_SOURCE)]!.name}:${position % LINES_PER_SOURCE}`,
  };
}

export interface EventsFlags {
  /** `--strict`: an event for a record no created event made is refused. */
  strict?: boolean;
  /** `--sort`: the events are sorted by time before the first runs. */
  sort?: boolean;
}

/** The stream checks of a command's `--events`: positions named as the input names them, and where sorting helps, `--sort` suggested. */
export function streamCheckOptions(input: EventsInput, flags: EventsFlags): StreamCheckOptions {
  return {
    strict: flags.strict === true,
    describePosition: input.describePosition,
    ...(flags.sort === true ? {} : { orderHint: " (or give --sort to sort them by time first)" }),
  };
}

/** A folder means every `.jsonl` file under it, sorted by path; anything else is one file. */
function expandEventsPath(path: string): string[] {
  let isFolder: boolean;
  try {
    isFolder = statSync(path).isDirectory();
  } catch (error) {
    throw cannotRead(EVENTS_FILE, path, error);
  }
  if (!isFolder) return [path];
  const files = listFiles(path, ".jsonl").sort();
  if (files.length === 0) throw usageError(`cannot read events from folder ${path}: it has no .jsonl files`);
  return files;
}
