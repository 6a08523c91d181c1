// The worker's side of the language service: one LanguageService, whose
// workspace the checker shares (a file is parsed once for both), answering the
// adapter's questions by name.
import { tokenVocabulary } from "../../grammar/vocabulary";
import { encodeSemanticTokens, LanguageService, type SemanticToken } from "../../language-service/index";
import type { LanguageRequest, LanguageResponse } from "./language-protocol";
import { monarchFromVocabulary } from "./monarch";

export const languageService = new LanguageService();

export function answerLanguageRequest(request: LanguageRequest): LanguageResponse {
  if (request.kind === "language-highlighting") {
    return { kind: "language-highlighting", id: request.id, monarch: monarchFromVocabulary(tokenVocabulary) };
  }
  try {
    if (request.sources) languageService.setDocuments(request.sources);
    // Every method is a question over plain data: its arguments come as sent.
    const ask = languageService[request.method] as (...args: unknown[]) => unknown;
    const result = ask.apply(languageService, request.args);
    return { kind: "language", id: request.id, result: request.method === "semanticTokens" ? encodeSemanticTokens(result as SemanticToken[]) : result };
  } catch (error) {
    return { kind: "language", id: request.id, error: `internal error in the language service (${request.method}): ${error instanceof Error ? error.message : String(error)}` };
  }
}
