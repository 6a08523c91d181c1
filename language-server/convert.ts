// Between LSP's places (0-based lines and characters, URIs) and the language
// service's (1-based lines and columns, workspace paths).
import type { Position as LspPosition, Range as LspRange } from "vscode-languageserver";
import type { Position, Range } from "../language-service/index";

export const fromLsp = (position: LspPosition): Position => ({ line: position.line + 1, column: position.character + 1 });

export const toLsp = (position: Position): LspPosition => ({ line: position.line - 1, character: position.column - 1 });

export const rangeToLsp = (range: Range): LspRange => ({ start: toLsp(range.start), end: toLsp(range.end) });

export const rangeFromLsp = (range: LspRange): Range => ({ start: fromLsp(range.start), end: fromLsp(range.end) });
