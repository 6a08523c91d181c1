// Diagnostics are data until the edge: the CLI prints them as
// `path:line:col: error SC1001: message`, the playground turns them into
// markers, `--format json` into objects. Syntax errors are made here; the
// compiler adds semantic ones of the same shape.
import type { SourceRange } from "./ast";

export type Severity = "error" | "warning";

export interface Diagnostic {
  /** Stable code, `SC` + 4 digits (listed in docs/diagnostics.md). */
  code: string;
  severity: Severity;
  /** Says what is wrong and, where it can, what was probably meant. */
  message: string;
  /** The source file's path as given. */
  file: string;
  range: SourceRange;
}
