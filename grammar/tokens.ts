// The token types the scanner (scanner.ts) produces and the parser reads. Their
// patterns are what the scanner matches literals with and what an editor
// highlights with (vocabulary.ts); the scanner itself is written by hand.
// Keywords are SOFT unless an expression needs them: a soft keyword belongs to
// the `Name` category, so `email`, `task` or `stage` still work as field and
// entity names, while the parser asks for the keyword itself only where the
// keyword is meant.
import { createToken, Lexer, type TokenType } from "chevrotain";

/** A field path's one token: a bare name or a dotted one. */
export const PathWord = createToken({ name: "PathWord", pattern: Lexer.NA });
/** Anything usable as a bare name: identifiers and soft keywords. */
export const Name = createToken({ name: "Name", pattern: Lexer.NA, categories: [PathWord] });
/** `minute(s)`, `hour(s)`, `day(s)`, `week(s)`: the unit after a duration's amount. */
export const TimeUnit = createToken({ name: "TimeUnit", pattern: Lexer.NA });
/** Any operator written between two operands as a symbol (`==`, `+`, `*`, …): the parser reads them alike. */
export const SymbolOperator = createToken({ name: "SymbolOperator", pattern: Lexer.NA });
export const ComparisonOperator = createToken({ name: "ComparisonOperator", pattern: Lexer.NA, categories: [SymbolOperator] });
export const AdditiveOperator = createToken({ name: "AdditiveOperator", pattern: Lexer.NA, categories: [SymbolOperator] });
export const MultiplicativeOperator = createToken({ name: "MultiplicativeOperator", pattern: Lexer.NA, categories: [SymbolOperator] });

/** A word that is not a keyword. */
export const Identifier = createToken({ name: "Identifier", pattern: /[A-Za-z_][A-Za-z0-9_]*/, categories: [Name] });

/** `invoice.paid`, `contact.name`, `event.amount`: one token, split into segments by the parser. */
export const DottedName = createToken({
  name: "DottedName",
  pattern: /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+/,
  categories: [PathWord],
});

/** Skipped by the scanner; a token type only so that an editor can highlight it. */
export const WhiteSpace = createToken({ name: "WhiteSpace", pattern: /[ \t\r\n\uFEFF]+/ });

/** Kept out of the parser's way but collected for the formatter. */
export const Comment = createToken({ name: "Comment", pattern: /\/\/[^\r\n]*/ });

/** A string's `\u{…}` escape: one to six hex digits. */
export const unicodeEscape = "u\\{[0-9A-Fa-f]{1,6}\\}";

export const StringLiteral = createToken({
  name: "StringLiteral",
  pattern: new RegExp(`"(?:[^"\\\\\\r\\n]|\\\\["\\\\nt]|\\\\${unicodeEscape})*"`),
});

/**
 * A string that is unterminated, has an unknown escape or is in curly quotes
 * (“…”, as word processors write them). The parser takes it as a string (so one
 * typo does not derail the item) and `parse` reports SC0001.
 */
export const BadString = createToken({
  name: "BadString",
  pattern: /"(?:[^"\\\r\n]|\\[^\r\n]?)*"?|\u201C[^\u201D\r\n]*\u201D?/,
  categories: [StringLiteral],
});

export const DateTimeLiteral = createToken({
  name: "DateTimeLiteral",
  pattern: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?/,
});
export const DateLiteral = createToken({ name: "DateLiteral", pattern: /\d{4}-\d{2}-\d{2}/ });
export const TimeOfDay = createToken({ name: "TimeOfDay", pattern: /\d{2}:\d{2}/ });
export const NumberLiteral = createToken({ name: "NumberLiteral", pattern: /\d+(?:\.\d+)?/ });

// ---------------------------------------------------------------- keywords

/** Words an expression needs; they can never be names. */
export const reservedWords = ["and", "or", "not", "in", "none", "this", "true", "false", "is"] as const;

/** Words with a meaning in some position that stay usable as names everywhere else. */
export const softWords = [
  // top level
  "calendar", "entity", "template", "team", "event", "rule", "on", "workflow", "test",
  // declarations
  "timezone", "workdays", "hours", "holiday", "pipeline", "parallel", "stage", "won", "lost", "enum",
  // rule subjects and schedules
  "created", "updated", "deleted", "becomes", "after", "at", "within", "working", "when",
  "minute", "minutes", "hour", "day", "days", "week", "weeks", "business",
  // actions
  "open", "close", "move", "to", "allow", "back", "as", "send", "email", "sms", "cc",
  "create", "task", "for", "activity", "assign", "from", "round", "robin", "least", "loaded", "where",
  "set", "with", "each", "of", "generate", "report", "request", "signature", "notify",
  // workflows
  "per", "reentry", "enroll", "wait", "until", "timeout", "if", "else", "stop", "exit",
  // tests
  "expect", "no", "by", "before",
] as const;

export type ReservedWord = (typeof reservedWords)[number];
export type SoftWord = (typeof softWords)[number];
export type KeywordWord = ReservedWord | SoftWord;

function keywordTokenName(word: string): string {
  return `Kw_${word}`;
}

const timeUnitWords = new Set<string>(["minute", "minutes", "hour", "hours", "day", "days", "week", "weeks"]);

const keywordTokens = new Map<string, TokenType>();
/** `and` and `or`: the parser reads them alike (the chain ranks them by their text). */
export const LogicalOperator = createToken({ name: "LogicalOperator", pattern: Lexer.NA });
const logicalWords = new Set<string>(["and", "or"]);
for (const word of reservedWords) {
  const categories = logicalWords.has(word) ? [LogicalOperator] : [];
  keywordTokens.set(word, createToken({ name: keywordTokenName(word), pattern: Lexer.NA, categories }));
}
for (const word of softWords) {
  const categories = timeUnitWords.has(word) ? [Name, TimeUnit] : [Name];
  keywordTokens.set(word, createToken({ name: keywordTokenName(word), pattern: Lexer.NA, categories }));
}

/** Keyword token types by word: `Kw.stage`, `Kw.and`. */
export const Kw = Object.fromEntries(keywordTokens) as Record<KeywordWord, TokenType>;

/** The token type of a keyword. */
export function kw(word: KeywordWord): TokenType {
  return Kw[word];
}

/** The keyword a token type stands for, if it is one. */
export function keywordOf(tokenType: TokenType): KeywordWord | undefined {
  return wordsByToken.get(tokenType);
}

const keywordTokenList = [...keywordTokens.values()];
const wordsByToken = new Map<TokenType, KeywordWord>([...keywordTokens].map(([word, token]) => [token, word as KeywordWord]));

// ---------------------------------------------------------------- operators and punctuation

const spellings = new Map<TokenType, string>();

/** An operator or punctuation token type: its spelling is its pattern. */
function symbol(name: string, spelling: string, categories: TokenType[] = []): TokenType {
  const tokenType = createToken({ name, pattern: new RegExp(spelling.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")), categories });
  spellings.set(tokenType, spelling);
  return tokenType;
}

/** How an operator or punctuation token is written (`->`, `==`, `{`); undefined for other tokens. */
export function spellingOf(tokenType: TokenType): string | undefined {
  return spellings.get(tokenType);
}

export const Arrow = symbol("Arrow", "->");
export const Range = symbol("Range", "..");
export const Equal = symbol("Equal", "==", [ComparisonOperator]);
export const NotEqual = symbol("NotEqual", "!=", [ComparisonOperator]);
export const LessEqual = symbol("LessEqual", "<=", [ComparisonOperator]);
export const GreaterEqual = symbol("GreaterEqual", ">=", [ComparisonOperator]);
export const Less = symbol("Less", "<", [ComparisonOperator]);
export const Greater = symbol("Greater", ">", [ComparisonOperator]);
export const Plus = symbol("Plus", "+", [AdditiveOperator]);
export const Minus = symbol("Minus", "-", [AdditiveOperator]);
export const Star = symbol("Star", "*", [MultiplicativeOperator]);
export const Slash = symbol("Slash", "/", [MultiplicativeOperator]);
export const Assign = symbol("Assign", "=");
export const Colon = symbol("Colon", ":");
export const Comma = symbol("Comma", ",");
export const LParen = symbol("LParen", "(");
export const RParen = symbol("RParen", ")");
export const LCurly = symbol("LCurly", "{");
export const RCurly = symbol("RCurly", "}");
export const LBracket = symbol("LBracket", "[");
export const RBracket = symbol("RBracket", "]");
export const Question = symbol("Question", "?");

/** Operators and punctuation, longer spellings before their prefixes (the order to try them in). */
export const operatorTokens: readonly TokenType[] = [
  Arrow, Range, Equal, NotEqual, LessEqual, GreaterEqual, Less, Greater,
  Plus, Minus, Star, Slash, Assign, Colon, Comma,
  LParen, RParen, LCurly, RCurly, LBracket, RBracket, Question,
];

/** Every token type the parser knows: those the scanner produces and the categories that group them. */
export const allTokens: readonly TokenType[] = [
  WhiteSpace, Comment, StringLiteral, BadString, DateTimeLiteral, DateLiteral, TimeOfDay, NumberLiteral,
  Identifier, DottedName, ...operatorTokens, ...keywordTokenList,
  Name, PathWord, TimeUnit, ComparisonOperator, AdditiveOperator, MultiplicativeOperator, SymbolOperator, LogicalOperator,
];

/** The words a quoted stage name follows (`stage "S"`, `open "S"`, `close "S"`, `move to "S"`, `is open "S"`). */
export const stageNameWords = ["stage", "open", "close", "to"] as const;
/** The words a quoted template name follows, by the kind of template the action sends. */
export const templateNameWords = {
  email: ["send email", "and email"],
  sms: ["send sms"],
  task: ["create task"],
  report: ["generate report", "request signature"],
} as const;

/** The words that start a declaration: the schema rules, workflows and tests are read against. */
export const declarationWords = ["calendar", "entity", "template", "team", "event"] as const;
/** Words that begin a top-level item (first on their line); the parser resynchronises on them. */
export const itemStartWords = [...declarationWords, "rule", "on", "workflow", "test"] as const;

export const declarationStartTokens: ReadonlySet<TokenType> = new Set(declarationWords.map((word) => Kw[word]));

export const itemStartTokens: ReadonlySet<TokenType> = new Set(itemStartWords.map((word) => Kw[word]));
