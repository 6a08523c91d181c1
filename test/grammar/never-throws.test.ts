// Properties: parse never throws, on arbitrary text or on valid programs with
// tokens deleted, inserted or duplicated, and every diagnostic range lies inside
// the text with start <= end and line:col agreeing with the offset.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse, type SourcePosition } from "../../grammar/index";
import { fixture } from "./helpers";

const program = [fixture("declarations.rules"), fixture("rules.rules"), fixture("workflows.rules")].join("\n");

// Words, quoted names and punctuation of the program, with the whitespace before each.
const pieces = program.match(/\s*("[^"\n]*"|[A-Za-z_][\w.]*|\d[\d:.\-T+Z]*|\/\/[^\n]*|->|==|!=|<=|>=|\.\.|\S)/g)!;

const insertable = ["{", "}", "(", ")", "[", "]", '"', "->", ":", ",", "on", "stage", "when", "entity", "\n", "#", "1", '"x"', "after", "2026-01-01", "09:00", "//"];

function positionIsConsistent(text: string, position: SourcePosition): boolean {
  const before = text.slice(0, position.offset);
  const line = before.split("\n").length;
  const column = position.offset - (before.lastIndexOf("\n") + 1) + 1;
  return position.line === line && position.column === column;
}

function checkResult(text: string): void {
  const { file, diagnostics } = parse(text, "fuzz.rules");
  expect(file.kind).toBe("SourceFile");
  // parse() turns an internal exception into a diagnostic; none may happen
  expect(diagnostics.filter((d) => d.message.startsWith("the parser failed"))).toEqual([]);
  for (const item of file.items) {
    expect(item.start).toBeGreaterThanOrEqual(0);
    expect(item.end).toBeLessThanOrEqual(text.length);
    expect(item.start).toBeLessThanOrEqual(item.end);
    // never NaN, even for what recovery invents (a NaN would also slow every later node down)
    expect(Number.isInteger(item.start) && Number.isInteger(item.end)).toBe(true);
  }
  for (const d of diagnostics) {
    expect(d.range.start.offset).toBeGreaterThanOrEqual(0);
    expect(d.range.end.offset).toBeLessThanOrEqual(text.length);
    expect(d.range.start.offset).toBeLessThanOrEqual(d.range.end.offset);
    expect(positionIsConsistent(text, d.range.start)).toBe(true);
    expect(d.code).toMatch(/^SC000[123]$/);
    expect(d.message.length).toBeGreaterThan(0);
  }
}

describe("parse never throws", () => {
  it("on arbitrary strings", () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (text) => checkResult(text)), { numRuns: 300 });
  });

  it("on strings built from the language's own characters", () => {
    const alphabet = fc.constantFrom(..."{}()[]\":,.->=<!?/ \n\tabdenopstwy0123456789#'\\".split(""));
    fc.assert(fc.property(fc.array(alphabet, { maxLength: 200 }).map((chars) => chars.join("")), (text) => checkResult(text)), {
      numRuns: 300,
    });
  });

  it("on valid programs with tokens deleted, inserted or duplicated", () => {
    const edit = fc.record({
      at: fc.nat({ max: pieces.length - 1 }),
      kind: fc.constantFrom("delete", "insert", "duplicate"),
      piece: fc.constantFrom(...insertable),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
        const mutated = [...pieces];
        for (const { at, kind, piece } of edits) {
          const index = Math.min(at, mutated.length - 1);
          if (kind === "delete") mutated.splice(index, 1);
          else if (kind === "insert") mutated.splice(index, 0, ` ${piece}`);
          else mutated.splice(index, 0, mutated[index] ?? "");
        }
        checkResult(mutated.join(""));
      }),
      { numRuns: 200 },
    );
  });

  it("reproduces the program exactly from its pieces (so the mutations above start from valid text)", () => {
    expect(pieces.join("").trimEnd()).toBe(program.trimEnd());
    expect(parse(program, "all.rules").diagnostics).toEqual([]);
  });
});
