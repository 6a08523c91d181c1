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
import type { Diagnostic } from "./diagnostic";
import { lexSource } from "./lex";
import { describeFound } from "./messages";
import { StagecraftParser } from "./parser";
import { endOfText, tokenRange } from "./ranges";
import { Colon, itemStartTokens } from "./tokens";

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

/** Indices of tokens where a new top-level item starts. */
function itemStarts(tokens: IToken[]): number[] {
  const starts: number[] = [0];
  for (let i = 1; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (!itemStartTokens.has(token.tokenType)) continue;
    const previous = tokens[i - 1]!;
    if (previous.endLine === token.startLine || previous.tokenType === Colon) continue;
    if (tokens[i + 1]?.tokenType === Colon) continue;
    starts.push(i);
  }
  return starts;
}

interface ItemsResult {
  items: TopLevelItem[];
  diagnostics: Diagnostic[];
}

function parseItems(tokens: IToken[], text: string, path: string): ItemsResult {
  const items: TopLevelItem[] = [];
  const diagnostics: Diagnostic[] = [];
  if (tokens.length === 0) return { items, diagnostics };
  const p = parser();
  const rangeAt = (token: IToken, following: IToken | undefined): SourceRange => {
    if (!Number.isNaN(token.startOffset) && token.tokenType.name !== "EOF") return tokenRange(token);
    return following ? tokenRange(following) : endOfText(text);
  };
  const report = (code: string, message: string, range: SourceRange) =>
    diagnostics.push({ code, severity: "error", message, file: path, range });

  const starts = itemStarts(tokens);
  for (let s = 0; s < starts.length; s++) {
    const from = starts[s]!;
    const to = starts[s + 1] ?? tokens.length;
    const following = tokens[to];
    if (!itemStartTokens.has(tokens[from]!.tokenType)) {
      report("SC0003", `${itemExpectation}, found ${describeFound(tokens[from]!)}; skipped to the next declaration`, tokenRange(tokens[from]!));
      continue;
    }
    const chunk = tokens.slice(from, to);
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
      note("SC0002", error.message, rangeAt(error.token, following));
    }
    for (const problem of p.problems) note("SC0002", problem.message, rangeAt(problem.token, following));
    diagnostics.push(...withoutEchoes(found, chunk));
  }
  return { items, diagnostics };
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

/** One diagnostic per place: recovery can report the same token twice. */
function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.range.start.offset}:${d.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function parseUnguarded(text: string, path: string): ParseResult {
  const lexed = lexSource(text, path);
  const { items, diagnostics } = parseItems(lexed.tokens, text, path);
  const file: SourceFile = {
    kind: "SourceFile",
    path,
    items,
    comments: lexed.comments,
    range: { start: { offset: 0, line: 1, column: 1 }, end: endOfText(text).end },
  };
  const all = dedupe([...lexed.diagnostics, ...diagnostics]).sort((a, b) => a.range.start.offset - b.range.start.offset);
  return { file, diagnostics: all };
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
      file: { kind: "SourceFile", path, items: [], comments: [], range: { start, end: start } },
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
