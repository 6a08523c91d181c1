import { describe, it } from "vitest";
import { expectAt, expectClean } from "./marked";

describe("AssignCheck", () => {
  it("reports assign to a field that is not a user", () => {
    expectAt(`on deal created -> assign <|>title from installers`, "SC2311", ["`title` is text"]);
  });
  it("accepts user fields and responsible", () => {
    expectClean(`on deal created { assign installer from installers
  assign responsible from installers round robin }`);
  });
});
