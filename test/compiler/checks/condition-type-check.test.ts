import { describe, it } from "vitest";
import { expectAt, expectClean } from "./marked";

describe("ConditionTypeCheck", () => {
  it("reports conditions that are not bool", () => {
    expectAt(
      `on deal created when <|>amount -> create task "Call back"
workflow "W" per deal {
  enroll on deal updated when <|>title
  wait until <|>amount
  if <|>title { stop }
}`,
      "SC2201",
    );
  });
  it("accepts bool conditions", () => {
    expectClean(`on deal created when amount > 5 and not (title == "x") -> create task "Call back"`);
  });
});
