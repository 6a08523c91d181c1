import { describe, it } from "vitest";
import { expectAt, expectClean } from "./marked";

describe("MoveCheck", () => {
  it("reports a move target that is not a reference", () => {
    expectAt(`on deal created -> move <|>title to "Won"`, "SC2316");
  });
  it("warns that a forward-only move to the first stage never happens", () => {
    const [warning] = expectAt(`on deal invoice.paid -> move to <|>"New"`, "SC2603");
    if (warning?.severity !== "warning") throw new Error("expected a warning");
  });
  it("accepts moves of referenced records and allow back", () => {
    expectClean(`entity visit { deal: deal }
on visit created -> move deal to "Validation"
on deal invoice.paid -> move to "New" allow back as "alice@solar.example"`);
  });
});
