import { describe, it } from "vitest";
import { expectAt, expectClean } from "./marked";

describe("TeamMemberCheck", () => {
  it("reports members that are not users", () => {
    expectAt(`team crew { "ana@solar.example" <|>"bo b" <|>"" }`, "SC2407");
  });
  it("accepts quoted logins and e-mails", () => {
    expectClean(`team crew { "ana@solar.example" "bo" }`);
  });
});
