import { describe, it } from "vitest";
import { expectAt, expectClean } from "./marked";

describe("ForEachCheck", () => {
  it("accepts the one reference field to the rule's entity, and checks the block on the referring record", () => {
    expectClean(`on contact updated { for each deal of contact { set amount = amount + 1  move to "Validation"  notify contact "{title} of {contact.name}" } }`);
    expectClean(`on deal created { for each installation by deal of deal { open "Scheduling" } }`);
    expectAt(`on contact updated { for each deal of contact { set <|>name = "x" } }`, "SC2002", ["Unknown field `name` of `deal`."]);
  });
  it("reports an of that is not the rule's entity, and an entity without a reference to it", () => {
    expectAt(`on contact updated { for each deal of <|>installation { set amount = 1 } }`, "SC2318", [
      "`for each … of installation` acts on the records that refer to the rule's record: write `of contact`.",
    ]);
    expectAt(`on contact updated { for each <|>installation of contact { open "Scheduling" } }`, "SC2318", [
      "`installation` has no reference field to `contact`, so no installation refers to it.",
    ]);
  });
  it("reports a by field that is no reference to the rule's record", () => {
    expectAt(`on contact updated { for each deal by <|>title of contact { set amount = 1 } }`, "SC2318", [
      "`deal.title` is not a reference to `contact`. Known: `contact`.",
    ]);
  });
  it('reads `create task "T" for each …` as a task, then a for each', () => {
    expectClean(`on contact updated { create task "Call back" for each deal of contact { set amount = 1 } }`);
  });
});
