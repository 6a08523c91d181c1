// The compiler's public face: check, lower to IR, format. Front doors (CLI,
// playground) import only from here.
import type { SourceFile } from "../grammar/ast";
import type { Diagnostic } from "../diagnostics/diagnostic";
import type { Program } from "../runtime/program/ir";
import { checkSources, type CheckedSources, type SourceText } from "./check";
import { lowerProgram } from "./lower/lower-program";
import { internalErrorDiagnostic } from "../diagnostics/internal";
import type { CheckedModel } from "./model";

export { checkSources, checkFiles } from "./check";
export { sortDiagnostics } from "./diagnostics";
export type { SourceText, CheckedSources } from "./check";
export { lowerProgram } from "./lower/lower-program";
export { LoweringError } from "./lower/lowering-error";
export { formatSource } from "./format/format-source";
export { implicitFields } from "./binder/implicit-fields";
export { typeName } from "./types/value-type";
export type { FormatResult } from "./format/format-source";
export type { Diagnostic } from "../diagnostics/diagnostic";
export type { Program } from "../runtime/program/ir";
export type { CheckedModel } from "./model";

export interface CompileResult {
  files: SourceFile[];
  diagnostics: Diagnostic[];
  model: CheckedModel;
  /** Present only when there is no error-severity diagnostic. */
  program?: Program;
}

export function compileSources(sources: SourceText[]): CompileResult {
  return compileChecked(checkSources(sources));
}

/** Lowers checked files when they have no error (the playground's worker checks its kept trees itself). */
export function compileChecked(checked: CheckedSources): CompileResult {
  if (checked.diagnostics.some((diagnostic) => diagnostic.severity === "error")) return checked;
  try {
    return { ...checked, program: lowerProgram(checked.files, checked.model) };
  } catch (error) {
    // A checked program that does not lower is a compiler bug; report it like the checker reports its own.
    const internal = internalErrorDiagnostic("compiler", error, checked.files[0]?.path ?? "", "Nothing was compiled.");
    return { ...checked, diagnostics: [...checked.diagnostics, internal] };
  }
}
