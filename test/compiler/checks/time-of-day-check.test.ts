import { describe, it } from "vitest";
import { expectAt, expectClean } from "./marked";

describe("TimeOfDayCheck", () => {
  it("reports times that are not on a clock", () => {
    expectAt(`on deal stage "New" open after 1 day at <|>25:00 -> create task "Call back"
calendar { hours 09:00..<|>18:75 }
workflow "W" { enroll on deal created  wait 1 day at <|>24:30 }`, "SC2405");
  });
  it("accepts valid times", () => {
    expectClean(`on deal stage "New" open after 1 day at 23:59 -> create task "Call back"`);
  });
});
