// Offsets of syntax nodes, and diagnostic ranges, from tokens. Chevrotain's token
// ends are inclusive; ours are exclusive, and no token the parser sees spans a
// line break, so a token's range is one line.
//
// Offsets are forced to small integers with `| 0`. While Chevrotain records the
// grammar, and at the end of an item, the parser sees tokens whose positions are
// NaN; one NaN stored in a node's `start` would make V8 keep that field as a
// boxed double in every node of the shape. `| 0` turns NaN into 0 on those
// throwaway nodes and keeps real offsets unchanged.
import type { IToken } from "chevrotain";
import type { SourceRange } from "./ast";

/** Offset of a token's first character. */
export function startOffsetOf(token: IToken): number {
  return token.startOffset | 0;
}

/** Offset just past a token. */
export function endOffsetOf(token: IToken): number {
  return ((token.endOffset ?? token.startOffset) + 1) | 0;
}

/** Where a node from `first` to `last` ends: just past `last`, or at `first` (empty) when `last` comes before it. */
export function endOffsetBetween(first: IToken, last: IToken): number {
  if (last.startOffset < first.startOffset || Number.isNaN(last.startOffset)) return first.startOffset | 0;
  return endOffsetOf(last);
}

/** The diagnostic range of one token (tokens carry their line and column). */
export function tokenRange(token: IToken): SourceRange {
  const line = token.startLine ?? 1;
  const column = token.startColumn ?? 1;
  const start = { offset: token.startOffset, line, column };
  const end = { offset: endOffsetOf(token), line: token.endLine ?? line, column: (token.endColumn ?? column - 1) + 1 };
  return { start, end };
}

/** An empty range just past the end of a text (where an unexpected end of file is reported). */
export function endOfText(text: string): SourceRange {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  const position = { offset: text.length, line, column: text.length - lineStart + 1 };
  return { start: position, end: position };
}
