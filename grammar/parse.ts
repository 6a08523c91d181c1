// `parse`: text → syntax tree and syntax diagnostics, never throwing.
//
// Resilience at the top level: the token stream is cut before every word that
// starts a top-level item (`on`, `rule`, `entity`, … first on its line, and not a
// field name followed by `:`), and each piece is parsed on its own. A mistake can
// then only lose the item it is in; the items around it still parse, and Chevrotain's
// in-item recovery (single-token insertion/deletion, skipping to the next action,
// field or step) keeps as much of the broken item as it can.
import { NotAllInputParsedException, type IRecognitionException, type IToken } from "chevrotain";
import type { SourceFile, SourceRange, TopLevelItem } from "./ast";
import type { Diagnostic } from "./diagnostic";
import { badStringDiagnostic, commentOf, scanErrorDiagnostic } from "./lex";
import { describeFound } from "./messages";
import { StagecraftParser } from "./parser";
import { Scanner } from "./scanner";
import { lineStartsOf } from "./lines";
import { endOfText, tokenRange } from "./ranges";
import { BadString, Colon, itemStartTokens } from "./tokens";

export interface ParseResult {
  file: SourceFile;
  diagnostics: Diagnostic[];
}

let sharedParser: StagecraftParser | undefined;

function parser(): StagecraftParser {
  sharedParser ??= new StagecraftParser();
  return sharedParser;
}

const itemExpectation = "expected a declaration (calendar, entity, template, team, event), a rule (on …), a workflow or a test";

/**
 * The scanner's tokens cut into top-level items, one item at a time: a new item
 * starts at an item word first on its line, not after a `:` and not followed by
 * one (then it is a field name). The first item is whatever the text starts with.
 */
class ItemReader {
  // Up to two tokens scanned but not yet handed out (what `peek` looked at), in
  // fields rather than an array: this runs for every token of the file.
  private first: IToken | undefined;
  private second: IToken | undefined;
  private held = 0;
  /** SC0001 for strings that cannot be read, in text order. */
  readonly badStrings: Diagnostic[] = [];

  constructor(private readonly scanner: Scanner, private readonly path: string) {}

  private scan(): IToken | undefined {
    const token = this.scanner.next();
    if (token !== undefined && token.tokenType === BadString) this.badStrings.push(badStringDiagnostic(token, this.path)!);
    return token;
  }

  /** Drops the token `peek()` returned. */
  private advance(): void {
    this.first = this.second;
    this.second = undefined;
    this.held--;
  }

  private peek(): IToken | undefined {
    if (this.held === 0) {
      this.first = this.scan();
      this.held = 1;
    }
    return this.first;
  }

  private peekSecond(): IToken | undefined {
    this.peek();
    if (this.held === 1) {
      this.second = this.scan();
      this.held = 2;
    }
    return this.second;
  }

  /** The next item's tokens, or undefined at the end; `following` is then the first token after them. */
  nextItem(): IToken[] | undefined {
    const first = this.peek();
    if (first === undefined) return undefined;
    this.advance();
    const chunk = [first];
    let previous = first;
    for (let token = this.peek(); token !== undefined; token = this.peek()) {
      if (
        startsItem[token.tokenTypeIdx] === 1 &&
        previous.endLine !== token.startLine &&
        previous.tokenType !== Colon &&
        this.peekSecond()?.tokenType !== Colon
      ) break;
      this.advance();
      chunk.push(token);
      previous = token;
    }
    return chunk;
  }

  /** The token after the last item handed out. */
  following(): IToken | undefined {
    return this.peek();
  }
}

/** By token type index: 1 for the words that start a top-level item (a table: this is asked for every token). */
const startsItem = new Uint8Array(Math.max(...[...itemStartTokens].map((type) => type.tokenTypeIdx!)) + 1);
for (const type of itemStartTokens) startsItem[type.tokenTypeIdx!] = 1;

/** Reads the items of the text into `items`; the syntax diagnostics of the items. */
function parseItems(reader: ItemReader, text: string, path: string, items: TopLevelItem[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const p = parser();
  const rangeAt = (token: IToken, following: IToken | undefined): SourceRange => {
    if (!Number.isNaN(token.startOffset) && token.tokenType.name !== "EOF") return tokenRange(token);
    return following ? tokenRange(following) : endOfText(text);
  };
  const report = (code: string, message: string, range: SourceRange) =>
    diagnostics.push({ code, severity: "error", message, file: path, range });

  for (let chunk = reader.nextItem(); chunk !== undefined; chunk = reader.nextItem()) {
    const following = reader.following();
    if (!itemStartTokens.has(chunk[0]!.tokenType)) {
      report("SC0003", `${itemExpectation}, found ${describeFound(chunk[0]!)}; skipped to the next declaration`, tokenRange(chunk[0]!));
      continue;
    }
    p.input = chunk;
    p.problems = [];
    p.messages.followingToken = following;
    const found: Diagnostic[] = [];
    const note = (code: string, message: string, range: SourceRange) =>
      found.push({ code, severity: "error", message, file: path, range });
    try {
      while (!p.atEnd()) {
        const before = p.peek();
        const item = p.topLevelItem();
        if (item) items.push(item);
        if (p.atEnd()) break;
        const next = p.peek();
        if (next === before || !itemStartTokens.has(next.tokenType)) {
          note("SC0003", `the item ends before ${describeFound(next)}; skipped to the next declaration`, tokenRange(next));
          break;
        }
      }
    } catch (error) {
      // thousands of nested parentheses or ifs exhaust the stack: lose this item only
      if (!(error instanceof RangeError)) throw error;
      note("SC0003", "this item is nested too deeply to read; skipped to the next declaration", tokenRange(chunk[0]!));
    }
    for (const error of p.errors as IRecognitionException[]) {
      // each call reads one item and leaves the rest of the piece to the loop above
      if (error instanceof NotAllInputParsedException) continue;
      note("SC0002", error.message, rangeAt(error.token, following));
    }
    for (const problem of p.problems) note("SC0002", problem.message, rangeAt(problem.token, following));
    diagnostics.push(...withoutEchoes(found, chunk));
  }
  return diagnostics;
}

/** Index of the first token of `tokens` starting at or after `offset`. */
function tokenIndexAt(tokens: IToken[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (tokens[middle]!.startOffset < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Recovery can stumble again a token or two after a mistake; such a report only
 * echoes the first one, on the same line, and is left out.
 */
function withoutEchoes(found: Diagnostic[], chunk: IToken[]): Diagnostic[] {
  if (found.length < 2) return found;
  found.sort((a, b) => a.range.start.offset - b.range.start.offset);
  const kept: Diagnostic[] = [];
  let last: { line: number; index: number } | undefined;
  for (const diagnostic of found) {
    const index = tokenIndexAt(chunk, diagnostic.range.start.offset);
    if (last && last.line === diagnostic.range.start.line && index - last.index <= 3) continue;
    kept.push(diagnostic);
    last = { line: diagnostic.range.start.line, index };
  }
  return kept;
}

/** In text order, one per place (recovery can report the same token twice; the first report wins). */
function inTextOrder(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics
    .filter((d) => {
      const key = `${d.range.start.offset}:${d.code}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.range.start.offset - b.range.start.offset);
}

function parseUnguarded(text: string, path: string): ParseResult {
  const scanner = new Scanner(text);
  const reader = new ItemReader(scanner, path);
  const items: TopLevelItem[] = [];
  const diagnostics = parseItems(reader, text, path, items);
  const file: SourceFile = {
    kind: "SourceFile", path, items, comments: scanner.comments.map(commentOf), start: 0, end: text.length, lineStarts: scanner.lineStarts,
  };
  // unreadable characters, then bad strings, then syntax errors, before the sort by place
  const scanDiagnostics = scanner.errors.map((error) => scanErrorDiagnostic(error, text, path));
  return { file, diagnostics: inTextOrder([...scanDiagnostics, ...reader.badStrings, ...diagnostics]) };
}

/** Parse one `.rules` file. Never throws: an internal failure becomes a diagnostic. */
export function parse(text: string, path: string): ParseResult {
  // Chevrotain reports syntax errors as exceptions; nobody reads their stack
  // traces, and capturing them dominated the time on files with many errors.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parseUnguarded(text, path);
  } catch (error) {
    const start = { offset: 0, line: 1, column: 1 };
    return {
      file: { kind: "SourceFile", path, items: [], comments: [], start: 0, end: 0, lineStarts: lineStartsOf(text) },
      diagnostics: [{
        code: "SC0003",
        severity: "error",
        message: `the parser failed on this file (${error instanceof Error ? error.message : String(error)}); please report it`,
        file: path,
        range: { start, end: start },
      }],
    };
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}
