import { describe, it } from "vitest";
import { expectAt, expectClean } from "./marked";

describe("DateTimeCheck", () => {
  it("reports dates that do not exist", () => {
    expectAt(`calendar { holiday <|>2026-02-30 }`, "SC2406");
  });
  it("reports malformed datetimes", () => {
    expectAt(`test "T" { at <|>2026-01-01T25:00Z "deal/S1" created }`, "SC2703");
  });
  it("accepts real dates and datetimes with offsets", () => {
    expectClean(`calendar { holiday 2028-02-29 }
test "T" { at 2026-01-01T09:30+01:00 "deal/S1" created
  until 2026-01-10T00:00:00.000Z
  expect no notify }`);
  });
});
