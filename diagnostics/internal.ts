// The one way a failure of Stagecraft itself (never of the rules or the events)
// is reported: code SC9999, saying it is a bug and how to report it. Whoever
// catches such a failure reports it here and never drops it.
import type { Diagnostic } from "./diagnostic";
import { Diagnostics } from "./messages";
import { diagnose } from "./message";

export type InternalPart = "parser" | "checker" | "compiler" | "formatter" | "playground" | "command";

/** The code and message; `outcome` says what became of the input, e.g. "The file was left unchanged." */
export function internalError(part: InternalPart, error: unknown, outcome = "") {
  const reason = error instanceof Error ? error.message : String(error);
  const diagnosed = diagnose(Diagnostics.Internal, { part, reason, outcome });
  return { ...diagnosed, message: diagnosed.message.trimEnd() };
}

/** The failure as a diagnostic at the start of `file`. */
export function internalErrorDiagnostic(part: InternalPart, error: unknown, file: string, outcome = ""): Diagnostic {
  const start = { offset: 0, line: 1, column: 1 };
  return { ...internalError(part, error, outcome), file, range: { start, end: start } };
}
