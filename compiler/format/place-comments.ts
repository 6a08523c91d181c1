// Comments are not in the syntax tree, so they are put back by position. A
// comment with code before it on its source line trails the printed line that
// holds that code; a comment alone on its line leads the printed line whose
// source it sits in, or else the next printed line. When several source lines
// join into one printed line, only the last of their trailing comments can stay
// trailing; the others move above it, among its leading comments in source
// order.
import type { Comment } from "../../grammar/ast";
import type { Line } from "./layout";

export interface PlacedComments {
  /** Per line index: comments printed on their own lines above it. */
  leading: Comment[][];
  /** Per line index: the comment printed at the end of it. */
  trailing: Array<Comment | undefined>;
  /** Comments after the last printed line. */
  tail: Comment[];
}

export function placeComments(source: string, lines: readonly Line[], comments: readonly Comment[]): PlacedComments {
  const leading: Comment[][] = lines.map(() => []);
  const trailingAll: Comment[][] = lines.map(() => []);
  const tail: Comment[] = [];
  for (const comment of comments) {
    const at = comment.start;
    const codeEnd = lastCodeBefore(source, at);
    if (codeEnd >= 0) {
      const index = lineContaining(lines, codeEnd) ?? lastLineStartingBy(lines, codeEnd);
      if (index !== undefined) {
        trailingAll[index]!.push(comment);
        continue;
      }
    }
    const index = lineContaining(lines, at) ?? firstLineStartingFrom(lines, at);
    if (index === undefined) tail.push(comment);
    else leading[index]!.push(comment);
  }
  const trailing = trailingAll.map((found, index) => {
    if (found.length > 1) {
      const moved = [...leading[index]!, ...found.slice(0, -1)];
      leading[index] = moved.sort((a, b) => a.start - b.start);
    }
    return found.at(-1);
  });
  return { leading, trailing, tail };
}

/** Offset of the last non-blank character before `at` on the same source line, or -1. */
function lastCodeBefore(source: string, at: number): number {
  for (let i = at - 1; i >= 0; i--) {
    const ch = source[i]!;
    if (ch === "\n") return -1;
    if (ch !== " " && ch !== "\t" && ch !== "\r" && ch !== "\uFEFF") return i;
  }
  return -1;
}

/** The innermost printed line whose source span holds `offset` (later lines are nested deeper). */
function lineContaining(lines: readonly Line[], offset: number): number | undefined {
  let found: number | undefined;
  lines.forEach((line, index) => {
    if (line.start <= offset && offset < line.end) found = index;
  });
  return found;
}

function lastLineStartingBy(lines: readonly Line[], offset: number): number | undefined {
  let found: number | undefined;
  lines.forEach((line, index) => {
    if (line.start <= offset) found = index;
  });
  return found;
}

function firstLineStartingFrom(lines: readonly Line[], offset: number): number | undefined {
  const index = lines.findIndex((line) => line.start >= offset);
  return index < 0 ? undefined : index;
}
