// The language service's public face: what the playground's Monaco adapter and
// `stagecraft lsp` import.
export { LanguageService, type FileEdit, type Hover, type Location, type RenameResult, type RenameTarget, type TextEdit } from "./language-service";
export type { Position, Range } from "./positions";
export { TextLines } from "./positions";
export { completionTriggerCharacters } from "./completion-triggers";
export type { CompletionContext, CompletionItem, CompletionKind } from "./completion";
export type { CodeAction, MarkedProblem } from "./code-actions";
export type { DocumentSymbol, SymbolKind } from "./document-symbols";
export type { FoldingRange } from "./folding";
export type { SemanticToken } from "./semantic-tokens";
export { encodeSemanticTokens, semanticTokenTypes, type SemanticTokenType } from "./semantic-token-legend";
export type { CheckedWorkspace } from "./workspace";
export { buildSymbolIndex, type SymbolIndex } from "./symbol-index";
