import { describe, expect, it } from "vitest";
import { diagnose, expectAt, expectClean } from "./marked";

describe("RuleCycleCheck", () => {
  it("warns about rules that re-trigger each other, naming the chain", () => {
    const [warning] = expectAt(`rule <|>"A": on deal stage "New" open -> open "Validation"
rule "B": on deal stage "Validation" open -> open "New"`, "SC2601", ['"A" → deal stage "Validation" open → "B" → deal stage "New" open → "A"']);
    expect(warning?.severity).toBe("warning");
  });
  it("sees set → updated and create → created loops", () => {
    expectAt(`on <|>deal updated -> set title = "t"
on <|>contact created -> create contact`, "SC2601");
  });
  it("sees a record created in a stage open that stage's rules", () => {
    expectAt(`on <|>deal stage "Validation" open -> create deal with { title: "x", stage: "Validation" }`, "SC2601", [
      'deal stage "Validation" open',
    ]);
    expectClean(`on deal stage "Validation" open -> create deal with { title: "x", stage: "New" }`);
  });
  it("follows a set on a referenced record to the rules that read it there", () => {
    expectAt(`rule <|>"A": on deal becomes contact.name == "Ada" -> set contact.name = "Ada"`, "SC2601", ['"A" → contact.name changed → "A"']);
    expectAt(`rule <|>"A": on deal becomes contact.name == "x" -> set amount = 1
rule "B": on deal updated when changed(amount) -> set contact.name = "x"`, "SC2601", ['"A" → deal.amount changed → "B" → contact.name changed → "A"']);
    expectClean(`on deal becomes contact.name == "Ada" -> set contact.email = "ada@example.com"`);
  });
  it("does not warn when a required changed() field is not the one set", () => {
    expectClean(`on deal updated when changed(amount) -> set title = "t"`);
  });
  it("does not warn when a becomes rule sets a field its condition does not read", () => {
    expectClean(`on deal becomes amount > 100 -> set title = "big"`);
    expectClean(`on deal becomes contact.name == "Ada" and channel in [web, phone] -> set title = "vip"`);
  });
  it("warns when a becomes rule can turn itself true again through another rule", () => {
    expectAt(`rule <|>"A": on deal becomes amount > 100 -> set title = "big"
rule "B": on deal updated when changed(title) -> set amount = 0`, "SC2601", ['"A" → deal.title changed → "B" → deal.amount changed → "A"']);
    expectAt(`on <|>deal becomes amount > 100 -> set amount = 0`, "SC2601");
  });
  it("stays linear: a chain of 20,000 rules is checked quickly", () => {
    const stages = Array.from({ length: 20_000 }, (_, i) => `stage "S${i}"`).join(" ");
    const rules = Array.from({ length: 20_000 }, (_, i) => `on big stage "S${i}" open -> open "S${(i + 1) % 20_000}"`).join("\n");
    const diagnostics = diagnose(`entity big { pipeline { ${stages} } }\n${rules}`, false);
    expect(diagnostics.map((d) => d.code)).toEqual(["SC2601"]);
  });
});
