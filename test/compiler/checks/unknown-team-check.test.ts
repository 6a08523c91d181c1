import { describe, it } from "vitest";
import { expectAt, expectClean } from "./marked";

describe("UnknownTeamCheck", () => {
  it("reports unknown teams with a suggestion", () => {
    expectAt(`on deal created -> assign installer from <|>instalers`, "SC2006", ["Did you mean `installers`?"]);
  });
  it("accepts declared teams", () => {
    expectClean(`on deal created -> assign installer from installers least loaded`);
  });
});
