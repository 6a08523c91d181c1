// A failure of Stagecraft itself becomes one diagnostic, SC9999, never a thrown
// error and never silence: the checker's catch is forced here with a tree no
// parser makes.
import { describe, expect, it } from "vitest";
import type { SourceFile, TopLevelItem } from "../../grammar/ast";
import { checkFiles } from "../../compiler/check";
import { internalErrorDiagnostic } from "../../diagnostics/internal";

describe("internal errors", () => {
  it("are one SC9999 diagnostic at the file's start, saying it is a bug and how to report it", () => {
    const broken: SourceFile = {
      kind: "SourceFile",
      path: "rules/solar.rules",
      items: [{ kind: "RuleDecl" } as unknown as TopLevelItem],
      comments: [],
      start: 0,
      end: 0,
      lineStarts: [0],
    };
    const { diagnostics } = checkFiles([broken]);
    expect(diagnostics).toHaveLength(1);
    const [internal] = diagnostics;
    expect(internal).toMatchObject({ code: "SC9999", severity: "error", file: "rules/solar.rules", range: { start: { line: 1, column: 1 } } });
    expect(internal!.message).toMatch(/^Internal error in the checker: .+\. This is a bug in Stagecraft, not in your input; please report it with the files you gave and this message\.$/);
  });

  it("say what became of the input when the caller knows", () => {
    const diagnostic = internalErrorDiagnostic("formatter", new TypeError("boom"), "a.rules", "The file was left unchanged.");
    expect(diagnostic.message).toBe(
      "Internal error in the formatter: boom. This is a bug in Stagecraft, not in your input; please report it with the files you gave and this message. The file was left unchanged.",
    );
  });
});
