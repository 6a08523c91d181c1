// Turns diagnostics (data) into what the user reads: one `path:line:col:` line per
// diagnostic and a summary line, a code frame under each when a person is
// watching (a TTY), or JSON objects for other programs.
import type { Diagnostic } from "../compiler/index";
import { codeFrame, formatDiagnostic } from "../diagnostics/format";
import { diagnose } from "../diagnostics/message";
import { Diagnostics } from "../diagnostics/messages";
import type { FileError } from "./errors";
import { appendAll } from "../runtime/append-all";
import { plural } from "../runtime/reporting/plural";

export interface DiagnosticReport {
  diagnostics: readonly Diagnostic[];
  /** Display path (as the compiler saw it) → path on disk as the user typed it. */
  diskPaths: ReadonlyMap<string, string>;
  /** Source texts by display path, for code frames. */
  texts: ReadonlyMap<string, string>;
  fileCount: number;
}

export function formatSummary(diagnostics: readonly Diagnostic[], fileCount: number): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  const files = plural(fileCount, "file");
  if (diagnostics.length === 0) return `No problems in ${files}.`;
  return `${plural(errors, "error")}, ${plural(warnings, "warning")} in ${files}.`;
}

export function formatTextReport(report: DiagnosticReport, withFrames: boolean): string {
  const lines: string[] = [];
  for (const d of report.diagnostics) {
    lines.push(formatDiagnostic(d, report.diskPaths.get(d.file) ?? d.file));
    const lineText = withFrames ? report.texts.get(d.file)?.split(/\r?\n/)[d.range.start.line - 1] : undefined;
    if (lineText !== undefined) appendAll(lines, codeFrame(lineText, d));
  }
  lines.push(formatSummary(report.diagnostics, report.fileCount));
  return lines.join("\n") + "\n";
}

export function formatJsonReport(report: DiagnosticReport): string {
  return JSON.stringify(jsonReport(report), null, 2) + "\n";
}

/** The diagnostics as `check --format json` prints them (docs/contract.md). */
export function jsonReport(report: DiagnosticReport): { diagnostics: object[]; errors: number; warnings: number } {
  const diagnostics = report.diagnostics.map((d) => ({
    file: report.diskPaths.get(d.file) ?? d.file,
    line: d.range.start.line,
    column: d.range.start.column,
    endLine: d.range.end.line,
    endColumn: d.range.end.column,
    severity: d.severity,
    code: d.code,
    message: d.message,
  }));
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  return { diagnostics, errors, warnings: diagnostics.length - errors };
}

/** A file that could not be read, as the report of one SC1001 diagnostic. */
export function fileErrorReport(error: FileError): DiagnosticReport {
  const at = { offset: 0, ...error.position };
  const diagnostic: Diagnostic = { ...diagnose(Diagnostics.FileUnreadable, { problem: error.message }), file: error.file, range: { start: at, end: at } };
  return { diagnostics: [diagnostic], diskPaths: new Map(), texts: new Map(), fileCount: 1 };
}
