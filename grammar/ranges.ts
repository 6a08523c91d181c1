// Spans (syntax-tree positions) and ranges (diagnostic positions) from tokens.
// Chevrotain's token ends are inclusive; ours are exclusive, and no token the
// parser sees spans a line break, so the end column is simply one past the last
// character.
//
// Every number stored here is forced to a small integer with `| 0`. While
// Chevrotain records the grammar, and at the end of an item, the parser sees
// tokens whose positions are NaN; one NaN stored in a span would make V8 keep
// every span's fields as boxed doubles (an extra heap object per field, for the
// whole tree). `| 0` turns NaN into 0 on those throwaway spans and keeps real
// ones unchanged.
import type { IToken } from "chevrotain";
import type { SourcePosition, SourceRange, Span } from "./ast";

function span(
  startOffset: number, startLine: number, startColumn: number, endOffset: number, endLine: number, endColumn: number,
): Span {
  return {
    startOffset: startOffset | 0,
    startLine: startLine | 0,
    startColumn: startColumn | 0,
    endOffset: endOffset | 0,
    endLine: endLine | 0,
    endColumn: endColumn | 0,
  };
}

/** The span of one token. */
export function spanOf(token: IToken): Span {
  return span(
    token.startOffset, token.startLine ?? 1, token.startColumn ?? 1,
    (token.endOffset ?? token.startOffset) + 1, token.endLine ?? 1, (token.endColumn ?? 0) + 1,
  );
}

/** From the start of `first` to the end of `last`; empty at `first` when `last` comes before it. */
export function spanBetween(first: IToken, last: IToken): Span {
  const startLine = first.startLine ?? 1;
  const startColumn = first.startColumn ?? 1;
  if (last.startOffset < first.startOffset || Number.isNaN(last.startOffset)) {
    return span(first.startOffset, startLine, startColumn, first.startOffset, startLine, startColumn);
  }
  return span(
    first.startOffset, startLine, startColumn,
    (last.endOffset ?? last.startOffset) + 1, last.endLine ?? 1, (last.endColumn ?? 0) + 1,
  );
}

/** A span of `length` characters on one line, `offset` characters into `within` (a segment of a dotted name). */
export function spanInside(within: Span, offset: number, length: number): Span {
  const startOffset = within.startOffset + offset;
  const startColumn = within.startColumn + offset;
  return span(startOffset, within.startLine, startColumn, startOffset + length, within.startLine, startColumn + length);
}

function startOf(span: Span): SourcePosition {
  return { offset: span.startOffset, line: span.startLine, column: span.startColumn };
}

function endOf(span: Span): SourcePosition {
  return { offset: span.endOffset, line: span.endLine, column: span.endColumn };
}

/** The diagnostic range of a span. */
export function rangeOf(span: Span): SourceRange {
  return { start: startOf(span), end: endOf(span) };
}

/** The span of a diagnostic range (for a node built around a position known only as a range). */
export function spanOfRange(range: SourceRange): Span {
  return span(range.start.offset, range.start.line, range.start.column, range.end.offset, range.end.line, range.end.column);
}

/** The diagnostic range of one token. */
export function tokenRange(token: IToken): SourceRange {
  return rangeOf(spanOf(token));
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
