// Lines and columns of offsets. Spans hold offsets only; the scanner records
// where each line starts as it reads, and a position is found by binary search
// when a diagnostic, a hover or a source location asks for one.
import type { SourcePosition, SourceRange, Span } from "./ast";

/** The 1-based line and column of `offset` (columns in UTF-16 code units). */
export function positionAt(lineStarts: readonly number[], offset: number): SourcePosition {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (lineStarts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return { offset, line: low + 1, column: offset - (lineStarts[low] ?? 0) + 1 };
}

/** The diagnostic range of a span of a file. */
export function rangeIn(file: { lineStarts: readonly number[] }, span: Span): SourceRange {
  return { start: positionAt(file.lineStarts, span.start), end: positionAt(file.lineStarts, span.end) };
}

/** Where each line of `text` starts, as the scanner counts lines (LF, CRLF or a lone CR ends one). */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}
