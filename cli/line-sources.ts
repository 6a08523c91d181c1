// The lines of one events input (a file, or standard input), a batch at a time,
// without their line ends. A file is read in blocks and standard input as its
// chunks arrive: neither is held whole, and a run on standard input starts on
// its first lines while the writer is still sending the rest.
import { closeSync, openSync, readSync } from "node:fs";
import { cannotRead, usageError } from "./errors";
import { isUtf16, utf16Error, withoutBom } from "./text-encoding";

export const EVENTS_FILE = "events file";

export interface LineSource {
  /** The name used in `events.jsonl:LINE:` errors. */
  readonly name: string;
  /** Whether reading may wait for a writer (standard input), not only for the disk. */
  readonly waits: boolean;
  /** The next lines in order (blank ones included, so that line numbers count them); undefined after the last. */
  nextLines(): string[] | undefined | Promise<string[] | undefined>;
}

/** The block of one file read alone; several files merged share a budget (`blockSizeFor`). */
const BLOCK_SIZE = 1 << 20;
const MERGE_BUDGET = 1 << 24;
const SMALLEST_BLOCK = 1 << 16;
const LINE_FEED = 0x0a;

/** Each file's block when `files` are merged: their blocks together stay near 16 MiB, however many files a folder holds. */
export function blockSizeFor(files: number): number {
  return files <= 1 ? BLOCK_SIZE : Math.max(SMALLEST_BLOCK, Math.min(BLOCK_SIZE, Math.floor(MERGE_BUDGET / files)));
}

/**
 * Decodes whole lines only: a line feed byte is never part of a multi-byte
 * UTF-8 character, so each block is cut after its last line feed and the bytes
 * after it start the next block. Decoding matches reading the whole file as UTF-8.
 * The file is opened for each block, not held open: a folder merged may hold
 * more files than the process may have open at once.
 */
export class FileLines implements LineSource {
  readonly waits = false;
  private block: Buffer;
  /** Bytes of the file read so far: where the next block starts. */
  private position = 0;
  /** Bytes at the start of `block` carried over from the previous read: the start of a line. */
  private carried = 0;
  private ended = false;
  private atFileStart = true;

  constructor(
    readonly name: string,
    blockSize = BLOCK_SIZE,
  ) {
    // Opened once here so that a file that cannot be read is refused before any work.
    closeSync(this.open());
    this.block = Buffer.allocUnsafe(blockSize);
  }

  private open(): number {
    try {
      return openSync(this.name, "r");
    } catch (error) {
      throw cannotRead(EVENTS_FILE, this.name, error);
    }
  }

  nextLines(): string[] | undefined {
    while (!this.ended) {
      const text = this.readBlock();
      if (text !== undefined) return splitLines(text, this.ended);
    }
    return undefined;
  }

  private decode(from: number, to: number): string {
    if (!this.atFileStart) return this.block.toString("utf8", from, to);
    this.atFileStart = false;
    if (isUtf16(this.block.subarray(from, to))) {
      throw utf16Error(`${EVENTS_FILE} ${this.name}`, this.name);
    }
    return withoutBom(this.block.toString("utf8", from, to));
  }

  /** The text of the whole lines read, or undefined when the block ends inside a line. */
  private readBlock(): string | undefined {
    if (this.carried === this.block.length) {
      // A line longer than the block: make room for the rest of it.
      const larger = Buffer.allocUnsafe(this.block.length * 2);
      this.block.copy(larger, 0, 0, this.carried);
      this.block = larger;
    }
    const fd = this.open();
    let read: number;
    try {
      read = readSync(fd, this.block, this.carried, this.block.length - this.carried, this.position);
    } catch (error) {
      throw cannotRead(EVENTS_FILE, this.name, error);
    } finally {
      closeSync(fd);
    }
    this.position += read;
    const filled = this.carried + read;
    if (read === 0) {
      this.ended = true;
      this.carried = 0;
      return this.decode(0, filled);
    }
    const lastFeed = this.block.lastIndexOf(LINE_FEED, filled - 1);
    if (lastFeed === -1) {
      this.carried = filled;
      return undefined;
    }
    const text = this.decode(0, lastFeed + 1);
    this.block.copy(this.block, 0, lastFeed + 1, filled);
    this.carried = filled - lastFeed - 1;
    return text;
  }
}

/** Standard input's chunks as they arrive, cut into lines; the text after the last line feed waits for the next chunk. */
export class StreamLines implements LineSource {
  readonly name = "<stdin>";
  readonly waits = true;
  private readonly chunks: AsyncIterator<Uint8Array | string>;
  private readonly decoder = new TextDecoder("utf-8");
  private rest = "";
  private atStart = true;
  private ended = false;

  constructor(chunks: AsyncIterable<Uint8Array | string>) {
    this.chunks = chunks[Symbol.asyncIterator]();
  }

  async nextLines(): Promise<string[] | undefined> {
    while (!this.ended) {
      let next: IteratorResult<Uint8Array | string>;
      try {
        next = await this.chunks.next();
      } catch {
        throw usageError("cannot read events from standard input");
      }
      if (next.done === true) {
        this.ended = true;
        const text = this.rest + this.decoder.decode();
        this.rest = "";
        return text === "" ? undefined : splitLines(text, true);
      }
      const text = this.rest + this.decodeChunk(next.value);
      const lastFeed = text.lastIndexOf("\n");
      if (lastFeed === -1) {
        this.rest = text;
        continue;
      }
      this.rest = text.slice(lastFeed + 1);
      return splitLines(text.slice(0, lastFeed + 1), false);
    }
    return undefined;
  }

  private decodeChunk(chunk: Uint8Array | string): string {
    if (this.atStart) {
      this.atStart = false;
      if (isUtf16(chunk)) throw utf16Error("events from standard input");
      return withoutBom(typeof chunk === "string" ? chunk : this.decoder.decode(chunk, { stream: true }));
    }
    return typeof chunk === "string" ? chunk : this.decoder.decode(chunk, { stream: true });
  }
}

/** Whole lines of a text that ends with a line feed, or at the input's end (`last`) with or without one. */
function splitLines(text: string, last: boolean): string[] {
  const lines = text.split("\n");
  // The text after the final line feed is a line only at the input's end, and only when it is not empty.
  if (!last || lines[lines.length - 1] === "") lines.pop();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.endsWith("\r")) lines[i] = line.slice(0, -1);
  }
  return lines;
}

