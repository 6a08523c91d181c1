// Turns diagnostics (data) into what the user reads: one `path:line:col:` line per
// diagnostic and a summary line, a code frame under each when a person is
// watching (a TTY), or JSON objects for other programs.
import type { Diagnostic } from "../compiler/index";

export interface DiagnosticReport {
  diagnostics: readonly Diagnostic[];
  /** Display path (as the compiler saw it) → path on disk as the user typed it. */
  diskPaths: ReadonlyMap<string, string>;
  /** Source texts by display path, for code frames. */
  texts: ReadonlyMap<string, string>;
  fileCount: number;
}

export function formatDiagnosticLine(d: Diagnostic, diskPath: string): string {
  return `${diskPath}:${d.range.start.line}:${d.range.start.column}: ${d.severity} ${d.code}: ${d.message}`;
}

export function formatSummary(diagnostics: readonly Diagnostic[], fileCount: number): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  const files = `${fileCount} file${fileCount === 1 ? "" : "s"}`;
  if (diagnostics.length === 0) return `No problems in ${files}.`;
  return `${plural(errors, "error")}, ${plural(warnings, "warning")} in ${files}.`;
}

export function formatTextReport(report: DiagnosticReport, withFrames: boolean): string {
  const lines: string[] = [];
  for (const d of report.diagnostics) {
    lines.push(formatDiagnosticLine(d, report.diskPaths.get(d.file) ?? d.file));
    if (withFrames) lines.push(...codeFrame(report.texts.get(d.file), d));
  }
  lines.push(formatSummary(report.diagnostics, report.fileCount));
  return lines.join("\n") + "\n";
}

export function formatJsonReport(report: DiagnosticReport): string {
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
  return JSON.stringify({ diagnostics, errors, warnings: diagnostics.length - errors }, null, 2) + "\n";
}

/** The offending line with a caret under the range, like graphql-js `printLocation`. */
function codeFrame(text: string | undefined, d: Diagnostic): string[] {
  if (text === undefined) return [];
  const lineText = text.split(/\r?\n/)[d.range.start.line - 1];
  if (lineText === undefined) return [];
  const gutter = String(d.range.start.line);
  const width = d.range.end.line === d.range.start.line ? Math.max(1, d.range.end.column - d.range.start.column) : 1;
  return [
    `  ${gutter} | ${lineText}`,
    `  ${" ".repeat(gutter.length)} | ${" ".repeat(d.range.start.column - 1)}${"^".repeat(width)}`,
  ];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
