import { describe, it } from "vitest";
import { expectAt, expectClean } from "./marked";

describe("OperatorTypeCheck", () => {
  it("reports incomparable values", () => {
    expectAt(`on deal created when <|>amount == "lots" or <|>contact == installer -> create task "Call back"`, "SC2202", ["money with text"]);
  });
  it("reports logic on non-bool", () => {
    expectAt(`on deal created when amount > 5 and <|>title -> create task "Call back"`, "SC2203");
  });
  it("reports arithmetic on non-numbers", () => {
    expectAt(`on deal created when <|>title * 2 > 5 -> create task "Call back"`, "SC2204");
  });
  it("reports ordering of unordered values", () => {
    expectAt(`on deal created when <|>channel > web -> create task "Call back"`, "SC2205");
  });
  it("reports in-list items of the wrong type", () => {
    expectAt(`on deal created when amount in [1, <|>"two"] -> create task "Call back"`, "SC2206");
    expectAt(`on deal created when amount not in [1, <|>"two"] -> create task "Call back"`, "SC2206");
    expectAt(`on deal created when channel not in [web, <|>"fax"] -> create task "Call back"`, "SC2206");
  });
  it("mixes money and numbers, text-like types and literals", () => {
    expectClean(`on deal created when amount * 2 + 1 > 1000 and contact.email != "x@y" and channel != "web" and contact != none and installer == "ana@solar.example" -> create task "Call back"`);
  });
});
