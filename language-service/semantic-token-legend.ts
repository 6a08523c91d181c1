// The legend of semantic tokens and their encoding for editors. Apart from
// semantic-tokens.ts (which needs the grammar and the standard library) so an
// editor's page can name the legend without loading the service itself.
import type { SemanticToken } from "./semantic-tokens";

/** The legend: a token's `type` is an index into it (LSP's standard type names). */
export const semanticTokenTypes = ["keyword", "string", "number", "comment", "operator", "type", "property", "enumMember", "event", "function", "variable", "namespace"] as const;
export type SemanticTokenType = (typeof semanticTokenTypes)[number];

/**
 * LSP's encoding, which Monaco reads too: five numbers per token (line, start,
 * length, type, modifiers), each place relative to the previous token's.
 */
export function encodeSemanticTokens(tokens: readonly SemanticToken[]): number[] {
  const data: number[] = [];
  let line = 1;
  let column = 1;
  for (const token of tokens) {
    data.push(token.line - line, token.line === line ? token.column - column : token.column - 1, token.length, semanticTokenTypes.indexOf(token.type), 0);
    line = token.line;
    column = token.column;
  }
  return data;
}
