// checkSources must survive anything an editor can hold: arbitrary text, and
// valid programs with pieces cut, duplicated or swapped. It never throws, and no
// check crashes on a half-parsed tree (SC2999 would say one did).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkSources } from "../../../compiler/check";
import { extraDeclarations, section1, section2, section3, section4 } from "./languageExamples";

const program = section2 + extraDeclarations + section1 + section3 + section4;
const fragments = ['"', "{", "}", "->", "on", "stage", "when", ".", "(", ")", "[", "]", "==", "and", "after", "0", "-1", "none", "event.", "per", "\n", "workflow", "test"];

function checkedWithoutCrash(text: string): void {
  const result = checkSources([{ path: "fuzz.rules", text }]);
  expect(result.diagnostics.filter((d) => d.code === "SC2999").map((d) => d.message)).toEqual([]);
}

describe("checkSources on any input", () => {
  it("never crashes on arbitrary text", () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), checkedWithoutCrash), { numRuns: 150 });
  });

  it("never crashes on mutated valid programs", () => {
    const mutation = fc.record({
      at: fc.nat({ max: program.length }),
      length: fc.nat({ max: 40 }),
      insert: fc.constantFrom(...fragments),
      kind: fc.constantFrom("cut", "insert", "duplicate"),
    });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        let text = program;
        for (const { at, length, insert, kind } of mutations) {
          const start = Math.min(at, text.length);
          if (kind === "cut") text = text.slice(0, start) + text.slice(start + length);
          else if (kind === "insert") text = text.slice(0, start) + insert + text.slice(start);
          else text = text.slice(0, start) + text.slice(start, start + length) + text.slice(start);
        }
        checkedWithoutCrash(text);
      }),
      { numRuns: 150 },
    );
  });
});
