import { describe, it } from "vitest";
import { expectAt, expectClean } from "./marked";

const team = `team regional {
  "ana@solar.example" { area: "north", level: 2 }
  "bo@solar.example" { area: "south" }
}
`;

describe("AssignCriteriaCheck", () => {
  it("reports an attribute no member has, with the closest one", () => {
    expectAt(`${team}on deal created -> assign installer from regional where <|>aera == title`, "SC2319", ["attribute `aera`", "Did you mean `area`?"]);
  });
  it("reports a member value the matched value never equals", () => {
    expectAt(`${team}on deal created -> assign installer from regional where level == <|>title`, "SC2319", ["`level` of \"ana@solar.example\" is number", "is text"]);
  });
  it("accepts attributes matched with values of their kind, joined by and", () => {
    expectClean(`${team}on deal created -> assign installer from regional where area == title and level == amount least loaded`);
  });
});
