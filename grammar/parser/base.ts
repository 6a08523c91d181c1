// What every layer of the parser shares: the token vocabulary, recovery that
// gives invented tokens a real position, spans measured from tokens, and a list
// of syntax problems found beyond what Chevrotain itself reports.
import { createTokenInstance, type IToken, type TokenType } from "chevrotain";
import { StagecraftErrorMessages } from "../messages";
import type { Span } from "../ast";
import { endOffsetBetween, endOffsetOf, startOffsetOf } from "../ranges";
import { allTokens, RBracket, RCurly, RParen } from "../tokens";
import { ItemParser } from "./chevrotain-adapter";

/** A syntax problem the grammar accepts but the language does not (`3 business hours`). */
export interface ParseProblem {
  message: string;
  token: IToken;
}

// A note for the rules of every layer. A `this.OR({ DEF: [{ ALT: () => … }] })`
// written inline builds its options, array, objects and closures on every call.
// Rules that run for every item, action or operand therefore keep their
// alternatives (and OPTION/MANY bodies) in fields built once; an alternative
// that needs the token just before it reads `this.LA(0)` instead of capturing it.

/** Rule config for list elements: on an error, skip to the next element and drop this one. */
export const dropOnError = { recoveryValueFunc: () => undefined };
/** Rule config for everything else: errors go up to the enclosing list element. */
export const noResync = { resyncEnabled: false };

export interface GrammarOptions {
  validateGrammar?: boolean;
}

export class ParserBase extends ItemParser {
  readonly messages: StagecraftErrorMessages;
  problems: ParseProblem[] = [];

  /**
   * `validateGrammar` runs Chevrotain's grammar validations (ambiguities, left
   * recursion, …). They are a large part of building the parser and can only fail
   * when the grammar itself is edited, so the CLI skips them and a unit test runs them.
   */
  constructor(options: GrammarOptions = {}) {
    const messages = new StagecraftErrorMessages();
    super(allTokens as TokenType[], [RCurly, RParen, RBracket], {
      recoveryEnabled: true,
      maxLookahead: 3,
      errorMessageProvider: messages,
      skipValidations: !options.validateGrammar,
    });
    this.messages = messages;
  }

  /** A token's place, for the few nodes made of one keyword (`true`, `none`, `stop`). */
  protected tokenPlace(token: IToken): Span {
    return { start: startOffsetOf(token), end: endOffsetOf(token) };
  }

  /** Where a node starting at `first` starts. */
  protected startFrom(first: IToken | undefined): number {
    return (first ?? this.LA(1)).startOffset | 0;
  }

  /** Where a node starting at `first` ends: just past the last token consumed so far. */
  protected endFrom(first: IToken | undefined): number {
    return endOffsetBetween(first ?? this.LA(1), this.LA(0));
  }

  protected next(k: number): IToken {
    return this.LA(k);
  }

  // Chevrotain invents tokens with NaN positions; place them, empty, right after
  // the last real token so every node keeps an exact span.
  protected override getTokenToInsert(tokType: TokenType): IToken {
    const previous = this.LA(0);
    const anchor = Number.isNaN(previous.startOffset) ? this.LA(1) : previous;
    const afterPrevious = anchor === previous;
    const offset = afterPrevious ? (anchor.endOffset ?? anchor.startOffset) + 1 : anchor.startOffset;
    const line = (afterPrevious ? anchor.endLine : anchor.startLine) ?? 1;
    const column = afterPrevious ? (anchor.endColumn ?? 0) + 1 : (anchor.startColumn ?? 1);
    const token = Number.isNaN(offset)
      ? createTokenInstance(tokType, "", 0, -1, 1, 1, 1, 0)
      : createTokenInstance(tokType, "", offset, offset - 1, line, line, column, column - 1);
    token.isInsertedInRecovery = true;
    return token;
  }

  protected problem(message: string, token: IToken): void {
    if (!this.RECORDING_PHASE) this.problems.push({ message, token });
  }
}
