// Lowering only sees checked programs; when checker and lowering disagree (a
// compiler bug), the error says where in which file, so the bug can be reported.
import { describe, expect, it } from "vitest";
import { checkSources, LoweringError, lowerProgram } from "../../../compiler/index";

describe("lowering errors", () => {
  it("name the file, line and column of the node that could not be lowered", () => {
    // a list as a whole condition: the checker rejects it; lowering it anyway must fail loudly
    const text = "entity deal {\n  amount: number\n}\non deal updated when [1, 2] -> set amount = 1\n";
    const checked = checkSources([{ path: "broken.rules", text }]);
    expect(checked.diagnostics.length).toBeGreaterThan(0);
    let thrown: unknown;
    try {
      lowerProgram(checked.files, checked.model);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(LoweringError);
    expect((thrown as Error).message).toBe("cannot lower: a list outside `in [...]` (broken.rules, line 4, column 22)");
  });
});
