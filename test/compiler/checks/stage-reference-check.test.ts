import { describe, it } from "vitest";
import { expectAt, expectClean } from "./marked";

describe("StageReferenceCheck", () => {
  it("reports unknown stages with a suggestion", () => {
    expectAt(
      `on deal stage <|>"Nwe" open -> open <|>"Wonn"
on stage <|>"Scheduing" open -> open "Validation"
on deal created when stage == <|>"Lots" -> close "Won"`,
      "SC2003",
      ['Did you mean "New"?', 'Did you mean "Won"?', 'Did you mean "Scheduling"?'],
    );
  });
  it("reports a record created in a stage its entity does not have", () => {
    expectAt(`on deal created -> create deal with { title: "x", stage: <|>"Wonn" }`, "SC2003", ['Did you mean "Won"?']);
    expectAt(`on deal created -> create deal with { stage: <|>"Scheduling" }`, "SC2312", ["belongs to `installation`"]);
    expectClean(`on contact created -> create deal with { title: "x", contact: this, stage: "Won" }`);
  });
  it("asks for the entity when an entity-less stage is ambiguous", () => {
    expectAt(`on stage <|>"Validation" open -> create task "Call back"`, "SC2004", ["`deal`, `installation`", "on deal stage"]);
  });
  it("reports stages of another entity", () => {
    expectAt(`on deal created -> open <|>"Scheduling"`, "SC2312", ["belongs to `installation`"]);
  });
  it("resolves an entity-less stage with one owner", () => {
    expectClean(`on stage "Scheduling" open -> close "Validation"
on deal created when is open "Won" -> move to "Won"`);
  });
});
