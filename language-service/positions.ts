// Places in a document as the language service answers them: 1-based lines and
// columns (UTF-16 code units), as the project's SourceRange counts them. The
// Monaco adapter uses them as they are; the LSP adapter converts to 0-based.
import { lineStartsOf, positionAt } from "../grammar/index";

export interface Position {
  line: number;
  column: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A document's text with its line starts, to convert between offsets and positions. */
export class TextLines {
  readonly lineStarts: readonly number[];

  constructor(readonly text: string) {
    this.lineStarts = lineStartsOf(text);
  }

  offsetAt(position: Position): number {
    const lineStart = this.lineStarts[Math.min(Math.max(position.line - 1, 0), this.lineStarts.length - 1)] ?? 0;
    return Math.min(lineStart + Math.max(position.column - 1, 0), this.text.length);
  }

  positionAt(offset: number): Position {
    const { line, column } = positionAt(this.lineStarts, offset);
    return { line, column };
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** The whole text's range. */
  fullRange(): Range {
    return this.rangeOf(0, this.text.length);
  }
}

/** A SourceRange (with offsets) as a plain Range. */
export function plainRange(range: { start: Position; end: Position }): Range {
  return { start: { line: range.start.line, column: range.start.column }, end: { line: range.end.line, column: range.end.column } };
}
