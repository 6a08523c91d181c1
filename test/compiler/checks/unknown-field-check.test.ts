import { describe, it } from "vitest";
import { expectAt, expectClean } from "./marked";

describe("UnknownFieldCheck", () => {
  it("reports unknown fields, fields of non-references and unknown create fields", () => {
    expectAt(
      `on deal created when <|>amout > 1 and contact.<|>nme == "x" and title.<|>size > 1 -> create contact with { <|>nmae: "A" }`,
      "SC2002",
      ["Did you mean `amount`?", "Did you mean `name`?", "`deal.title` is not a reference"],
    );
  });
  it("hints at is open for stage on a parallel pipeline", () => {
    expectAt(`on installation created when <|>stage == "Validation" -> create task "Call back"`, "SC2002", ["is open"]);
  });
  it("accepts paths through references and implicit fields", () => {
    expectClean(`on deal created when contact.name != "x" and responsible != none and stage == "New" -> create contact with { name: title, responsible: installer }`);
  });
});
