// The CLI builds the parser without Chevrotain's grammar validations (they cost
// startup time on every run); this test runs them, so a grammar mistake
// (ambiguous alternatives, left recursion, a duplicate rule) still fails the build.
import { describe, expect, it } from "vitest";
import { StagecraftParser } from "../../grammar/parser";

describe("grammar validation", () => {
  it("the grammar passes Chevrotain's self-analysis validations", () => {
    // performSelfAnalysis throws "Parser Definition Errors detected" when one fails
    expect(() => new StagecraftParser({ validateGrammar: true })).not.toThrow();
  });
});
