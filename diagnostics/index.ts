// Diagnostics, below every layer: the table of codes and messages, the shape
// of a diagnostic, how it is printed, "did you mean" and the internal-error report.
export { codes, type Category, type Code, type CodeInfo } from "./codes";
export type { Diagnostic, Severity, SourcePosition, SourceRange } from "./diagnostic";
export { codeFrame, formatDiagnostic, formatLineError } from "./format";
export { internalError, internalErrorDiagnostic, type InternalPart } from "./internal";
export { diagnose, render, type DiagnosticMessage, type MessageArguments } from "./message";
export { Diagnostics } from "./messages";
export { closestName, editDistance } from "./suggest";
