// The hand-written scanner must read exactly what the Chevrotain lexer defined in
// tokens.ts reads: same tokens, types, positions, comments and errors.
import fc from "fast-check";
import type { IToken } from "chevrotain";
import { describe, expect, it } from "vitest";
import { lineStartsOf } from "../../grammar/lines";
import { scan, Scanner } from "../../grammar/scanner";
import { classifyWords, stagecraftLexer } from "../../grammar/tokens";
import { fixture } from "./helpers";

function shape(token: IToken): string {
  return [token.tokenType.name, JSON.stringify(token.image), token.startOffset, token.endOffset, token.startLine,
    token.startColumn, token.endLine, token.endColumn, token.tokenTypeIdx].join(" ");
}

function agree(text: string): void {
  const reference = stagecraftLexer().tokenize(text);
  classifyWords(reference.tokens);
  const fast = scan(text);
  expect(fast.tokens.map(shape)).toEqual(reference.tokens.map(shape));
  expect(fast.comments.map(shape)).toEqual((reference.groups["comments"] ?? []).map(shape));
  expect(fast.errors).toEqual(reference.errors.map(({ offset, length, line, column }) => ({ offset, length, line, column })));
}

describe("scanner", () => {
  it("agrees with the reference lexer on the language reference examples", () => {
    agree([fixture("declarations.rules"), fixture("rules.rules"), fixture("workflows.rules")].join("\n"));
  });

  it("agrees on tricky literals, escapes and line ends", () => {
    agree([
      '"a\\"b" "\\u{1F600}" "\\u{110000}" "\\u{zz}" "\\q" "open \\',
      "2026-01-01T08:00:00.123+01:00 2026-01-01T08:00Z 2026-01-01 09:00 12:345 1.5 1..5 1.",
      "a.b.c a. a..b .x !x != -> - // c\r\nx\ry\n\uFEFF@#$ 'q' é",
      "days day dayspring email.send business_days stage_ _x",
    ].join("\n"));
  });

  it("agrees on arbitrary text made of the language's characters", () => {
    const alphabet = fc.constantFrom(..."{}()[]\":,.->=<!?/\\ \n\r\tabdenopstuyT0123456789#'@Z+u".split(""));
    fc.assert(fc.property(fc.array(alphabet, { maxLength: 120 }).map((chars) => chars.join("")), agree), { numRuns: 400 });
  });

  it("agrees on arbitrary unicode text", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 80 }), agree), { numRuns: 200 });
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
