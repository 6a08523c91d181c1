// checkSources must survive anything an editor can hold: arbitrary text, and
// valid programs with pieces cut, duplicated or swapped. It never throws, and no
// check crashes on a half-parsed tree (SC9999, the internal error, would say one did).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkSources } from "../../../compiler/check";
import { mutatedProgram } from "../mutations";
import { extraDeclarations, section1, section2, section3, section4 } from "./language-examples";

const program = section2 + extraDeclarations + section1 + section3 + section4;
const fragments = ['"', "{", "}", "->", "on", "stage", "when", ".", "(", ")", "[", "]", "==", "and", "after", "0", "-1", "none", "event.", "per", "\n", "workflow", "test"];

function checkedWithoutCrash(text: string): void {
  const result = checkSources([{ path: "fuzz.rules", text }]);
  expect(result.diagnostics.filter((d) => d.code === "SC9999").map((d) => d.message)).toEqual([]);
}

describe("checkSources on any input", () => {
  it("never crashes on arbitrary text", () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), checkedWithoutCrash), { numRuns: 150 });
  });

  it("never crashes on mutated valid programs", () => {
    fc.assert(fc.property(mutatedProgram(program, fragments, 4), checkedWithoutCrash), { numRuns: 150 });
  });
});
