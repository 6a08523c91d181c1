// `stagecraft fmt`: a file that does not parse is returned unchanged with its
// syntax errors, because printing a recovered tree would silently rewrite what
// the user wrote. For the same reason a failure of the printer itself leaves
// the text alone and says so, instead of throwing at the caller.
import type { Diagnostic } from "../../diagnostics/diagnostic";
import { parse } from "../../grammar/index";
import { formatFile } from "./format-file";
import { internalErrorDiagnostic } from "../../diagnostics/internal";

export interface FormatResult {
  text: string;
  diagnostics: Diagnostic[];
}

export function formatSource(text: string, path = "<input>"): FormatResult {
  const { file, diagnostics } = parse(text, path);
  if (diagnostics.some((diagnostic) => diagnostic.severity === "error")) return { text, diagnostics };
  try {
    return { text: formatFile(file, text), diagnostics };
  } catch (error) {
    const internal = internalErrorDiagnostic("formatter", error, path, "The file was left unchanged.");
    return { text, diagnostics: [...diagnostics, internal] };
  }
}
