// The lexer: text → the tokens the parser reads (Chevrotain's IToken, typed by
// tokens.ts), comments, and runs of characters no token starts with. Written by
// hand rather than generated from the token patterns: a word is read once and
// then looked up among the keywords, where a pattern per keyword would try each.
// The literal patterns it does use are the token types' own (tokens.ts).
import type { IToken, TokenType } from "chevrotain";
import {
  BadString, Comment, DateLiteral, DateTimeLiteral, DottedName, Identifier, Kw, NumberLiteral, operatorTokens, spellingOf,
  StringLiteral, TimeOfDay, unicodeEscape,
} from "./tokens";

export interface ScanError {
  offset: number;
  length: number;
  line: number;
  column: number;
}

/** The token type's pattern, anchored where `matchAt` starts it. */
function sticky(tokenType: TokenType): RegExp {
  const pattern = tokenType.PATTERN;
  if (!(pattern instanceof RegExp)) throw new Error(`token type ${tokenType.name} has no pattern to scan with`);
  return new RegExp(pattern.source, "y");
}

const dateTimePattern = sticky(DateTimeLiteral);
const datePattern = sticky(DateLiteral);
const timePattern = sticky(TimeOfDay);
const numberPattern = sticky(NumberLiteral);
const wordPattern = sticky(Identifier);
const unicodeEscapePattern = new RegExp(unicodeEscape, "y");

const OPENING_CURLY_QUOTE = 0x201c, CLOSING_CURLY_QUOTE = 0x201d;
const LF = 10, CR = 13, SPACE = 32, TAB = 9, BOM = 0xfeff, QUOTE = 34, BACKSLASH = 92, SLASH = 47, DOT = 46, STAR = 42;

// The scanner runs over every character of a file once, mostly before V8 has
// optimised it: runs of word characters are matched by the regular expression
// engine (native code) rather than a loop per character, and the classes of
// single characters are plain comparisons.
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isWordStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
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

// Operators by their first character (all are ASCII), longer spellings first (`->` before `-`).
const operatorsByHead: Array<Array<[string, TokenType]> | undefined> = [];
for (const tokenType of operatorTokens) {
  const spelling = spellingOf(tokenType)!;
  const candidates = (operatorsByHead[spelling.charCodeAt(0)] ??= []);
  candidates.push([spelling, tokenType]);
  candidates.sort((x, y) => y[0].length - x[0].length);
}

/** The operator or punctuation written at `at` (its spelling and type), if any. */
function operatorAt(text: string, at: number): [string, TokenType] | undefined {
  const candidates = operatorsByHead[text.charCodeAt(at)];
  if (candidates === undefined) return undefined;
  for (let i = 0; i < candidates.length; i++) {
    const candidate = candidates[i]!;
    if (candidate[0].length === 1 || text.startsWith(candidate[0], at)) return candidate;
  }
  return undefined;
}

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

/** A token as the parser reads it (Chevrotain's IToken), built by a constructor so all share one shape. */
class ScannedToken implements IToken {
  readonly endOffset: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly tokenTypeIdx: number;

  constructor(
    readonly image: string,
    readonly startOffset: number,
    end: number,
    readonly startLine: number,
    readonly startColumn: number,
    readonly tokenType: TokenType,
  ) {
    // Tokens never contain a line break, so one line and column pair describes both ends.
    this.endOffset = end - 1;
    this.endLine = startLine;
    this.endColumn = startColumn + (end - startOffset) - 1;
    this.tokenTypeIdx = tokenType.tokenTypeIdx!;
  }
}

/**
 * Reads tokens one at a time, on demand: `parse` pulls one top-level item's
 * tokens at a time and parses them before reading on. Comments and unreadable
 * characters are collected on the way.
 */
export class Scanner {
  readonly comments: IToken[] = [];
  readonly errors: ScanError[] = [];
  private offset = 0;
  private line = 1;
  private lineStart = 0;
  /** Where each line read so far starts (the file's `lineStarts`). */
  readonly lineStarts: number[] = [0];

  constructor(private readonly text: string) {}

  private token(tokenType: TokenType, start: number, end: number, image: string): IToken {
    return new ScannedToken(image, start, end, this.line, start - this.lineStart + 1, tokenType);
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
        offset += matchAt(wordPattern, text, offset);
        while (text.charCodeAt(offset) === DOT && isWordStart(text.charCodeAt(offset + 1))) {
          dotted = true;
          offset += 1 + matchAt(wordPattern, text, offset + 1);
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
          const [spelling, tokenType] = operator;
          this.offset = offset + spelling.length;
          return this.token(tokenType, offset, offset + spelling.length, spelling);
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
