// The order events are processed in when `--events` names several inputs, or
// with `--sort`. Several inputs are merged by time as they are read (a k-way
// merge: each input holds only its current batch), stable: at equal times the
// inputs' order as given, then line order. `--sort` must see every line before
// the first, so it holds them all, and sorts stably by time. Either way the
// result is the order of sorting the inputs' concatenation stably by time.
// The time of a line is read here only to order it: the stream checks refuse
// the line if it is not an event, so a line whose time cannot be read is taken
// at once, where its error is reported. The merge hands what it parsed on to
// them; `--sort` keeps only the times (the parsed events of a whole input would
// hold several times its text).
import { parseInstant } from "../runtime/index";
import type { LineSource } from "./line-sources";

export interface EventLine {
  readonly text: string;
  /** The input's index among those given (a folder's files count one each). */
  readonly source: number;
  /** The input's name, for `events.jsonl:LINE:` errors. */
  readonly file: string;
  /** 1-based; blank lines count. */
  readonly lineNumber: number;
  /** The line's JSON.parse, when ordering it read it: the stream checks need not read it again. */
  readonly parsed?: unknown;
}

export type NextLines = () => Promise<EventLine[] | undefined>;

/** One input's lines in their order, blank ones left out. */
export function concatenated(source: LineSource): NextLines {
  const cursor = new Cursor(source, 0);
  return async () => {
    const batch: EventLine[] = [];
    while (batch.length === 0) {
      if (!(await cursor.fill())) return undefined;
      while (cursor.hasLine()) batch.push(cursor.take());
    }
    return batch;
  };
}

const MERGED_BATCH = 4096;

/** The inputs' lines merged by time, each input in its own order. */
export function merged(sources: readonly LineSource[]): NextLines {
  const cursors = sources.map((source, index) => new Cursor(source, index));
  let heap: Heap | undefined;
  return async () => {
    if (heap === undefined) {
      heap = new Heap();
      for (const cursor of cursors) if (await cursor.fill()) heap.push(cursor);
    }
    const batch: EventLine[] = [];
    while (batch.length < MERGED_BATCH) {
      const cursor = heap.peek();
      if (cursor === undefined) break;
      if (!cursor.hasLine()) {
        // The first input's next line is not in hand. Standard input may wait long
        // for it: the lines so far go out first, so that their outputs are written.
        if (batch.length > 0 && cursor.waits) break;
        if (await cursor.fill()) heap.update();
        else heap.pop();
        continue;
      }
      batch.push(cursor.take());
      // An input out of lines in hand stays first until the next round reads on.
      if (cursor.hasLine()) heap.update();
    }
    return batch.length === 0 ? undefined : batch;
  };
}

/** Every line of every input, sorted stably by time. */
export function sorted(sources: readonly LineSource[]): NextLines {
  let lines: EventLine[] | undefined;
  let index = 0;
  return async () => {
    if (lines === undefined) lines = await readSorted(sources);
    if (index >= lines.length) return undefined;
    const batch = lines.slice(index, index + MERGED_BATCH);
    index += batch.length;
    return batch;
  };
}

async function readSorted(sources: readonly LineSource[]): Promise<EventLine[]> {
  const keyed: Array<{ line: EventLine; time: number }> = [];
  for (const [index, source] of sources.entries()) {
    const cursor = new Cursor(source, index);
    while (await cursor.fill()) {
      while (cursor.hasLine()) {
        const time = cursor.time();
        keyed.push({ line: cursor.take(false), time });
      }
    }
  }
  // Array.prototype.sort is stable: lines at one time keep the inputs' order, then line order.
  keyed.sort((a, b) => a.time - b.time);
  return keyed.map((entry) => entry.line);
}

/** The line's JSON, or undefined when it is not JSON. */
function parseLine(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The time a line orders by: its `at`, or -Infinity when it has none to read (it goes first, to be refused). */
function timeOf(parsed: unknown): number {
  const at = typeof parsed === "object" && parsed !== null ? (parsed as { at?: unknown }).at : undefined;
  const time = typeof at === "string" ? parseInstant(at) : NaN;
  return Number.isNaN(time) ? -Infinity : time;
}

/** One input's position: its current batch, the next non-blank line of it and that line's time. */
class Cursor {
  private lines: string[] = [];
  private index = 0;
  private lineNumber = 0;
  private ended = false;
  private headTime = NaN;
  private headParsed: unknown;

  constructor(
    private readonly source: LineSource,
    readonly order: number,
  ) {}

  /** Reads until a non-blank line is in hand; false at the input's end. */
  async fill(): Promise<boolean> {
    for (;;) {
      while (this.index < this.lines.length) {
        if (this.lines[this.index]!.trim() !== "") return true;
        this.index++;
        this.lineNumber++;
      }
      if (this.ended) return false;
      const lines = await this.source.nextLines();
      if (lines === undefined) {
        this.ended = true;
        return false;
      }
      this.lines = lines;
      this.index = 0;
    }
  }

  /** Whether the next line is in hand (no read needed); blank lines before it are skipped. */
  hasLine(): boolean {
    while (this.index < this.lines.length && this.lines[this.index]!.trim() === "") {
      this.index++;
      this.lineNumber++;
    }
    return this.index < this.lines.length;
  }

  /** Whether reading on may wait for a writer (standard input), not only for the disk. */
  get waits(): boolean {
    return this.source.waits;
  }

  time(): number {
    if (Number.isNaN(this.headTime)) {
      this.headParsed = parseLine(this.lines[this.index]!);
      this.headTime = timeOf(this.headParsed);
    }
    return this.headTime;
  }

  /** The next line, with its JSON when `time` read it and `keepParsed`. */
  take(keepParsed = true): EventLine {
    const parsed = Number.isNaN(this.headTime) || !keepParsed ? undefined : this.headParsed;
    this.headTime = NaN;
    this.headParsed = undefined;
    const text = this.lines[this.index++]!;
    this.lineNumber++;
    return parsed === undefined ? { text, source: this.order, file: this.source.name, lineNumber: this.lineNumber } : { text, source: this.order, file: this.source.name, lineNumber: this.lineNumber, parsed };
  }
}

/** The cursors by their next line's time, then their order: a binary min-heap. */
class Heap {
  private readonly items: Cursor[] = [];

  push(cursor: Cursor): void {
    this.items.push(cursor);
    this.up(this.items.length - 1);
  }

  peek(): Cursor | undefined {
    return this.items[0];
  }

  pop(): void {
    const last = this.items.pop()!;
    if (this.items.length === 0) return;
    this.items[0] = last;
    this.down(0);
  }

  /** The top cursor moved to its next line: put it in its place. */
  update(): void {
    this.down(0);
  }

  private before(a: Cursor, b: Cursor): boolean {
    const ta = a.time();
    const tb = b.time();
    return ta < tb || (ta === tb && a.order < b.order);
  }

  private up(index: number): void {
    const items = this.items;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!this.before(items[index]!, items[parent]!)) return;
      [items[index], items[parent]] = [items[parent]!, items[index]!];
      index = parent;
    }
  }

  private down(index: number): void {
    const items = this.items;
    for (;;) {
      const left = 2 * index + 1;
      const right = left + 1;
      let smallest = index;
      if (left < items.length && this.before(items[left]!, items[smallest]!)) smallest = left;
      if (right < items.length && this.before(items[right]!, items[smallest]!)) smallest = right;
      if (smallest === index) return;
      [items[index], items[smallest]] = [items[smallest]!, items[index]!];
      index = smallest;
    }
  }
}
