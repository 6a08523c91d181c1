// Source ranges from tokens. Chevrotain's token ends are inclusive; ours are
// exclusive, and no token the parser sees spans a line break, so the end column
// is simply one past the last character.
import type { IToken } from "chevrotain";
import type { SourcePosition, SourceRange } from "./ast";

// Positions hold small integers only. While Chevrotain records the grammar, and at
// the end of an item, the parser sees tokens whose positions are NaN; one NaN stored
// in a position would make V8 keep every position's fields as boxed doubles (three
// extra heap objects per position, a third of a large file's syntax tree). `| 0`
// turns NaN into 0 on those throwaway positions and keeps real ones unchanged.
function position(offset: number, line: number, column: number): SourcePosition {
  return { offset: offset | 0, line: line | 0, column: column | 0 };
}

export function tokenStart(token: IToken): SourcePosition {
  return position(token.startOffset, token.startLine ?? 1, token.startColumn ?? 1);
}

export function tokenEnd(token: IToken): SourcePosition {
  return position((token.endOffset ?? token.startOffset) + 1, token.endLine ?? 1, (token.endColumn ?? 0) + 1);
}

export function tokenRange(token: IToken): SourceRange {
  return { start: tokenStart(token), end: tokenEnd(token) };
}

/** From the start of `first` to the end of `last`; empty at `first` when `last` comes before it. */
export function tokenSpan(first: IToken, last: IToken): SourceRange {
  if (last.startOffset < first.startOffset || Number.isNaN(last.startOffset)) {
    const start = tokenStart(first);
    return { start, end: start };
  }
  return { start: tokenStart(first), end: tokenEnd(last) };
}

export function joinRanges(first: SourceRange, last: SourceRange): SourceRange {
  return { start: first.start, end: last.end.offset >= first.start.offset ? last.end : first.start };
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
