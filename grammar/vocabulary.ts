// What an editor needs to highlight Stagecraft, read from the lexer's own token
// table so the playground never keeps a second copy of the patterns.
import { Lexer, type TokenType } from "chevrotain";
import {
  allTokens, BadString, Comment, DateLiteral, DateTimeLiteral, DottedName, Identifier,
  keywordOf, NumberLiteral, operatorTokens, reservedWords, softWords, StringLiteral, TimeOfDay, WhiteSpace,
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
  /** Token kinds in the order the lexer tries them (first match wins). */
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
  const pattern = token.PATTERN;
  return pattern instanceof RegExp ? pattern.source : String(pattern);
}

const reserved = new Set<string>(reservedWords);

export const tokenVocabulary: TokenVocabulary = {
  keywords: [...reservedWords, ...softWords].sort(),
  reservedKeywords: [...reservedWords],
  operators: operatorTokens.map((token) => patternSource(token).replace(/\\/g, "")),
  tokens: allTokens
    .filter((token) => token.PATTERN !== Lexer.NA) // abstract categories are never matched by the lexer
    .map((token) => {
      const word = keywordOf(token);
      const kind: TokenKind = { name: token.name, pattern: patternSource(token), category: categoryOf(token) };
      if (word) kind.reserved = reserved.has(word);
      return kind;
    }),
};
