// What an editor needs to highlight Stagecraft, read from the lexer's own token
// table so the playground never keeps a second copy of the patterns.
import type { TokenType } from "chevrotain";
import {
  BadString, Comment, DateLiteral, DateTimeLiteral, DottedName, Identifier, itemStartWords, Kw,
  keywordOf, NumberLiteral, operatorTokens, reservedWords, softWords, spellingOf, stageNameWords, StringLiteral, templateNameWords, TimeOfDay, WhiteSpace,
} from "./tokens";

export type TokenCategory =
  | "keyword"
  | "operator"
  | "string"
  | "number"
  | "datetime"
  | "date"
  | "time"
  | "comment"
  | "identifier"
  | "dotted-name"
  | "punctuation"
  | "whitespace";

export interface TokenKind {
  /** The lexer's name for the token type (`StringLiteral`, `Kw_stage`, `Arrow`). */
  name: string;
  /** Regular expression source, as the lexer matches it. */
  pattern: string;
  category: TokenCategory;
  /** For keywords: true when it can never be a name (`and`, `none`, `this`…). */
  reserved?: boolean;
}

export interface TokenVocabulary {
  /** Every keyword, soft and reserved. */
  keywords: readonly string[];
  /** Keywords an expression needs; never usable as names. */
  reservedKeywords: readonly string[];
  /** Operator and punctuation spellings (`->`, `==`, `{`…). */
  operators: readonly string[];
  /** The words that start a top-level item when first on their line (`on`, `rule`, `entity`…). */
  itemStartWords: readonly string[];
  /** The words a quoted stage name follows (`stage`, `open`, `close`, `to`). */
  stageNameWords: readonly string[];
  /** The phrases a quoted template name follows, by template kind (`send email`, `create task`…). */
  templateNameWords: Readonly<Record<"email" | "sms" | "task" | "report", readonly string[]>>;
  /** Token kinds in the order a highlighter should try them (first match wins; keywords longest first). */
  tokens: readonly TokenKind[];
}

const punctuationNames = new Set(["Colon", "Comma", "LParen", "RParen", "LCurly", "RCurly", "LBracket", "RBracket", "Question"]);

const fixedCategories = new Map<TokenType, TokenCategory>([
  [WhiteSpace, "whitespace"],
  [Comment, "comment"],
  [StringLiteral, "string"],
  [BadString, "string"],
  [DateTimeLiteral, "datetime"],
  [DateLiteral, "date"],
  [TimeOfDay, "time"],
  [NumberLiteral, "number"],
  [DottedName, "dotted-name"],
  [Identifier, "identifier"],
]);

function categoryOf(token: TokenType): TokenCategory {
  const fixed = fixedCategories.get(token);
  if (fixed) return fixed;
  if (keywordOf(token)) return "keyword";
  return punctuationNames.has(token.name) ? "punctuation" : "operator";
}

function patternSource(token: TokenType): string {
  const word = keywordOf(token);
  if (word) return `\\b${word}\\b`;
  const pattern = token.PATTERN;
  return pattern instanceof RegExp ? pattern.source : String(pattern);
}

const reserved = new Set<string>(reservedWords);

function kindOf(token: TokenType): TokenKind {
  const kind: TokenKind = { name: token.name, pattern: patternSource(token), category: categoryOf(token) };
  const word = keywordOf(token);
  if (word) kind.reserved = reserved.has(word);
  return kind;
}

// The scanner reads a word and then looks it up among the keywords; an editor
// tokenizer wants keywords as rules of their own, tried before identifiers.
const highlightingOrder: TokenType[] = [
  WhiteSpace, Comment, StringLiteral, BadString, DateTimeLiteral, DateLiteral, TimeOfDay, NumberLiteral,
  DottedName,
  ...[...reservedWords, ...softWords].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0)).map((w) => Kw[w]),
  Identifier,
  ...operatorTokens,
];

export const tokenVocabulary: TokenVocabulary = {
  keywords: [...reservedWords, ...softWords].sort(),
  reservedKeywords: [...reservedWords],
  operators: operatorTokens.map((token) => spellingOf(token)!),
  itemStartWords,
  stageNameWords,
  templateNameWords,
  tokens: highlightingOrder.map(kindOf),
};
