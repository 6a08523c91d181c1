// `parse`: text → syntax tree and syntax diagnostics, never throwing.
//
// Resilience at the top level: the token stream is cut before every word that
// starts a top-level item (`on`, `rule`, `entity`, … first on its line, and not a
// field name followed by `:`), and each piece is parsed on its own. A mistake can
// then only lose the item it is in; the items around it still parse, and Chevrotain's
// in-item recovery (single-token insertion/deletion, skipping to the next action,
// field or step) keeps as much of the broken item as it can.
import type { IRecognitionException, IToken } from "chevrotain";
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
import { BadString, Colon, declarationStartTokens, Identifier, itemStartTokens } from "./tokens";

export interface ParseResult {
  file: SourceFile;
  diagnostics: Diagnostic[];
  /**
   * Set when the parser gave up on part of the text for a reason of its own rather
   * than of the text: it failed, or an item nested beyond what the stack holds
   * (which depends on how deep the caller already is). Reading the same text from
   * elsewhere may then read more of it.
   */
  gaveUp?: true;
}

type Diagnosed = ReturnType<typeof diagnose>;

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
const startsItem = new Uint8Array(Math.max(...[...itemStartTokens].map((type) => type.tokenTypeIdx!)) + 1);
for (const type of itemStartTokens) startsItem[type.tokenTypeIdx!] = 1;

/** Receives each top-level item as soon as it is read, with the file it is in (whose line starts cover it by then). */
export type ItemHandler = (item: TopLevelItem, file: SourceFile) => void;

/**
 * Which items a read parses: all of them, only the declarations (the pieces of
 * text starting with calendar, entity, template, team or event), or only the
 * others. The two parts together read what one whole read does; the part with
 * the declarations also reports what the scanner found (bad characters and strings)
 * and text that starts no item.
 */
export type ItemSelection = "all" | "declarations" | "others";

/** An item of the declarations' part (`ItemSelection`): what rules, workflows and tests are read against. */
export function isDeclarationItem(item: TopLevelItem): boolean {
  switch (item.kind) {
    case "CalendarDecl":
    case "EntityDecl":
    case "TemplateDecl":
    case "TeamDecl":
    case "EventDecl":
      return true;
    default:
      return false;
  }
}

/** By token type index: 1 for the words that start a declaration. */
const startsDeclaration = new Uint8Array(startsItem.length);
for (const type of declarationStartTokens) startsDeclaration[type.tokenTypeIdx!] = 1;

interface ItemsRead {
  diagnostics: Diagnostic[];
  /** An item nested beyond what the stack holds was skipped. */
  tooDeep: boolean;
}

/** Reads the selected items of the text, handing each to `emit`. */
function parseItems(reader: ItemReader, text: string, path: string, selection: ItemSelection, emit: (item: TopLevelItem) => void): ItemsRead {
  const diagnostics: Diagnostic[] = [];
  let tooDeep = false;
  const p = parser();
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
  for (let chunk = nextChunk(), cutOff = false; chunk !== undefined; cutOff = pending !== undefined, chunk = nextChunk()) {
    let following = pending?.[0] ?? reader.following();
    // the rest of a cut item belongs to the part that read the item
    if (selection !== "all" && !cutOff) {
      // text that starts no item is reported by the declarations' part
      const declarationsPart = startsDeclaration[chunk[0]!.tokenTypeIdx] === 1 || !itemStartTokens.has(chunk[0]!.tokenType);
      if (declarationsPart !== (selection === "declarations")) {
        reader.scanner.recycle(chunk);
        continue;
      }
    }
    if (!itemStartTokens.has(chunk[0]!.tokenType)) {
      report(diagnose(Diagnostics.NotAnItem, { expectation: itemExpectation, found: describeFound(chunk[0]!) }), tokenRange(chunk[0]!));
      reader.scanner.recycle(chunk);
      continue;
    }
    let found: Diagnostic[] = [];
    const note = (diagnosed: Diagnosed, range: SourceRange) => found.push({ ...diagnosed, file: path, range });
    // handed on after the guard below: a stack overflow in the receiver is not this item's nesting
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
        tooDeep = true;
        note(diagnose(Diagnostics.NestedTooDeeply), tokenRange(chunk[0]!));
      }
      for (const error of p.errors as IRecognitionException[]) {
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
    diagnostics.push(...withoutEchoes(found, chunk, reader.scanner.errors));
    // nothing refers to this item's tokens any more: its nodes hold offsets, its
    // diagnostics ranges (`following` is the next item's and is not recycled)
    reader.scanner.recycle(chunk);
    for (const item of read) emit(item);
  }
  return { diagnostics, tooDeep };
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

function parseUnguarded(text: string, path: string, onItem: ItemHandler | undefined, selection: ItemSelection): ParseResult {
  const scanner = new Scanner(text);
  const reader = new ItemReader(scanner, path);
  // the scanner's line starts, growing as it reads: a receiver of streamed items can place them
  const file: SourceFile = { kind: "SourceFile", path, items: [], comments: [], start: 0, end: text.length, lineStarts: scanner.lineStarts };
  const emit = onItem === undefined ? (item: TopLevelItem) => file.items.push(item) : (item: TopLevelItem) => onItem(item, file);
  const { diagnostics, tooDeep } = parseItems(reader, text, path, selection, emit);
  file.comments = scanner.comments.map(commentOf);
  // as lexSource orders them: unreadable characters, then bad strings
  const lexDiagnostics = selection === "others" ? [] : scanner.errors.map((error) => scanErrorDiagnostic(error, text, path));
  if (selection !== "others") lexDiagnostics.push(...reader.badStrings);
  const all = inTextOrder([...lexDiagnostics, ...diagnostics]);
  return tooDeep ? { file, diagnostics: all, gaveUp: true } : { file, diagnostics: all };
}

/** Parse one `.rules` file. Never throws: an internal failure becomes a diagnostic. */
export function parse(text: string, path: string): ParseResult {
  return guarded(text, path, undefined, "all");
}

/**
 * Parse one `.rules` file, handing each top-level item to `onItem` as soon as it
 * is read instead of keeping it in `file.items` (which stays empty): a receiver
 * that is done with an item can let it go, so a large file is never held whole.
 * Items, diagnostics and their order are exactly those of `parse`; with a
 * `selection`, those of its part (`mergeParts` joins the two parts' diagnostics).
 * An exception thrown by `onItem` stops the handing on and is thrown again once
 * parsing ends.
 */
export function parseEach(text: string, path: string, onItem: ItemHandler, selection: ItemSelection = "all"): ParseResult {
  let failure: { error: unknown } | undefined;
  const result = guarded(text, path, (item, file) => {
    if (failure !== undefined) return;
    try {
      onItem(item, file);
    } catch (error) {
      failure = { error };
    }
  }, selection);
  if (failure !== undefined) throw failure.error;
  return result;
}

/** The diagnostics of a file read in two parts (declarations, then others), as one whole read orders them. */
export function mergeParts(declarations: Diagnostic[], others: Diagnostic[]): Diagnostic[] {
  return inTextOrder([...declarations, ...others]);
}

function guarded(text: string, path: string, onItem: ItemHandler | undefined, selection: ItemSelection): ParseResult {
  // Chevrotain reports syntax errors as exceptions; nobody reads their stack
  // traces, and capturing them dominated the time on files with many errors.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parseUnguarded(text, path, onItem, selection);
  } catch (error) {
    return {
      gaveUp: true,
      file: { kind: "SourceFile", path, items: [], comments: [], start: 0, end: 0, lineStarts: lineStartsOf(text) },
      diagnostics: [internalErrorDiagnostic("parser", error, path, "Nothing of this file was checked.")],
    };
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}
