import { describe, it } from "vitest";
import { expectAt, expectClean } from "./marked";

describe("DateTimeCheck", () => {
  it("reports dates that do not exist", () => {
    expectAt(`calendar { holiday <|>2026-02-30 }`, "SC2406");
  });
  it("reports malformed datetimes", () => {
    expectAt(`test "T" { at <|>2026-01-01T25:00Z "deal/S1" created }`, "SC2703");
  });
  it("says why a datetime of the right shape does not exist, in the events file's words", () => {
    expectAt(`test "T" { at <|>2026-02-30T10:00+01:00 "deal/S1" created }`, "SC2703", ["2026-02-30T10:00+01:00 does not exist: February 2026 has 28 days."]);
    expectAt(`test "T" { at <|>2026-03-02T10:00+25:00 "deal/S1" created }`, "SC2703", ["+25:00 is not a UTC offset (hours go up to 23, minutes up to 59)"]);
    expectAt(`calendar { holiday <|>2026-02-29 }`, "SC2406", ["2026-02-29 does not exist: February 2026 has 28 days."]);
  });
  it("accepts the offsets an events file accepts", () => {
    expectClean(`test "T" { at 2026-01-01T09:30+23:00 "deal/S1" created
  expect no notify }`);
  });
  it("accepts real dates and datetimes with offsets", () => {
    expectClean(`calendar { holiday 2028-02-29 }
test "T" { at 2026-01-01T09:30+01:00 "deal/S1" created
  until 2026-01-10T00:00:00.000Z
  expect no notify }`);
  });
});
