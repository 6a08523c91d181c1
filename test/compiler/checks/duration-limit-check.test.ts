import { describe, expect, it } from "vitest";
import { diagnose, expectAt } from "./marked";

describe("DurationCheck: a hundred years at most", () => {
  it("reports a duration longer than a hundred years", () => {
    expectAt('on deal stage "New" open after <|>999999999 business days -> close "New"', "SC2408", ["more than a hundred years", "26200 business days"]);
  });

  it("accepts long but sensible durations", () => {
    expect(diagnose('on deal stage "New" open after 36000 days -> close "New"').filter((d) => d.code === "SC2408")).toEqual([]);
  });
});
