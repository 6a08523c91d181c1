import { describe, it } from "vitest";
import { expectAt, expectClean } from "./marked";

describe("FunctionCallCheck", () => {
  it("reports unknown functions", () => {
    expectAt(`on deal updated when <|>changd(amount) -> create task "Call back"`, "SC2011", ["Did you mean `changed`?"]);
  });
  it("reports bad arguments", () => {
    expectAt(`on deal updated when len(<|>amount) > 1 and <|>changed(amount, title) and changed(<|>contact.name) -> create task "Call back"`, "SC2208");
  });
  it("reports changed() where no change triggered the rule", () => {
    expectAt(`on deal stage "New" open when <|>changed(amount) -> create task "Call back"`, "SC2209");
  });
  it("accepts well-typed calls", () => {
    expectClean(`on deal updated when changed(amount) and previous(amount) < amount and len(lower(title)) > 2 -> create task "Call back"`);
  });
});
