import { describe, expect, it } from "vitest";
import { checkSources } from "../../../compiler/check";
import { ambiguousExample, extraDeclarations, section1, section2, section3, section4 } from "./language-examples";

describe("the examples of the language reference", () => {
  it("check clean with the declarations and what they name", () => {
    const { diagnostics, model } = checkSources([
      { path: "declarations.rules", text: section2 + extraDeclarations },
      { path: "rules.rules", text: section1 + section3 },
      { path: "workflows.rules", text: section4 },
    ]);
    expect(diagnostics.map((d) => `${d.file}:${d.range.start.line} ${d.code} ${d.message}`)).toEqual([]);
    expect([...model.rules.values()].map((rule) => rule.subject?.entity)).toEqual([
      ...["lead", "lead", "deal", "installation"],
      ...["deal", "deal", "deal", "deal", "lead", "lead", "deal"],
    ]);
  });

  it("ask for the entity of the ambiguous entity-less first rule example", () => {
    const { diagnostics } = checkSources([
      { path: "declarations.rules", text: section2 + extraDeclarations },
      { path: "rules.rules", text: ambiguousExample },
    ]);
    expect(diagnostics.map((d) => d.code)).toEqual(["SC2004"]);
  });

  it("resolve the entity-less example once the stage has one owner", () => {
    const { diagnostics, model } = checkSources([
      { path: "declarations.rules", text: section2.replace(/stage "Documentation pending"\n    stage "Validation"\n    stage "Scheduling"/, 'stage "Scheduling"') + extraDeclarations },
      { path: "rules.rules", text: ambiguousExample },
    ]);
    expect(diagnostics).toEqual([]);
    expect([...model.rules.values()][0]?.subject?.entity).toBe("deal");
  });
});
