// The one place the parser depends on Chevrotain beyond its public API.
//
// `parse` hands the parser one top-level item's tokens at a time. An item whose
// closing `}`, `)` or `]` is missing at its very end then ends at the end of the
// input, and Chevrotain's single-token insertion needs the token after the gap
// to be one that may follow the missing one within the grammar rule; nothing
// follows the last token of an item's rule, so the item would be lost. The hook
// below (`canRecoverWithSingleTokenInsertion`, present at run time, absent from
// Chevrotain's typings) also allows inserting a closing token at the end of the
// input, keeping the item. test/grammar/chevrotain-adapter.test.ts fails if a
// Chevrotain release renames the hook or stops calling it.
import { EmbeddedActionsParser, EOF, tokenMatcher, type IParserConfig, type TokenType } from "chevrotain";

export class ItemParser extends EmbeddedActionsParser {
  private readonly closingTokens: ReadonlySet<TokenType>;

  /** `closingTokens`: the token types recovery may insert where an item's tokens run out. */
  constructor(tokens: TokenType[], closingTokens: readonly TokenType[], config: IParserConfig) {
    super(tokens, config);
    this.closingTokens = new Set(closingTokens);
  }

  /** Chevrotain's hook: may `expected` be inserted before the next token? */
  canRecoverWithSingleTokenInsertion(expected: TokenType, follows: TokenType[]): boolean {
    if (!this.canTokenTypeBeInsertedInRecovery(expected)) return false;
    const next = this.LA(1);
    if (next.tokenType === EOF) return this.closingTokens.has(expected);
    return follows.some((follow) => tokenMatcher(next, follow));
  }
}
