// The scanner against golden token streams (test/grammar/tokens/*.txt; a missing
// one fails, UPDATE_GOLDEN=1 rewrites them) and against the laws every scan
// obeys, on arbitrary text.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import type { IToken } from "chevrotain";
import { describe, expect, it } from "vitest";
import { lineStartsOf, positionAt } from "../../grammar/lines";
import { Scanner } from "../../grammar/scanner";
import { BadString, Identifier, keywordOf, Kw, spellingOf, StringLiteral } from "../../grammar/tokens";
import { fixture, scanAll } from "./helpers";

const goldenFolder = join(import.meta.dirname, "tokens");
const update = process.env.UPDATE_GOLDEN === "1";

const goldenCases: Array<{ name: string; text: string }> = [
  { name: "declarations", text: fixture("declarations.rules") },
  { name: "rules", text: fixture("rules.rules") },
  { name: "workflows", text: fixture("workflows.rules") },
  {
    name: "literals",
    text: [
      '"a\\"b" "\\u{1F600}" "\\u{110000}" "\\u{zz}" "\\q" "open \\',
      "2026-01-01T08:00:00.123+01:00 2026-01-01T08:00Z 2026-01-01 09:00 12:345 1.5 1..5 1.",
      "a.b.c a. a..b .x !x != -> - // c\r\nx\ry\n\uFEFF@#$ 'q' é",
      "days day dayspring email.send business_days stage_ _x",
      "a<=b>=c<d>e==f=g+h*i/j(k)[l]{m}n?o:p,q",
    ].join("\n"),
  },
];

/** Tokens, comments and unreadable runs in text order, one line each: offset, line:column, kind, text. */
function tokenStream(text: string): string {
  const { tokens, comments, errors } = scanAll(text);
  const lines = [
    ...[...tokens, ...comments].map((token) => ({ offset: token.startOffset, line: token.startLine, column: token.startColumn, kind: token.tokenType.name, text: token.image })),
    ...errors.map((error) => ({ ...error, kind: "unreadable", text: text.substr(error.offset, error.length) })),
  ].sort((a, b) => a.offset - b.offset);
  return lines.map((piece) => `${piece.offset} ${piece.line}:${piece.column} ${piece.kind} ${JSON.stringify(piece.text)}\n`).join("");
}

interface Piece {
  start: number;
  /** Just past the piece's last character. */
  end: number;
  text: string;
  token?: IToken;
}

/** Every piece the scanner read, tokens, comments and unreadable runs alike, by place. */
function piecesOf(text: string): Piece[] {
  const { tokens, comments, errors } = scanAll(text);
  return [
    ...[...tokens, ...comments].map((token) => ({ start: token.startOffset, end: token.endOffset! + 1, text: token.image, token })),
    ...errors.map((error) => ({ start: error.offset, end: error.offset + error.length, text: text.substr(error.offset, error.length) })),
  ].sort((a, b) => a.start - b.start);
}

function obeysTheLaws(text: string): void {
  const pieces = piecesOf(text);
  const lineStarts = lineStartsOf(text);
  let rebuilt = "";
  let at = 0;
  for (const piece of pieces) {
    // in order, without overlap, only whitespace between them, each non-empty and its own text
    expect(piece.start).toBeGreaterThanOrEqual(at);
    expect(text.slice(at, piece.start)).toMatch(/^[ \t\r\n\uFEFF]*$/);
    expect(piece.end).toBeGreaterThan(piece.start);
    expect(text.slice(piece.start, piece.end)).toBe(piece.text);
    rebuilt += text.slice(at, piece.start) + piece.text;
    at = piece.end;
    const token = piece.token;
    if (token === undefined) continue;
    // one line per token, its place agreeing with the text's lines
    const start = positionAt(lineStarts, token.startOffset);
    expect([token.startLine, token.startColumn, token.endLine]).toEqual([start.line, start.column, start.line]);
    expect(token.endColumn).toBe(token.startColumn! + token.image.length - 1);
    expect(token.tokenTypeIdx).toBe(token.tokenType.tokenTypeIdx);
    // its text is what its type stands for: a keyword's word, an operator's spelling, or all of its pattern
    const word = keywordOf(token.tokenType);
    const spelling = spellingOf(token.tokenType);
    if (word !== undefined) expect(token.image).toBe(word);
    else if (spelling !== undefined) expect(token.image).toBe(spelling);
    else expect(token.image).toMatch(new RegExp(`^(?:${(token.tokenType.PATTERN as RegExp).source})$`));
    if (token.tokenType === Identifier) expect(Object.keys(Kw)).not.toContain(token.image);
    if (token.tokenType === BadString) expect(token.image).not.toMatch(new RegExp(`^(?:${(StringLiteral.PATTERN as RegExp).source})$`));
  }
  expect(text.slice(at)).toMatch(/^[ \t\r\n\uFEFF]*$/);
  expect(rebuilt + text.slice(at)).toBe(text);
}

describe("scanner", () => {
  it.each(goldenCases)("reads $name as its golden token stream", ({ name, text }) => {
    const path = join(goldenFolder, `${name}.txt`);
    const actual = tokenStream(text);
    if (update) writeFileSync(path, actual);
    expect(existsSync(path), `${path} is missing (UPDATE_GOLDEN=1 writes it)`).toBe(true);
    expect(actual).toBe(readFileSync(path, "utf8"));
  });

  it.each(goldenCases)("obeys the laws on $name", ({ text }) => obeysTheLaws(text));

  it("reads a word as a keyword only when it is the whole word", () => {
    const kinds = scanAll("days dayspring email.send business_days stage_").tokens.map((token) => token.tokenType.name);
    expect(kinds).toEqual(["Kw_days", "Identifier", "DottedName", "Identifier", "Identifier"]);
  });

  it("obeys the laws on arbitrary text made of the language's characters", () => {
    const alphabet = fc.constantFrom(..."{}()[]\":,.->=<!?/\\ \n\r\tabdenopstuyT0123456789#'@Z+u\uFEFF".split(""));
    fc.assert(fc.property(fc.array(alphabet, { maxLength: 120 }).map((chars) => chars.join("")), obeysTheLaws), { numRuns: 400 });
  });

  it("obeys the laws on arbitrary unicode text", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 80 }), obeysTheLaws), { numRuns: 200 });
  });

  it("records where lines start as lineStartsOf counts them (LF, CRLF, lone CR)", () => {
    const alphabet = fc.constantFrom(..."ab \"\n\r\t/".split(""));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 80 }).map((chars) => chars.join("")), (text) => {
        const scanner = new Scanner(text);
        while (scanner.next() !== undefined);
        expect(scanner.lineStarts).toEqual(lineStartsOf(text));
      }),
      { numRuns: 300 },
    );
  });
});
