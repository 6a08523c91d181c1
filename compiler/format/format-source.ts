// `stagecraft fmt`: a file that does not parse is returned unchanged with its
// syntax errors, because printing a recovered tree would silently rewrite what
// the user wrote.
import type { Diagnostic } from "../../grammar/diagnostic";
import { parse } from "../../grammar/index";
import { formatFile } from "./format-file";

export interface FormatResult {
  text: string;
  diagnostics: Diagnostic[];
}

export function formatSource(text: string, path = "<input>"): FormatResult {
  const { file, diagnostics } = parse(text, path);
  if (diagnostics.some((diagnostic) => diagnostic.severity === "error")) return { text, diagnostics };
  return { text: formatFile(file, text), diagnostics };
}
