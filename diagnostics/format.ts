// What a person reads: `path:line:col: severity CODE: message` (the contract's
// form), `events.jsonl:LINE: error CODE: message` for an input line, and a code
// frame under a diagnostic (graphql-js `printLocation`). The CLI, the playground
// and the tests all print through here.
import type { Diagnostic } from "./diagnostic";

/** `path` is the file as the reader knows it (the CLI's path on disk); the diagnostic's own by default. */
export function formatDiagnostic(diagnostic: Diagnostic, path = diagnostic.file): string {
  const { range, severity, code, message } = diagnostic;
  return `${path}:${range.start.line}:${range.start.column}: ${severity} ${code}: ${message}`;
}

/** An error about an input line: `path:LINE:` , or `path:LINE:COL:` where the mistake is at one place of the line (JSON syntax). */
export function formatLineError(path: string, line: number, error: { code: string; message: string; column?: number }): string {
  return `${path}:${line}${error.column !== undefined ? `:${error.column}` : ""}: error ${error.code}: ${error.message}`;
}

/**
 * The diagnostic's line with carets under its range. The caret line repeats the
 * line's tabs where the line has them, so the carets sit under the same columns
 * whatever width the terminal gives a tab.
 */
export function codeFrame(lineText: string, diagnostic: Diagnostic): string[] {
  const { start, end } = diagnostic.range;
  const gutter = String(start.line);
  const startIndex = Math.min(start.column - 1, lineText.length);
  const endIndex = end.line === start.line ? Math.max(end.column - 1, startIndex + 1) : startIndex + 1;
  const indent = lineText.slice(0, startIndex).replace(/[^\t]/g, " ");
  const underlined = lineText.slice(startIndex, endIndex).padEnd(endIndex - startIndex, " ");
  const carets = underlined.replace(/[^\t]/g, "^").replace(/\t/g, "^^^^");
  return [`  ${gutter} | ${lineText}`, `  ${" ".repeat(gutter.length)} | ${indent}${carets}`];
}
