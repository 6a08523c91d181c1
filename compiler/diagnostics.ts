// Checks report against nodes; positions come from the node's span, never from
// hand-computed offsets. Nodes invented by error recovery are never reported on.
import type { SourceFile, Span } from "../grammar/ast";
import type { Diagnostic, Severity } from "../grammar/diagnostic";
import { rangeIn } from "../grammar/index";

export type { Diagnostic, Severity };

/** Anything with a span: a syntax node, or a part of one such as a calendar setting. */
export interface Located extends Span {
  missing?: boolean;
}

export interface CheckReport {
  code: string;
  severity: Severity;
  message: string;
  node: Located;
  /**
   * The file the node is in. The file itself, not its path: two sources may share
   * a path (compileSources, the playground), and only this file's line starts place the node.
   */
  file: SourceFile;
}

/** The diagnostic of a report (its file's line starts turn the node's offsets into lines and columns). */
export function toDiagnostic(report: CheckReport): Diagnostic {
  const { file } = report;
  return {
    code: report.code,
    severity: report.severity,
    message: report.message,
    file: file.path,
    range: rangeIn(file, report.node),
  };
}

/** Sorted by the order the files were given, then line, then column (stable otherwise). */
export function sortDiagnostics(diagnostics: Diagnostic[], fileOrder: string[]): Diagnostic[] {
  const rank = new Map<string, number>();
  fileOrder.forEach((path, index) => {
    if (!rank.has(path)) rank.set(path, index);
  });
  const fileRank = (path: string) => rank.get(path) ?? fileOrder.length;
  return diagnostics
    .map((diagnostic, index) => ({ diagnostic, index }))
    .sort(
      (a, b) =>
        fileRank(a.diagnostic.file) - fileRank(b.diagnostic.file) ||
        a.diagnostic.range.start.line - b.diagnostic.range.start.line ||
        a.diagnostic.range.start.column - b.diagnostic.range.start.column ||
        a.index - b.index,
    )
    .map(({ diagnostic }) => diagnostic);
}

/** `path:line:col: severity CODE: message`, the form of docs/contract.md. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const { file, range, severity, code, message } = diagnostic;
  return `${file}:${range.start.line}:${range.start.column}: ${severity} ${code}: ${message}`;
}

/**
 * A failure of Stagecraft itself (never of the rules), reported at the file's
 * start like any diagnostic instead of being thrown: `what` says which part failed
 * and `outcome` what became of the input.
 */
export function internalErrorDiagnostic(code: string, what: string, error: unknown, file: string, outcome = "Please report it."): Diagnostic {
  const reason = error instanceof Error ? error.message : String(error);
  const start = { offset: 0, line: 1, column: 1 };
  return { code, severity: "error", message: `Internal ${what} error: ${reason}. ${outcome}`, file, range: { start, end: start } };
}
