// The one way a failure of Stagecraft itself (never of the rules or the events)
// is reported: a diagnostic at the file's start, code SC9999, saying it is a bug
// and how to report it. Whoever catches such a failure reports it here and never
// drops it.
import type { Diagnostic } from "./diagnostic";
import { Diagnostics } from "./messages";
import { diagnose } from "./message";

export type InternalPart = "parser" | "checker" | "compiler" | "formatter" | "playground";

/** `outcome` says what became of the input, e.g. "The file was left unchanged." */
export function internalErrorDiagnostic(part: InternalPart, error: unknown, file: string, outcome = ""): Diagnostic {
  const reason = error instanceof Error ? error.message : String(error);
  const start = { offset: 0, line: 1, column: 1 };
  const { code, severity, message } = diagnose(Diagnostics.Internal, { part, reason, outcome });
  return { code, severity, message: message.trimEnd(), file, range: { start, end: start } };
}
