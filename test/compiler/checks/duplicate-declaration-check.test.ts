import { describe, it } from "vitest";
import { expectAt, expectClean } from "./marked";

describe("DuplicateDeclarationCheck", () => {
  it("reports names declared twice, across files too", () => {
    expectAt(
      `entity <|>deal { title: text }
team <|>installers { "x@y" }
template sms <|>"Reminder" "Again"
event <|>"invoice.paid" { amount: money }
rule "A": on deal created -> create task "Call back"
rule <|>"A": on deal updated -> create task "Call back"`,
      "SC2101",
      ["already declared at declarations.rules", "standard library"],
    );
  });
  it("allows one name per template kind", () => {
    expectClean(`template email "Reminder" { subject "s" body "b" }`);
  });
});
