// Diagnostics are data until the edge: the CLI prints them as
// `path:line:col: error SC0002: message` (format.ts), the playground turns them
// into markers, `--format json` into objects. Every layer makes them, so they
// live below all of them.

/** A hint is advice shown only by editors (the language service asks for hints; the CLI does not). */
export type Severity = "error" | "warning" | "hint";

export interface SourcePosition {
  offset: number;
  line: number;
  column: number;
}

/** Half-open range [start, end) in one source file: what diagnostics carry. */
export interface SourceRange {
  start: SourcePosition;
  end: SourcePosition;
}

export interface Diagnostic {
  /** Stable code, `SC` + 4 digits: one entry of the table in codes.ts. */
  code: string;
  severity: Severity;
  /** Says what is wrong and, where it can, what was probably meant. */
  message: string;
  /** The source file's path as given. */
  file: string;
  range: SourceRange;
}
