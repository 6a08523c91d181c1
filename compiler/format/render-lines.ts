// Turns printed lines and placed comments into text. Blank lines: a top-level
// item that spans several lines is always set off by one blank line; elsewhere
// one blank line is kept where the source had at least one, except right after
// a `{` and right before a `}`.
import type { Comment } from "../../grammar/ast";
import type { Line } from "./layout";
import type { PlacedComments } from "./place-comments";

/** A printed line or a placed comment, as it will be written. */
interface OutputLine extends Omit<Line, "itemStart" | "item"> {
  /** Index of the top-level item this output line begins (its first leading comment, or itself). */
  beginsItem?: number;
}

const indentUnit = "  ";

export function renderLines(source: string, lines: readonly Line[], placed: PlacedComments): string {
  const output = collectOutput(lines, placed);
  const multiLine = multiLineItems(lines);
  const text: string[] = [];
  output.forEach((line, index) => {
    const previous = output[index - 1];
    if (previous && wantsBlankLine(source, previous, line, multiLine)) text.push("");
    text.push(indentUnit.repeat(line.depth) + line.text);
  });
  return text.length === 0 ? "" : text.join("\n") + "\n";
}

function collectOutput(lines: readonly Line[], placed: PlacedComments): OutputLine[] {
  const output: OutputLine[] = [];
  lines.forEach((line, index) => {
    const commentDepth = line.closes ? line.depth + 1 : line.depth;
    const leading = placed.leading[index]!;
    leading.forEach((comment, position) => {
      output.push({
        ...commentLine(comment, commentDepth),
        ...(position === 0 && line.itemStart ? { beginsItem: line.item } : {}),
      });
    });
    const trailing = placed.trailing[index];
    output.push({
      depth: line.depth,
      text: trailing ? `${line.text} ${commentText(trailing)}` : line.text,
      start: line.start,
      end: trailing ? Math.max(line.end, trailing.end) : line.end,
      opens: line.opens,
      closes: line.closes,
      ...(leading.length === 0 && line.itemStart ? { beginsItem: line.item } : {}),
    });
  });
  for (const comment of placed.tail) output.push(commentLine(comment, 0));
  return output;
}

function commentLine(comment: Comment, depth: number): OutputLine {
  return {
    depth,
    text: commentText(comment),
    start: comment.start,
    end: comment.end,
    opens: false,
    closes: false,
  };
}

function commentText(comment: Comment): string {
  return comment.text.trimEnd();
}

function multiLineItems(lines: readonly Line[]): Set<number> {
  const counts = new Map<number, number>();
  for (const line of lines) counts.set(line.item, (counts.get(line.item) ?? 0) + 1);
  return new Set([...counts].filter(([, count]) => count > 1).map(([item]) => item));
}

function wantsBlankLine(source: string, previous: OutputLine, line: OutputLine, multiLine: Set<number>): boolean {
  if (previous.opens || (line.closes && line.beginsItem === undefined)) return false;
  if (line.beginsItem !== undefined && (multiLine.has(line.beginsItem) || multiLine.has(line.beginsItem - 1))) return true;
  return line.start > previous.end && /\n[ \t\r\uFEFF]*\n/.test(source.slice(previous.end, line.start));
}
