// The formatter prints a file as a list of lines, each tied to the span of
// source it came from. Comments are not part of the syntax tree, so they are
// placed afterwards by comparing their offsets with these spans; that is why
// every line keeps `start`/`end` even though only `text` ends up in the output.

export interface Line {
  depth: number;
  text: string;
  /** Offset of the first source token this line prints. */
  start: number;
  /** Offset just after the last source token this line prints (exclusive). */
  end: number;
  /** The line ends with `{`: no blank line may follow it. */
  opens: boolean;
  /** The line starts with `}`: comments just before it belong inside the block. */
  closes: boolean;
  /** First line of a top-level item; `item` counts the items of the file. */
  itemStart: boolean;
  item: number;
}

/** Builds the lines of one file while the printers walk the tree in source order. */
export class LineWriter {
  readonly lines: Line[] = [];
  private item = -1;

  constructor(readonly source: string) {}

  beginItem(): void {
    this.item += 1;
  }

  line(depth: number, text: string, start: number, end: number, flags: { opens?: boolean; closes?: boolean } = {}): void {
    const itemStart = this.lines.length === 0 || this.lines[this.lines.length - 1]!.item !== this.item;
    this.lines.push({
      depth,
      text,
      start,
      end,
      opens: flags.opens ?? false,
      closes: flags.closes ?? false,
      itemStart,
      item: this.item,
    });
  }

  /** The closing `}` of a block whose last printed content ends at `from`. */
  closer(depth: number, from: number, text = "}", opens = false): void {
    const at = findBrace(this.source, from, "}");
    this.line(depth, text, at, at + 1, { closes: true, opens });
  }
}

/**
 * Offset of the next `brace` at or after `from`, skipping whitespace and `//`
 * comments (the only things the grammar allows between a block's last child and
 * its closing brace). Falls back to `from` if the text does not have one.
 */
export function findBrace(source: string, from: number, brace: "{" | "}"): number {
  let i = from;
  while (i < source.length) {
    const ch = source[i];
    if (ch === brace) return i;
    if (ch === "/" && source[i + 1] === "/") {
      while (i < source.length && source[i] !== "\n") i++;
      continue;
    }
    if (ch === " " || ch === "\t" || ch === "\r" || ch === "\n" || ch === "\uFEFF") {
      i++;
      continue;
    }
    return from;
  }
  return from;
}

/**
 * Offset of the `{` that opens the block whose header continues from `from`,
 * skipping keywords, strings and comments on the way (a header's last tokens,
 * such as `parallel` or `reentry`, have no node of their own).
 */
export function findBlockOpen(source: string, from: number): number {
  let i = from;
  while (i < source.length) {
    const ch = source[i];
    if (ch === "{") return i;
    if (ch === '"') {
      i++;
      while (i < source.length && source[i] !== '"' && source[i] !== "\n") i += source[i] === "\\" ? 2 : 1;
      i++;
      continue;
    }
    if (ch === "/" && source[i + 1] === "/") {
      while (i < source.length && source[i] !== "\n") i++;
      continue;
    }
    i++;
  }
  return from;
}

/**
 * A `header { … }` block: the header line ends with `{`, one child per line one
 * level deeper, `}` alone; a block with no children prints as `header {}`.
 * `headerFrom` is where the scan for the opening brace starts (the end of the
 * header's last node).
 */
export function printBlock<T extends { end: number }>(
  writer: LineWriter,
  depth: number,
  header: string,
  start: number,
  headerFrom: number,
  children: readonly T[],
  printChild: (child: T, depth: number) => void,
): void {
  const brace = findBlockOpen(writer.source, headerFrom);
  if (children.length === 0) {
    const close = findBrace(writer.source, brace + 1, "}");
    writer.line(depth, `${header} {}`, start, close + 1);
    return;
  }
  writer.line(depth, `${header} {`, start, brace, { opens: true });
  for (const child of children) printChild(child, depth + 1);
  writer.closer(depth, children[children.length - 1]!.end);
}

/** Nodes of two kinds that share a block, back in source order. */
export function inSourceOrder<T extends { start: number }>(nodes: T[]): T[] {
  return [...nodes].sort((a, b) => a.start - b.start);
}
