// Reads the events file (or standard input for `-`) for run and explain.
import { closeSync, openSync, readSync } from "node:fs";
import { readText } from "./sources";
import type { Output } from "./output";
import { cannotRead, usageError } from "./errors";
import { isUtf16, utf16Error } from "./text-encoding";

const WHAT = "events file";

export interface EventsInput {
  /** The name used in `events.jsonl:LINE:` errors. */
  name: string;
  lines: string[];
}

export function readEventsInput(given: string, out: Output): EventsInput {
  if (given === "-") return { name: "<stdin>", lines: splitLines(readStdin(out)) };
  return { name: given, lines: splitLines(readText(given, WHAT)) };
}

/** The input's lines one at a time, in order, without their line ends; undefined after the last. */
export interface EventLines {
  /** The name used in `events.jsonl:LINE:` errors. */
  readonly name: string;
  next(): string | undefined;
}

/**
 * The same lines as `readEventsInput`, read from a file in blocks: a large
 * events file is never held whole, with every line of it, while it runs
 * (that would hold the file twice over: the text and its lines), and reading
 * block by block spares building one string of the whole file.
 */
export function openEventLines(given: string, out: Output): EventLines {
  if (given === "-") {
    const lines = splitLines(readStdin(out));
    let index = 0;
    return { name: "<stdin>", next: () => lines[index++] };
  }
  return new FileLines(given);
}

/** The lines that are not blank, each with its 1-based line number (blank lines count). */
export function* numberedLines(lines: EventLines): Generator<{ line: string; lineNumber: number }> {
  let lineNumber = 0;
  for (let line = lines.next(); line !== undefined; line = lines.next()) {
    lineNumber++;
    if (line.trim() !== "") yield { line, lineNumber };
  }
}

const BLOCK_SIZE = 1 << 20;
const LINE_FEED = 0x0a;

/**
 * Decodes whole lines only: a line feed byte is never part of a multi-byte
 * UTF-8 character, so each block is cut after its last line feed and the bytes
 * after it start the next block. Decoding matches reading the whole file as UTF-8.
 */
class FileLines implements EventLines {
  private readonly fd: number;
  private block = Buffer.allocUnsafe(BLOCK_SIZE);
  /** Bytes at the start of `block` carried over from the previous read: the start of a line. */
  private carried = 0;
  private text = "";
  private start = 0;
  private ended = false;
  private atFileStart = true;

  constructor(readonly name: string) {
    try {
      this.fd = openSync(name, "r");
    } catch (error) {
      throw cannotRead(WHAT, name, error);
    }
  }

  next(): string | undefined {
    for (;;) {
      const end = this.text.indexOf("\n", this.start);
      if (end !== -1) {
        const line = this.text.slice(this.start, end);
        this.start = end + 1;
        return withoutCr(line);
      }
      // Every decoded text ends with a line feed, except the last one: the file's end.
      if (this.start < this.text.length) {
        const rest = this.text.slice(this.start);
        this.start = this.text.length;
        return withoutCr(rest);
      }
      if (this.ended) return undefined;
      this.readBlock();
    }
  }

  private decode(from: number, to: number): string {
    if (!this.atFileStart) return this.block.toString("utf8", from, to);
    this.atFileStart = false;
    if (isUtf16(this.block.subarray(from, to))) {
      closeSync(this.fd);
      throw utf16Error(`${WHAT} ${this.name}`, this.name);
    }
    const text = this.block.toString("utf8", from, to);
    return withoutBom(text);
  }

  private readBlock(): void {
    if (this.carried === this.block.length) {
      // A line longer than the block: make room for the rest of it.
      const larger = Buffer.allocUnsafe(this.block.length * 2);
      this.block.copy(larger, 0, 0, this.carried);
      this.block = larger;
    }
    let read: number;
    try {
      read = readSync(this.fd, this.block, this.carried, this.block.length - this.carried, null);
    } catch (error) {
      closeSync(this.fd);
      throw cannotRead(WHAT, this.name, error);
    }
    const filled = this.carried + read;
    this.start = 0;
    if (read === 0) {
      this.ended = true;
      closeSync(this.fd);
      this.text = this.decode(0, filled);
      this.carried = 0;
      return;
    }
    const lastFeed = this.block.lastIndexOf(LINE_FEED, filled - 1);
    if (lastFeed === -1) {
      this.text = "";
      this.carried = filled;
      return;
    }
    this.text = this.decode(0, lastFeed + 1);
    this.block.copy(this.block, 0, lastFeed + 1, filled);
    this.carried = filled - lastFeed - 1;
  }
}

function readStdin(out: Output): string {
  let text: string;
  try {
    text = out.readStdin();
  } catch {
    throw usageError("cannot read events from standard input");
  }
  // Read as UTF-8, UTF-16 starts with its byte order mark as two replacement characters, or with a zero.
  if (text.startsWith("\ufffd\ufffd") || text.slice(0, 4).includes("\0")) throw utf16Error("events from standard input");
  return text;
}


function splitLines(text: string): string[] {
  const lines = withoutBom(text).split("\n");
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines.map(withoutCr);
}

/** Editors on Windows start UTF-8 files with a byte order mark; it is not part of the first line. */
function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function withoutCr(line: string): string {
  return line.endsWith("\r") ? line.slice(0, -1) : line;
}
