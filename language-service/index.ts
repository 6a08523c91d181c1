// The language service's public face: what the playground's Monaco adapter and
// `stagecraft lsp` import.
export { LanguageService, type FileEdit, type Hover, type Location, type RenameResult, type TextEdit } from "./language-service";
export type { Position, Range } from "./positions";
export { TextLines } from "./positions";
export { completionTriggerCharacters, type CompletionContext, type CompletionItem, type CompletionKind } from "./completion";
export type { CodeAction, MarkedProblem } from "./code-actions";
export type { DocumentSymbol, SymbolKind } from "./document-symbols";
export type { FoldingRange } from "./folding";
export { semanticTokenTypes, type SemanticToken, type SemanticTokenType } from "./semantic-tokens";
export type { CheckedWorkspace } from "./workspace";
export { buildSymbolIndex, type SymbolIndex } from "./symbol-index";
