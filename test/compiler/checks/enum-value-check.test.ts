import { describe, it } from "vitest";
import { expectAt, expectClean } from "./marked";

describe("EnumValueCheck", () => {
  it("reports values that are not in the enum", () => {
    expectAt(`on deal created when channel in [web, <|>fax] or channel == <|>partnr -> create task "Call back"`, "SC2010", ["Did you mean `partner`?"]);
  });
  it("reads bare names as enum values on either side", () => {
    expectClean(`on deal created when channel in [web, partner] or web == channel -> create task "Call back"`);
  });
});
