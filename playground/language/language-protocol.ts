// Messages between the page's Monaco adapter and the language service, which
// lives in the checker's worker (so the parser, the checker and the standard
// library load once, off the main thread). A request names a method of the
// service and its arguments; only plain data crosses.
import type { languages } from "monaco-editor/editor";
import type { LanguageService } from "../../language-service/index";
import type { RulesSource } from "../checking/protocol";

/** The service's questions the adapter asks, as LanguageService names them. */
export type LanguageMethod =
  | "completions" | "hover" | "definition" | "references" | "prepareRename" | "rename"
  | "documentSymbols" | "foldingRanges" | "codeActions" | "format" | "semanticTokens";

/** Semantic tokens cross already encoded (numbers, as Monaco and LSP read them). */
export type LanguageAnswer<M extends LanguageMethod> = M extends "semanticTokens" ? number[] : ReturnType<LanguageService[M]>;

export type LanguageRequest =
  | {
      kind: "language";
      id: number;
      method: LanguageMethod;
      args: unknown[];
      /** The rules files, when they changed since the last request: the service takes them first. */
      sources: RulesSource[] | null;
    }
  /** Monaco's highlighting rules, generated from the lexer's vocabulary where the lexer lives. */
  | { kind: "language-highlighting"; id: number };

export type LanguageResponse =
  | { kind: "language"; id: number; result: unknown }
  /** The service failed: an internal error, shown to the user and never swallowed. */
  | { kind: "language"; id: number; error: string }
  | { kind: "language-highlighting"; id: number; monarch: languages.IMonarchLanguage };

export function isLanguageRequest(request: { kind: string }): request is LanguageRequest {
  return request.kind.startsWith("language");
}

export function isLanguageResponse(response: { kind: string }): response is LanguageResponse {
  return response.kind.startsWith("language");
}
