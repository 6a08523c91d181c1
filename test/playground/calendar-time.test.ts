// The playground's times in the calendar's zone come from the browser's Intl;
// they must read as luxon (the runtime's calendar arithmetic) reads them.
import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { formatInZone, offsetInZone } from "../../playground/run/calendar-time";

const zones = ["UTC", "Europe/Vilnius", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Chatham", "America/St_Johns"];

describe("calendar time in the playground", () => {
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
