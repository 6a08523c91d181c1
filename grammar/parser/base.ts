// What every layer of the parser shares: the token vocabulary, recovery that
// gives invented tokens a real position, spans measured from tokens, and a list
// of syntax problems found beyond what Chevrotain itself reports.
import {
  createTokenInstance, EmbeddedActionsParser, EOF, NoViableAltException, tokenMatcher, type ConsumeMethodOpts, type IToken,
  type TokenType,
} from "chevrotain";
import { StagecraftErrorMessages } from "../messages";
import type { Span } from "../ast";
import { endOffsetBetween, endOffsetOf, startOffsetOf } from "../ranges";
import { allTokens, RBracket, RCurly, RParen } from "../tokens";

const closingTokens = new Set<TokenType>([RCurly, RParen, RBracket]);

/** A syntax problem the grammar accepts but the language does not (`3 business hours`). */
export interface ParseProblem {
  message: string;
  token: IToken;
}

/** Chevrotain internals this parser hooks into (present at run time, absent from its typings). */
interface ChevrotainInternals {
  getFollowsForInRuleRecovery(tokType: TokenType, tokIdxInRule: number): TokenType[];
  getHumanReadableRuleStack(): string[];
  RULE_OCCURRENCE_STACK: number[];
  RULE_OCCURRENCE_STACK_IDX: number;
  raiseNoAltException(occurrence: number, customDescription: string | undefined): never;
  SAVE_ERROR(error: Error): Error;
  getCurrRuleFullName(): string;
  tokVector: IToken[];
  currIdx: number;
  consumeInternal(tokType: TokenType, idx: number, options: ConsumeMethodOpts | undefined): IToken;
}

const chevrotain = EmbeddedActionsParser.prototype as unknown as ChevrotainInternals;

// Speed note for the rules of every layer. A `this.OR({ DEF: [{ ALT: () => … }] })`
// written inline builds its options, array, objects and closures on every call;
// on a 10,000-rule file that was a third of all the memory parsing allocated.
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

export class ParserBase extends EmbeddedActionsParser {
  readonly messages: StagecraftErrorMessages;
  problems: ParseProblem[] = [];

  /**
   * `validateGrammar` runs Chevrotain's grammar validations (ambiguities, left
   * recursion, …). They cost time on every start and can only fail when the
   * grammar itself is edited, so the CLI skips them and a unit test runs them.
   */
  constructor(options: GrammarOptions = {}) {
    const messages = new StagecraftErrorMessages();
    super(allTokens as TokenType[], {
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

  // Chevrotain hook, run for every token consumed. The common case (the expected
  // token is next) is settled here, as Chevrotain's matcher would settle it,
  // without the four further calls of its general path (most of a big file is
  // parsed before V8 optimises, where every call counts); a mismatch goes to
  // Chevrotain's own, with its error and recovery. It relies on Chevrotain 11.2's
  // internals: the input in `tokVector` with `currIdx` at the last consumed token,
  // and no concrete syntax tree to record the token in (an EmbeddedActionsParser
  // builds none). The whole grammar test suite runs through this path.
  consumeInternal(tokType: TokenType, idx: number, options: ConsumeMethodOpts | undefined): IToken {
    const internals = this as unknown as ChevrotainInternals;
    const next = internals.tokVector[internals.currIdx + 1];
    if (
      next !== undefined &&
      (next.tokenTypeIdx === tokType.tokenTypeIdx ||
        (tokType.isParent === true && tokType.categoryMatchesMap![next.tokenTypeIdx!] === true))
    ) {
      internals.currIdx++;
      return next;
    }
    return chevrotain.consumeInternal.call(this, tokType, idx, options);
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

  // Chevrotain's recovery hook (not in its typings). The parser sees one item's
  // tokens at a time, so a closing brace missing at the end of an item would have
  // no follow set to justify inserting it: allow it there, keeping the item.
  canRecoverWithSingleTokenInsertion(expected: TokenType, follows: TokenType[]): boolean {
    const next = this.LA(1);
    if (next.tokenType === EOF) return closingTokens.has(expected);
    return follows.some((follow) => tokenMatcher(next, follow));
  }

  // Chevrotain hook. It computes every alternative's lookahead paths for each
  // "no viable alternative" error, only to describe them; where the OR carries its
  // own description that work is wasted, and a file with thousands of errors paid
  // for it thousands of times.
  raiseNoAltException(occurrence: number, customDescription: string | undefined): never {
    const internals = this as unknown as ChevrotainInternals;
    if (customDescription === undefined) return chevrotain.raiseNoAltException.call(this, occurrence, customDescription);
    const previous = this.LA(0);
    const message = this.messages.buildNoViableAltMessage({
      expectedPathsPerAlt: [],
      actual: [this.LA(1)],
      previous,
      customUserDescription: customDescription,
      ruleName: internals.getCurrRuleFullName(),
    });
    throw internals.SAVE_ERROR(new NoViableAltException(message, this.LA(1), previous));
  }

  private readonly followsCache = new Map<string, TokenType[]>();

  // Chevrotain hook. Before repairing a missing token it walks the grammar to learn
  // what may follow it here; the answer depends only on where in the grammar we are,
  // so it is computed once per place instead of once per error.
  getFollowsForInRuleRecovery(tokType: TokenType, tokIdxInRule: number): TokenType[] {
    const internals = this as unknown as ChevrotainInternals;
    const occurrences = internals.RULE_OCCURRENCE_STACK.slice(0, internals.RULE_OCCURRENCE_STACK_IDX + 1);
    const key = `${internals.getHumanReadableRuleStack().join("/")}|${occurrences.join("/")}|${tokType.name}|${tokIdxInRule}`;
    let follows = this.followsCache.get(key);
    if (!follows) {
      follows = chevrotain.getFollowsForInRuleRecovery.call(this, tokType, tokIdxInRule);
      this.followsCache.set(key, follows);
    }
    return follows;
  }

  // Chevrotain hook, run after each top-level call. The original also records a
  // "not all input parsed" error when tokens remain; `parse` reads one item per
  // call on purpose and deals with leftovers itself, so only the sentinel clean-up stays.
  onAfterParse(): void {
    const tokens = (this as unknown as ChevrotainInternals).tokVector;
    while (tokens.length > 0 && tokens[tokens.length - 1]!.tokenType === EOF) tokens.pop();
  }

  protected problem(message: string, token: IToken): void {
    if (!this.RECORDING_PHASE) this.problems.push({ message, token });
  }
}
