// The lexer's token types. Keywords are SOFT unless an expression needs them:
// a soft keyword belongs to the `Name` category, so `email`, `task` or `stage`
// still work as field and entity names, while the parser asks for the keyword
// itself only where the keyword is meant.
import { createToken, Lexer, type IToken, type TokenType } from "chevrotain";

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

/**
 * Every word is matched by this one pattern, dots included, then retyped as a
 * keyword, a DottedName or left an Identifier (scanner.ts as it reads; `classifyWords`
 * for the reference lexer). One pattern per word instead of one per keyword keeps
 * lexing fast on large files.
 */
export const Identifier = createToken({
  name: "Identifier",
  pattern: /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/,
  categories: [Name],
});

/** `invoice.paid`, `contact.name`, `event.amount`: one token, split into segments by the parser. */
export const DottedName = createToken({ name: "DottedName", pattern: Lexer.NA, categories: [PathWord] });

export const WhiteSpace = createToken({
  name: "WhiteSpace",
  pattern: /[ \t\r\n\uFEFF]+/,
  group: Lexer.SKIPPED,
  line_breaks: true,
});

/** Kept out of the parser's way but collected for the formatter. */
export const Comment = createToken({
  name: "Comment",
  pattern: /\/\/[^\r\n]*/,
  group: "comments",
});

export const StringLiteral = createToken({
  name: "StringLiteral",
  pattern: /"(?:[^"\\\r\n]|\\["\\nt]|\\u\{[0-9A-Fa-f]{1,6}\})*"/,
});

/**
 * A string that is unterminated, has an unknown escape or is in curly quotes
 * (“…”, as word processors write them). The parser takes it as a string (so one
 * typo does not derail the item) and the lexer step reports SC0001.
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
  "create", "task", "for", "activity", "assign", "from", "round", "robin", "least", "loaded",
  "set", "with", "generate", "report", "request", "signature", "notify",
  // workflows
  "per", "reentry", "enroll", "wait", "until", "timeout", "if", "else", "stop",
  // tests
  "expect", "no",
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

/** Retypes lexed words in place: keywords get their own type, dotted words become DottedName. */
export function classifyWords(tokens: IToken[]): void {
  const identifierIdx = Identifier.tokenTypeIdx;
  for (const token of tokens) {
    if (token.tokenTypeIdx !== identifierIdx) continue;
    const type = token.image.includes(".") ? DottedName : keywordTokens.get(token.image);
    if (type) {
      token.tokenType = type;
      token.tokenTypeIdx = type.tokenTypeIdx!;
    }
  }
}

// ---------------------------------------------------------------- operators and punctuation

const spellings = new Map<TokenType, string>();

/** A token written one fixed way; its spelling is kept for the scanner, messages and the editor. */
function fixed(name: string, spelling: string, categories: TokenType[] = []): TokenType {
  const pattern = new RegExp(spelling.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"));
  const token = createToken({ name, pattern, categories });
  spellings.set(token, spelling);
  return token;
}

export const Arrow = fixed("Arrow", "->");
export const Range = fixed("Range", "..");
export const Equal = fixed("Equal", "==", [ComparisonOperator]);
export const NotEqual = fixed("NotEqual", "!=", [ComparisonOperator]);
export const LessEqual = fixed("LessEqual", "<=", [ComparisonOperator]);
export const GreaterEqual = fixed("GreaterEqual", ">=", [ComparisonOperator]);
export const Less = fixed("Less", "<", [ComparisonOperator]);
export const Greater = fixed("Greater", ">", [ComparisonOperator]);
export const Plus = fixed("Plus", "+", [AdditiveOperator]);
export const Minus = fixed("Minus", "-", [AdditiveOperator]);
export const Star = fixed("Star", "*", [MultiplicativeOperator]);
export const Slash = fixed("Slash", "/", [MultiplicativeOperator]);
export const Assign = fixed("Assign", "=");
export const Colon = fixed("Colon", ":");
export const Comma = fixed("Comma", ",");
export const LParen = fixed("LParen", "(");
export const RParen = fixed("RParen", ")");
export const LCurly = fixed("LCurly", "{");
export const RCurly = fixed("RCurly", "}");
export const LBracket = fixed("LBracket", "[");
export const RBracket = fixed("RBracket", "]");
export const Question = fixed("Question", "?");

/** How each operator and punctuation token is written (`Arrow` → `->`): the one list of their spellings. */
export const operatorSpellings: ReadonlyMap<TokenType, string> = spellings;

/** Operators and punctuation in lexing order (longer spellings first). */
export const operatorTokens: readonly TokenType[] = [
  Arrow, Range, Equal, NotEqual, LessEqual, GreaterEqual, Less, Greater,
  Plus, Minus, Star, Slash, Assign, Colon, Comma,
  LParen, RParen, LCurly, RCurly, LBracket, RBracket, Question,
];

/** Every token type in the order the lexer tries them. */
export const allTokens: readonly TokenType[] = [
  WhiteSpace,
  Comment, // before Slash
  StringLiteral,
  BadString,
  DateTimeLiteral,
  DateLiteral,
  TimeOfDay,
  NumberLiteral,
  Identifier,
  ...operatorTokens,
  // never matched by the lexer itself (see classifyWords), but the parser must know them
  DottedName,
  ...keywordTokenList,
  Name, PathWord, TimeUnit, ComparisonOperator, AdditiveOperator, MultiplicativeOperator, SymbolOperator, LogicalOperator,
];

let referenceLexer: Lexer | undefined;

/**
 * The Chevrotain lexer these token types define. `parse` uses the faster
 * hand-written scanner (scanner.ts); this one is the reference it is tested against.
 */
export function stagecraftLexer(): Lexer {
  referenceLexer ??= new Lexer(allTokens as TokenType[], { positionTracking: "full", ensureOptimizations: true });
  return referenceLexer;
}

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
