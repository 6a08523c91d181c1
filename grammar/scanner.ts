// A hand-written scanner producing exactly the tokens of the Chevrotain lexer in
// tokens.ts (test/grammar/scanner.test.ts checks they agree), several times faster
// on the 1 MB files the CLI checks. tokens.ts stays the definition: its patterns
// feed the editor's highlighting and serve as the reference.
import type { IToken, TokenType } from "chevrotain";
import {
  Arrow, Assign, BadString, Colon, Comma, Comment, DateLiteral, DateTimeLiteral, DottedName, Equal, Greater,
  GreaterEqual, Identifier, Kw, LBracket, LCurly, Less, LessEqual, LParen, Minus, NotEqual, NumberLiteral,
  operatorSpellings, Plus, Question, Range, RBracket, RCurly, RParen, Slash, Star, StringLiteral, TimeOfDay,
} from "./tokens";

export interface ScanError {
  offset: number;
  length: number;
  line: number;
  column: number;
}

export interface ScanResult {
  tokens: IToken[];
  comments: IToken[];
  errors: ScanError[];
}

const dateTimePattern = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?/y;
const datePattern = /\d{4}-\d{2}-\d{2}/y;
const timePattern = /\d{2}:\d{2}/y;
const numberPattern = /\d+(?:\.\d+)?/y;
const unicodeEscapePattern = /u\{[0-9A-Fa-f]{1,6}\}/y;

const OPENING_CURLY_QUOTE = 0x201c, CLOSING_CURLY_QUOTE = 0x201d;
const LF = 10, CR = 13, SPACE = 32, TAB = 9, BOM = 0xfeff, QUOTE = 34, BACKSLASH = 92, SLASH = 47, DOT = 46, STAR = 42;

// The scanner runs over every character of a file once, mostly before V8 has
// optimised it: character classes are table lookups and the hot loops call no
// helpers (a call per character is what a cold run pays for most).
const WORD_START = 1;
const WORD_PART = 2;
const charClass = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
  const digit = c >= 48 && c <= 57;
  charClass[c] = (letter ? WORD_START | WORD_PART : 0) | (digit ? WORD_PART : 0);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isWordStart(c: number): boolean {
  return c < 128 && (charClass[c]! & WORD_START) !== 0;
}

// Keywords by first character and length, so a word is matched against the few
// keywords it could be without first slicing it out of the text (most words of a
// rules file are keywords, and their slices would be garbage at once).
const MAX_KEYWORD_LENGTH = 32;
const keywordsByHead: Array<Array<[string, TokenType]> | undefined> = [];
for (const [word, tokenType] of Object.entries(Kw)) {
  if (word.length >= MAX_KEYWORD_LENGTH) throw new Error(`keyword "${word}" is too long for the scanner's keyword table`);
  const head = word.charCodeAt(0) * MAX_KEYWORD_LENGTH + word.length;
  (keywordsByHead[head] ??= []).push([word, tokenType]);
}

/** The keyword written at text[start, end), if it is one. */
function keywordAt(text: string, start: number, end: number): [string, TokenType] | undefined {
  const length = end - start;
  if (length >= MAX_KEYWORD_LENGTH) return undefined;
  const candidates = keywordsByHead[text.charCodeAt(start) * MAX_KEYWORD_LENGTH + length];
  if (candidates === undefined) return undefined;
  for (const candidate of candidates) if (text.startsWith(candidate[0], start)) return candidate;
  return undefined;
}

const singleCharTokens = new Map<number, TokenType>([
  [43, Plus], [42, Star], [58, Colon], [44, Comma], [40, LParen], [41, RParen],
  [123, LCurly], [125, RCurly], [91, LBracket], [93, RBracket], [63, Question],
]);

/** The operator or punctuation token starting at `at`, if any. */
function operatorAt(text: string, at: number): TokenType | undefined {
  const c = text.charCodeAt(at);
  const next = text.charCodeAt(at + 1);
  switch (c) {
    case 45: return next === 62 ? Arrow : Minus; // -> -
    case 46: return next === DOT ? Range : undefined; // ..
    case 61: return next === 61 ? Equal : Assign; // == =
    case 33: return next === 61 ? NotEqual : undefined; // !=
    case 60: return next === 61 ? LessEqual : Less; // <= <
    case 62: return next === 61 ? GreaterEqual : Greater; // >= >
    case SLASH: return Slash;
    default: return singleCharTokens.get(c);
  }
}

// Most tokens are keywords and punctuation; giving them one shared image string
// instead of a fresh slice each keeps a 1 MB file's tokens much lighter on the GC.
const fixedImages = operatorSpellings;

function matchAt(pattern: RegExp, text: string, at: number): number {
  pattern.lastIndex = at;
  return pattern.test(text) ? pattern.lastIndex - at : 0;
}

/** True when some token (or whitespace) can be read at `at`: there an error run ends. */
function somethingStartsAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return c === SPACE || c === TAB || c === LF || c === CR || c === BOM || c === QUOTE || c === OPENING_CURLY_QUOTE ||
    isDigit(c) || isWordStart(c) || operatorAt(text, at) !== undefined;
}

/**
 * A token as Chevrotain's lexer would make it (IToken), built by a constructor.
 * The scanner writes its fields again when it reuses it (see `Scanner.recycle`).
 */
class ScannedToken implements IToken {
  image!: string;
  startOffset!: number;
  endOffset!: number;
  startLine!: number;
  endLine!: number;
  startColumn!: number;
  endColumn!: number;
  tokenType!: TokenType;
  tokenTypeIdx!: number;

  constructor(image: string, startOffset: number, end: number, line: number, column: number, tokenType: TokenType) {
    this.set(image, startOffset, end, line, column, tokenType);
  }

  set(image: string, startOffset: number, end: number, line: number, column: number, tokenType: TokenType): void {
    // Tokens never contain a line break, so one line and column pair describes both ends.
    this.image = image;
    this.startOffset = startOffset;
    this.endOffset = end - 1;
    this.startLine = line;
    this.endLine = line;
    this.startColumn = column;
    this.endColumn = column + (end - startOffset) - 1;
    this.tokenType = tokenType;
    this.tokenTypeIdx = tokenType.tokenTypeIdx!;
  }
}

/**
 * Reads tokens one at a time, on demand. `parse` pulls one top-level item's tokens,
 * parses them and lets them go before reading on: tokens of a 1 MB file then die
 * young instead of all living (and being copied by the GC) until parsing ends.
 * Comments and unreadable characters are collected on the way.
 */
export class Scanner {
  readonly comments: IToken[] = [];
  readonly errors: ScanError[] = [];
  private offset = 0;
  private line = 1;
  private lineStart = 0;
  /** Where each line read so far starts (the file's `lineStarts`). */
  readonly lineStarts: number[] = [0];

  /** Tokens handed back by `recycle`, reused before new ones are made. */
  private readonly spare: ScannedToken[] = [];

  constructor(private readonly text: string) {}

  private token(tokenType: TokenType, start: number, end: number, image: string): IToken {
    const column = start - this.lineStart + 1;
    const token = this.spare.pop();
    if (token === undefined) return new ScannedToken(image, start, end, this.line, column, tokenType);
    token.set(image, start, end, this.line, column, tokenType);
    return token;
  }

  /**
   * Hands tokens back for reuse; the caller keeps no reference to any of them.
   * `parse` recycles each item's tokens once the item is read, so a 1 MB file is
   * read with a few dozen token objects instead of a quarter of a million.
   */
  recycle(tokens: readonly IToken[]): void {
    // indexed: for-of allocates a step result per token in code V8 has not optimised yet
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      if (token instanceof ScannedToken) this.spare.push(token);
    }
  }

  /** The next token for the parser, or undefined at the end of the text. */
  next(): IToken | undefined {
    const text = this.text;
    const length = text.length;
    let offset = this.offset;
    while (offset < length) {
      const c = text.charCodeAt(offset);
      if (c === SPACE || c === TAB || c === BOM) {
        offset++;
      } else if (c === LF || c === CR) {
        offset += c === CR && text.charCodeAt(offset + 1) === LF ? 2 : 1;
        this.line++;
        this.lineStart = offset;
        this.lineStarts.push(offset);
      } else if (isWordStart(c)) {
        const start = offset;
        let dotted = false;
        offset++;
        for (;;) {
          for (; offset < length; offset++) {
            const d = text.charCodeAt(offset);
            if (d >= 128 || (charClass[d]! & WORD_PART) === 0) break;
          }
          if (text.charCodeAt(offset) !== DOT || !isWordStart(text.charCodeAt(offset + 1))) break;
          dotted = true;
          offset += 2;
        }
        this.offset = offset;
        const keyword = dotted ? undefined : keywordAt(text, start, offset);
        if (keyword) return this.token(keyword[1], start, offset, keyword[0]);
        return this.token(dotted ? DottedName : Identifier, start, offset, text.slice(start, offset));
      } else if (c === QUOTE) {
        const start = offset;
        let wellFormed = true;
        offset++;
        for (;;) {
          const d = text.charCodeAt(offset);
          if (offset >= length || d === LF || d === CR) {
            wellFormed = false;
            break;
          }
          offset++;
          if (d === QUOTE) break;
          if (d !== BACKSLASH) continue;
          const e = text.charCodeAt(offset);
          if (offset >= length || e === LF || e === CR) {
            wellFormed = false;
          } else if (e === QUOTE || e === BACKSLASH || e === 110 || e === 116) {
            offset++;
          } else {
            const unicode = e === 117 ? matchAt(unicodeEscapePattern, text, offset) : 0;
            if (unicode === 0) wellFormed = false;
            offset += unicode || 1;
          }
        }
        this.offset = offset;
        return this.token(wellFormed ? StringLiteral : BadString, start, offset, text.slice(start, offset));
      } else if (c === OPENING_CURLY_QUOTE) {
        // “…”: read as a string, reported as one mistake (strings.ts says which)
        const start = offset;
        offset++;
        for (; offset < length; offset++) {
          const d = text.charCodeAt(offset);
          if (d === LF || d === CR) break;
          if (d === CLOSING_CURLY_QUOTE) {
            offset++;
            break;
          }
        }
        this.offset = offset;
        return this.token(BadString, start, offset, text.slice(start, offset));
      } else if (isDigit(c)) {
        const start = offset;
        let size = 0;
        let type: TokenType = NumberLiteral;
        if (text.charCodeAt(offset + 4) === 45 && (size = matchAt(dateTimePattern, text, offset)) > 0) type = DateTimeLiteral;
        else if (text.charCodeAt(offset + 4) === 45 && (size = matchAt(datePattern, text, offset)) > 0) type = DateLiteral;
        else if (text.charCodeAt(offset + 2) === 58 && (size = matchAt(timePattern, text, offset)) > 0) type = TimeOfDay;
        else size = matchAt(numberPattern, text, offset);
        offset += size;
        this.offset = offset;
        return this.token(type, start, offset, text.slice(start, offset));
      } else if (c === SLASH && text.charCodeAt(offset + 1) === SLASH) {
        const start = offset;
        while (offset < length && text.charCodeAt(offset) !== LF && text.charCodeAt(offset) !== CR) offset++;
        this.comments.push(this.token(Comment, start, offset, text.slice(start, offset)));
      } else if (c === SLASH && text.charCodeAt(offset + 1) === STAR) {
        // a comment of another language: one error up to its end (or the line's), not a run of operators
        const start = offset;
        const close = text.indexOf("*/", offset + 2);
        let end = offset + 2;
        while (end < length && text.charCodeAt(end) !== LF && text.charCodeAt(end) !== CR) end++;
        offset = close >= 0 && close + 2 <= end ? close + 2 : end;
        this.errors.push({ offset: start, length: offset - start, line: this.line, column: start - this.lineStart + 1 });
      } else {
        const operator = operatorAt(text, offset);
        if (operator) {
          const image = fixedImages.get(operator)!;
          this.offset = offset + image.length;
          return this.token(operator, offset, offset + image.length, image);
        }
        const start = offset;
        offset++;
        while (offset < length && !somethingStartsAt(text, offset)) offset++;
        this.errors.push({ offset: start, length: offset - start, line: this.line, column: start - this.lineStart + 1 });
      }
    }
    this.offset = offset;
    return undefined;
  }
}

export function scan(text: string): ScanResult {
  const scanner = new Scanner(text);
  const tokens: IToken[] = [];
  for (let token = scanner.next(); token !== undefined; token = scanner.next()) tokens.push(token);
  return { tokens, comments: scanner.comments, errors: scanner.errors };
}
