// Times in the calendar's zone (playground, CLI) come from Intl;
// they must read as luxon (the runtime's calendar arithmetic) reads them.
import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { formatInZone, offsetInZone } from "../../runtime/time/zone-time";
import { endOfLocalDate, parseWallTime } from "../../runtime/time/instants";

const zones = ["UTC", "Europe/Vilnius", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Chatham", "America/St_Johns"];

describe("times in the calendar's zone", () => {
  it("agrees with luxon on the wall time and the offset, across DST changes", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }), fc.constantFrom(...zones), fc.boolean(), (ms, zone, whole) => {
        const instant = whole ? ms - (ms % 60_000) : ms;
        const iso = new Date(instant).toISOString();
        const time = DateTime.fromMillis(instant).setZone(zone);
        const expected = time.toFormat(time.second === 0 && time.millisecond === 0 ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd HH:mm:ss");
        expect(formatInZone(iso, zone)).toBe(expected);
        expect(offsetInZone(iso, zone)).toBe(time.toFormat("ZZ"));
      }),
      { seed: 16, numRuns: 500 },
    );
  });

  it("leaves a time as written when the zone or the time is not one it knows", () => {
    expect(formatInZone("2026-01-01T00:00:00Z", "Mars/Olympus")).toBe("2026-01-01T00:00:00Z");
    expect(formatInZone("yesterday", "UTC")).toBe("yesterday");
    expect(offsetInZone("yesterday", "UTC")).toBe("");
  });
});

describe("wall times read in a zone (--until)", () => {
  it("read back what the zone's clocks show, the first of a repeated hour", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }), fc.constantFrom(...zones), (ms, zone) => {
        const instant = ms - (ms % 60_000);
        const wall = formatInZone(new Date(instant).toISOString(), zone).replace(" ", "T");
        const read = parseWallTime(wall, zone);
        expect(typeof read).toBe("number");
        expect(formatInZone(new Date(read as number).toISOString(), zone).replace(" ", "T")).toBe(wall);
        expect(read as number).toBeLessThanOrEqual(instant);
      }),
      { seed: 15, numRuns: 500 },
    );
  });

  it("say when the clocks skip a time, and end a date at its last millisecond", () => {
    expect(parseWallTime("2026-03-29T02:30", "Europe/Rome")).toBe("skipped");
    expect(parseWallTime("2026-10-25T02:30", "Europe/Rome")).toBe(Date.UTC(2026, 9, 25, 0, 30));
    expect(endOfLocalDate("2026-03-01", "Europe/Rome")).toBe(Date.UTC(2026, 2, 1, 23) - 1);
    expect(endOfLocalDate("2026-02-30", "UTC")).toBeNaN();
  });
});
