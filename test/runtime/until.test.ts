// The until reader the CLI's --until and the playground's until box share: the
// same forms accepted, the same messages (named as each front door names it),
// and the same warning for an until before the last event.
import { describe, expect, it } from "vitest";
import { readUntil, untilPassed, UntilError } from "../../runtime/index";

describe("readUntil", () => {
  it("keeps a time with an offset as given, in any zone", () => {
    const until = readUntil("2026-02-01T00:00:00+07:00", "until");
    expect(until.local).toBe(false);
    expect(until.in("Europe/Rome")).toBe("2026-02-01T00:00:00+07:00");
  });

  it("reads a date as the end of that day in the calendar's zone", () => {
    const until = readUntil("2026-01-03", "until");
    expect(until.local).toBe(true);
    expect(until.in("Asia/Ho_Chi_Minh")).toBe("2026-01-03T16:59:59.999Z");
    expect(until.in("UTC")).toBe("2026-01-03T23:59:59.999Z");
  });

  it("reads a time without offset on the calendar's clocks", () => {
    expect(readUntil("2026-03-10T09:00", "until").in("Asia/Ho_Chi_Minh")).toBe("2026-03-10T02:00:00.000Z");
  });

  it("names the until as the caller does in every refusal", () => {
    expect(() => readUntil("next week", "until")).toThrow(new UntilError('until must be an ISO 8601 time with an offset or Z (2026-01-10T00:00:00Z), a date (2026-01-10: to the end of that day) or a time without offset (2026-01-10T09:00), both in the calendar\'s zone, not "next week"'));
    expect(() => readUntil("2026-02-30", "--until")).toThrow(/^--until is "2026-02-30", which does not exist: /);
    // The hour the clocks skip when daylight saving time starts in Rome.
    expect(() => readUntil("2026-03-29T02:30", "until").in("Europe/Rome")).toThrow(/^until 2026-03-29T02:30 does not exist in Europe\/Rome: the clocks skip it/);
  });
});

describe("untilPassed", () => {
  it("warns of an until before the last event, and of none at or after it", () => {
    expect(untilPassed("until", "2026-02-01T00:00:00Z", "2026-02-01T00:00:00Z", "2026-03-05T14:00:00+07:00", null)).toBe(
      "until 2026-02-01T00:00:00Z is before the last event (2026-03-05T14:00:00+07:00), so it fires no timer",
    );
    expect(untilPassed("until", "x", "2026-03-05T07:00:00Z", "2026-03-05T14:00:00+07:00", null)).toBeUndefined();
    expect(untilPassed("until", "x", "2026-01-01T00:00:00Z", undefined, null)).toBeUndefined();
  });

  it("names the snapshot's time when it is later than the last event", () => {
    expect(untilPassed("--until", "2026-01-02", "2026-01-02T23:59:59.999Z", undefined, Date.UTC(2026, 0, 5))).toBe(
      "--until 2026-01-02 is before the time the snapshot reached (2026-01-05T00:00:00.000Z), so it fires no timer",
    );
  });
});
