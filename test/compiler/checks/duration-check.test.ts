import { describe, it } from "vitest";
import { expectAt, expectClean } from "./marked";

describe("DurationCheck", () => {
  it("reports durations that are not positive", () => {
    expectAt(`on deal stage "New" open after <|>0 days -> create task "Call back"
workflow "W" per deal { enroll on deal created  wait <|>0 minutes }`, "SC2401");
  });
  it("accepts positive durations", () => {
    expectClean(`on deal stage "New" open after 2 business days at 09:00 within working hours -> create task "Call back"`);
  });
});
