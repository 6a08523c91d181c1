// Folding: every item that spans lines, every `{ … }` block inside it, and runs of comment lines.
import type { ItemToken } from "../grammar/index";
import type { TextLines } from "./positions";

export interface FoldingRange {
  /** 1-based lines, first and last of the fold. */
  startLine: number;
  endLine: number;
  kind?: "comment";
}

export function foldingRanges(items: readonly ItemToken[][], comments: readonly ItemToken[], lines: TextLines): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const add = (start: number, end: number, kind?: "comment") => {
    const startLine = lines.positionAt(start).line;
    const endLine = lines.positionAt(end).line;
    if (endLine > startLine) ranges.push(kind ? { startLine, endLine, kind } : { startLine, endLine });
  };
  for (const tokens of items) {
    if (tokens.length === 0) continue;
    const last = tokens.at(-1)!;
    const itemStart = tokens[0]!.start;
    const open: number[] = [];
    for (const token of tokens) {
      if (token.kind === "LCurly") open.push(token.start);
      else if (token.kind === "RCurly") {
        const start = open.pop();
        // the item's own braces fold with the item
        if (start !== undefined && (open.length > 0 || lines.positionAt(start).line !== lines.positionAt(itemStart).line)) add(start, token.start);
      }
    }
    add(itemStart, last.end - 1);
  }
  let runStart: ItemToken | undefined;
  let previous: ItemToken | undefined;
  for (const comment of comments) {
    if (previous && lines.positionAt(comment.start).line === lines.positionAt(previous.start).line + 1) {
      previous = comment;
      continue;
    }
    if (runStart && previous) add(runStart.start, previous.start, "comment");
    runStart = comment;
    previous = comment;
  }
  if (runStart && previous) add(runStart.start, previous.start, "comment");
  return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
