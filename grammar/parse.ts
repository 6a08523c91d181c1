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
import type { Diagnostic } from "../diagnostics/diagnostic";
import { internalErrorDiagnostic } from "../diagnostics/internal";
import { diagnose } from "../diagnostics/message";
import { Diagnostics } from "../diagnostics/messages";
import { badStringDiagnostic, commentOf, scanErrorDiagnostic } from "./lex";
import { describeFound } from "./messages";
import { StagecraftParser } from "./parser";
import { Scanner, type ScanError } from "./scanner";
import { lineStartsOf } from "./lines";
import { endOfText, tokenRange } from "./ranges";
import { BadString, Colon, Identifier, itemStartTokens } from "./tokens";

export interface ParseResult {
  file: SourceFile;
  diagnostics: Diagnostic[];
}

type Diagnosed = ReturnType<typeof diagnose>;

let theParser: StagecraftParser | undefined;

/** The one parser instance (building one is slow): `parse` and content assist share it. */
export function sharedParser(): StagecraftParser {
  theParser ??= new StagecraftParser();
  return theParser;
}

const itemExpectation = "expected a declaration (calendar, entity, template, team, event), a rule (on …), a workflow or a test";

/**
 * The scanner's tokens cut into top-level items, one item at a time: a new item
 * starts at an item word first on its line, not after a `:` and not followed by
 * one (then it is a field name). The first item is whatever the text starts with.
 */
export class ItemReader {
  // Up to two tokens scanned but not yet handed out (what `peek` looked at), in
  // fields rather than an array: this runs for every token of the file.
  private first: IToken | undefined;
  private second: IToken | undefined;
  private held = 0;
  /** SC0001 for strings that cannot be read, in text order. */
  readonly badStrings: Diagnostic[] = [];

  constructor(readonly scanner: Scanner, private readonly path: string) {}

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
const startsItem = new Uint8Array([...itemStartTokens].reduce((most, type) => Math.max(most, type.tokenTypeIdx!), 0) + 1);
for (const type of itemStartTokens) startsItem[type.tokenTypeIdx!] = 1;

/** Reads the items of the text into `items`; the syntax diagnostics of the items. */
function parseItems(reader: ItemReader, text: string, path: string, items: TopLevelItem[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const p = sharedParser();
  const rangeAt = (token: IToken, following: IToken | undefined): SourceRange => {
    if (!Number.isNaN(token.startOffset) && token.tokenType.name !== "EOF") return tokenRange(token);
    return following ? tokenRange(following) : endOfText(text);
  };
  const report = (diagnosed: Diagnosed, range: SourceRange) => diagnostics.push({ ...diagnosed, file: path, range });

  // the rest of an item cut after a syntax error (see splitAfterError), read next
  let pending: IToken[] | undefined;
  const nextChunk = (): IToken[] | undefined => {
    const chunk = pending ?? reader.nextItem();
    pending = undefined;
    return chunk;
  };
  for (let chunk = nextChunk(); chunk !== undefined; chunk = nextChunk()) {
    let following = pending?.[0] ?? reader.following();
    if (!itemStartTokens.has(chunk[0]!.tokenType)) {
      report(diagnose(Diagnostics.NotAnItem, { expectation: itemExpectation, found: describeFound(chunk[0]!) }), tokenRange(chunk[0]!));
      continue;
    }
    let found: Diagnostic[] = [];
    const note = (diagnosed: Diagnosed, range: SourceRange) => found.push({ ...diagnosed, file: path, range });
    let read: TopLevelItem[] = [];
    for (;;) {
      p.input = chunk;
      p.problems = [];
      p.messages.followingToken = following;
      try {
        while (!p.atEnd()) {
          const before = p.peek();
          const item = p.topLevelItem();
          if (item) read.push(item);
          if (p.atEnd()) break;
          const next = p.peek();
          if (next === before || !itemStartTokens.has(next.tokenType)) {
            note(diagnose(Diagnostics.ItemEndsEarly, { found: describeFound(next) }), tokenRange(next));
            break;
          }
        }
      } catch (error) {
        // thousands of nested parentheses or ifs exhaust the stack: lose this item only
        if (!(error instanceof RangeError)) throw error;
        note(diagnose(Diagnostics.NestedTooDeeply), tokenRange(chunk[0]!));
      }
      for (const error of p.errors as IRecognitionException[]) {
        // each call reads one item and leaves the rest of the piece to the loop above
        if (error instanceof NotAllInputParsedException) continue;
        note(diagnose(Diagnostics.Expected, { expectation: error.message }), rangeAt(error.token, following));
      }
      for (const problem of p.problems) note(diagnose(Diagnostics.Expected, { expectation: problem.message }), rangeAt(problem.token, following));
      const cut = found.length === 0 ? -1 : splitAfterError(chunk, found);
      if (cut < 0) break;
      // read the part before the cut again on its own; the rest is the next item
      pending = chunk.slice(cut);
      chunk = chunk.slice(0, cut);
      following = pending[0];
      found = [];
      read = [];
    }
    for (const item of read) items.push(item);
    for (const diagnostic of withoutEchoes(found, chunk, reader.scanner.errors)) diagnostics.push(diagnostic);
  }
  return diagnostics;
}

/** Index of the first of `items` (in text order) starting at or after `offset`. */
function firstIndexAt<T>(items: readonly T[], offset: number, startOf: (item: T) => number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (startOf(items[middle]!) < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

const tokenStart = (token: IToken): number => token.startOffset;

/** Index of the first token of `tokens` starting at or after `offset`. */
function tokenIndexAt(tokens: IToken[], offset: number): number {
  return firstIndexAt(tokens, offset, tokenStart);
}

/**
 * Recovery can stumble again a token or two after a mistake; such a report only
 * echoes the first one, on the same line, and is left out. So is a report just
 * after characters the scanner could not read (`&&`, `!`): the parser never saw them.
 */
function withoutEchoes(found: Diagnostic[], chunk: IToken[], scanErrors: readonly ScanError[]): Diagnostic[] {
  if (found.length === 0) return found;
  found.sort((a, b) => a.range.start.offset - b.range.start.offset);
  const kept: Diagnostic[] = [];
  let last: { line: number; index: number } | undefined;
  const unread = scanErrorsIn(scanErrors, chunk[0]!.startOffset, chunk[chunk.length - 1]!.endOffset!);
  for (const diagnostic of found) {
    const index = tokenIndexAt(chunk, diagnostic.range.start.offset);
    if (last && last.line === diagnostic.range.start.line && index - last.index <= 3) continue;
    if (unread.some((error) => error.line === diagnostic.range.start.line && error.offset < diagnostic.range.start.offset && index - tokenIndexAt(chunk, error.offset) <= 1)) continue;
    kept.push(diagnostic);
    last = { line: diagnostic.range.start.line, index };
  }
  return kept;
}

/** The scanner's errors between two offsets (they are in text order). */
function scanErrorsIn(errors: readonly ScanError[], from: number, to: number): readonly ScanError[] {
  const low = firstIndexAt(errors, from, (error) => error.offset);
  let end = low;
  while (end < errors.length && errors[end]!.offset <= to) end++;
  return errors.slice(low, end);
}

/**
 * Where to cut an item that has a syntax error: at a later line that starts in
 * the first column with a plain name, as `deal settings` or `On deal created`
 * do. Such a line is not how an item goes on (continuations are indented or start
 * with a keyword or a symbol), so its own mistakes are reported rather than lost
 * in the broken item. -1 when there is no such line.
 */
function splitAfterError(chunk: IToken[], found: Diagnostic[]): number {
  let firstError = Infinity;
  for (const diagnostic of found) firstError = Math.min(firstError, diagnostic.range.start.offset);
  for (let i = 1; i < chunk.length; i++) {
    const token = chunk[i]!;
    if (token.startOffset <= firstError || token.tokenType !== Identifier || token.startColumn !== 1) continue;
    // a field name (`status: text`) goes on a declaration's block, as when items are cut
    if (chunk[i - 1]!.endLine !== token.startLine && chunk[i + 1]?.tokenType !== Colon) return i;
  }
  return -1;
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
    return {
      file: { kind: "SourceFile", path, items: [], comments: [], start: 0, end: 0, lineStarts: lineStartsOf(text) },
      diagnostics: [internalErrorDiagnostic("parser", error, path, "Nothing of this file was checked.")],
    };
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}
