// Syntax error messages in the words a rule author writes: `"->"`, `a stage name
// in quotes`, `the end of the file`, never Chevrotain's token names.
import type { IParserErrorMessageProvider, IToken, TokenType } from "chevrotain";
import {
  DateLiteral, DateTimeLiteral, DottedName, Identifier, keywordOf, kw, Name, NumberLiteral, PathWord, RCurly,
  spellingOf, StringLiteral, TimeOfDay, TimeUnit, stageNameWords, templateNameWords, type KeywordWord,
} from "./tokens";
import { insteadHint } from "./other-spellings";

const stageWords = new Set<TokenType>(stageNameWords.map((word) => kw(word)));
// the last word of each phrase a template name follows (`send email`: email)
const templateWords = new Set<TokenType>(
  Object.values(templateNameWords).flatMap((phrases) => phrases.map((phrase) => kw(phrase.split(" ").at(-1) as KeywordWord))),
);

/** What the parser wanted, e.g. `a stage name in quotes` or `"->"`. */
export function describeExpected(tokenType: TokenType, previous?: IToken): string {
  if (tokenType === StringLiteral) {
    const before = previous?.tokenType;
    if (before && stageWords.has(before)) return "a stage name in quotes";
    if (before && templateWords.has(before)) return "a template name in quotes";
    return "a quoted name";
  }
  if (tokenType === Name || tokenType === Identifier) return "a name";
  if (tokenType === PathWord) return "a field name";
  if (tokenType === DottedName) return "a dotted name such as invoice.paid";
  if (tokenType === NumberLiteral) return "a number";
  if (tokenType === TimeUnit) return "a time unit (minutes, hours, days, weeks or business days)";
  if (tokenType === DateLiteral) return "a date such as 2026-12-25";
  if (tokenType === DateTimeLiteral) return "a date and time such as 2026-01-01T08:00Z";
  if (tokenType === TimeOfDay) return "a time of day such as 09:00";
  const word = keywordOf(tokenType);
  if (word) return `"${word}"`;
  const spelling = spellingOf(tokenType);
  return spelling ? `"${spelling}"` : tokenType.name;
}

/** How to name a token the parser did not expect, with what to write instead if it is another language's spelling. */
export function describeFound(token: IToken, previous?: IToken): string {
  if (Number.isNaN(token.startOffset) || token.tokenType.name === "EOF") return "the end of the file";
  if (token.tokenType === StringLiteral || token.tokenType.CATEGORIES?.includes(StringLiteral)) {
    return `the quoted text ${token.image}`;
  }
  // `<>` reads as `<` then `>`: the parser stumbles on the `>`
  const written = previous?.image === "<" && token.image === ">" && previous.endOffset! + 1 === token.startOffset ? "<>" : token.image;
  return `"${written}"${insteadHint(written)}`;
}

/** ` after "x"`, or nothing when there is no sensible previous token. */
function after(previous: IToken | undefined, actual?: IToken): string {
  if (!previous || Number.isNaN(previous.startOffset) || previous.image === "") return "";
  // after a skip, Chevrotain's "previous" can be the skipped token itself
  if (actual && !Number.isNaN(actual.startOffset) && previous.startOffset >= actual.startOffset) return "";
  const image = previous.image.length > 30 ? previous.image.slice(0, 30) + "…" : previous.image;
  return image.startsWith('"') ? ` after ${image}` : ` after "${image}"`;
}

/** What a block holds, for "expected … or "}"" when its closing brace is not where expected. */
const blockContents: Record<string, string> = {
  ruleDecl: "an action",
  forEachAction: "an action",
  workflowDecl: "a step",
  stepBlock: "a step",
  entityDecl: "a field, a pipeline",
  pipelineDecl: "a stage",
  calendarDecl: "a calendar setting",
  templateDecl: "a template property",
  teamDecl: "a quoted team member",
  eventDecl: "a field",
  testDecl: "a test statement",
  testData: "a field",
  createAction: "a field",
};

function oneOf(descriptions: string[]): string {
  const unique = [...new Set(descriptions)];
  if (unique.length <= 1) return unique[0] ?? "something else";
  return `${unique.slice(0, -1).join(", ")} or ${unique[unique.length - 1]}`;
}

/**
 * Chevrotain asks this for every recognition error. `actualAtChunkEnd` lets the
 * caller say what really follows when the parser sees the end of one item's tokens.
 */
export class StagecraftErrorMessages implements IParserErrorMessageProvider {
  /** The token after the item being parsed (the parser only sees that item's tokens). */
  followingToken: IToken | undefined;

  private found(token: IToken, previous?: IToken): string {
    if (token.tokenType.name === "EOF" && this.followingToken) return describeFound(this.followingToken);
    return describeFound(token, previous);
  }

  buildMismatchTokenMessage(options: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
    const contents = options.expected === RCurly ? blockContents[options.ruleName] : undefined;
    const expected = contents ? `${contents} or "}"` : describeExpected(options.expected, options.previous);
    return `expected ${expected}${after(options.previous, options.actual)}, found ${this.found(options.actual, options.previous)}`;
  }

  buildNotAllInputParsedMessage(options: { firstRedundant: IToken; ruleName: string }): string {
    return `unexpected ${this.found(options.firstRedundant)}`;
  }

  buildNoViableAltMessage(options: {
    expectedPathsPerAlt: TokenType[][][];
    actual: IToken[];
    previous: IToken;
    customUserDescription?: string;
    ruleName: string;
  }): string {
    const firstTokens = options.expectedPathsPerAlt.flatMap((paths) => paths.map((path) => path[0]).filter((t) => t !== undefined));
    if (options.customUserDescription) {
      return `expected ${options.customUserDescription}, found ${this.found(options.actual[0]!, options.previous)}`;
    }
    const expected = oneOf(firstTokens.map((t) => describeExpected(t, options.previous)));
    return `expected ${expected}${after(options.previous, options.actual[0])}, found ${this.found(options.actual[0]!, options.previous)}`;
  }

  buildEarlyExitMessage(options: {
    expectedIterationPaths: TokenType[][];
    actual: IToken[];
    previous: IToken;
    customUserDescription?: string;
    ruleName: string;
  }): string {
    const firstTokens = options.expectedIterationPaths.map((path) => path[0]).filter((t) => t !== undefined);
    const expected = options.customUserDescription ?? oneOf(firstTokens.map((t) => describeExpected(t, options.previous)));
    return `expected at least one ${expected}${after(options.previous, options.actual[0])}, found ${this.found(options.actual[0]!, options.previous)}`;
  }
}
