import { describe, expect, it } from "vitest";
import { addDuration, dueTime } from "../../runtime/time/calendar";
import { formatInstant, parseInstant } from "../../runtime/time/instants";
import { runEvents } from "../../runtime/index";
import { after, duration, events, notify, onOpen, program, rule, romeCalendar } from "./program-builder";

const at = (iso: string) => parseInstant(iso);
const utc = (millis: number) => formatInstant(millis);

describe("delays in the calendar's zone (Europe/Rome)", () => {
  it("`1 day` keeps the local time across the DST change (23 hours), `24 hours` does not", () => {
    // 2026-03-29: clocks go from 02:00 CET to 03:00 CEST.
    const start = at("2026-03-28T10:00:00+01:00");
    expect(utc(addDuration(start, duration(1, "days"), romeCalendar))).toBe("2026-03-29T08:00:00.000Z"); // 10:00 CEST
    expect(utc(addDuration(start, duration(24, "hours"), romeCalendar))).toBe("2026-03-29T09:00:00.000Z"); // 11:00 CEST
  });

  it("`1 week` is seven calendar days", () => {
    expect(utc(addDuration(at("2026-03-25T10:00:00+01:00"), duration(1, "weeks"), romeCalendar))).toBe("2026-04-01T08:00:00.000Z");
  });

  it("business days skip the weekend and holidays, keeping the local time", () => {
    // Thu 2026-12-24 + 2 business days: Fri 25 is a holiday, Sat/Sun skipped → Mon 28, Tue 29.
    const start = at("2026-12-24T15:30:00+01:00");
    expect(utc(addDuration(start, duration(2, "business_days"), romeCalendar))).toBe("2026-12-29T14:30:00.000Z");
    // Fri + 1 business day → Mon.
    expect(utc(addDuration(at("2026-01-09T10:00:00+01:00"), duration(1, "business_days"), romeCalendar))).toBe("2026-01-12T09:00:00.000Z");
  });

  it("`at 09:00` moves to that local time the same day, or the next day when passed", () => {
    const early = at("2026-01-05T07:00:00+01:00");
    expect(utc(dueTime(early, after(0, "hours", { at: "09:00" }), romeCalendar))).toBe("2026-01-05T08:00:00.000Z");
    const late = at("2026-01-05T10:00:00+01:00");
    expect(utc(dueTime(late, after(0, "hours", { at: "09:00" }), romeCalendar))).toBe("2026-01-06T08:00:00.000Z");
    expect(utc(dueTime(late, after(1, "days", { at: "09:00" }), romeCalendar))).toBe("2026-01-07T08:00:00.000Z");
  });

  it("`within working hours` moves to the next opening on a working day that is not a holiday", () => {
    const inside = at("2026-01-05T10:00:00+01:00"); // Monday
    expect(dueTime(inside, after(1, "hours", { withinWorkingHours: true }), romeCalendar)).toBe(at("2026-01-05T11:00:00+01:00"));
    const evening = at("2026-01-09T17:30:00+01:00"); // Friday → Monday 09:00
    expect(utc(dueTime(evening, after(1, "hours", { withinWorkingHours: true }), romeCalendar))).toBe("2026-01-12T08:00:00.000Z");
    const morning = at("2026-01-06T06:00:00+01:00"); // Tuesday early → 09:00 the same day
    expect(utc(dueTime(morning, after(1, "hours", { withinWorkingHours: true }), romeCalendar))).toBe("2026-01-06T08:00:00.000Z");
    const christmasEve = at("2026-12-24T19:00:00+01:00"); // → Mon 28 (25 holiday, weekend)
    expect(utc(dueTime(christmasEve, after(0, "hours", { withinWorkingHours: true }), romeCalendar))).toBe("2026-12-28T08:00:00.000Z");
  });

  it("a stage timer of `1 day` across DST fires at the same local time through the engine", () => {
    const p = program({ rules: [rule("deal", onOpen("New"), [notify("ops@solar.example", "day later")], { name: "r", delay: after(1, "days") })] });
    const out = runEvents(
      p,
      events(["2026-03-28T10:00:00+01:00", "deal/D1", "created", { title: "x", amount: 1, channel: "web", contact: "contact/C1", stage: "New" }]),
      { until: "2026-04-01T00:00:00Z" },
    );
    expect(out.map((o) => o.at)).toEqual(["2026-03-29T08:00:00.000Z"]);
  });
});

describe("day arithmetic agrees with luxon", () => {
  it("`N days` equals luxon's plus({ days }) in the zone, around DST changes included", async () => {
    const { DateTime } = await import("luxon");
    const fc = (await import("fast-check")).default;
    const zones = ["Europe/Rome", "America/New_York", "Australia/Lord_Howe", "UTC"];
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: Date.parse("2025-01-01T00:00:00Z"), max: Date.parse("2027-12-31T00:00:00Z") }),
          // Minutes around the 2026 transitions of these zones, where the day is 23 or 25 hours.
          ...["2026-03-28T00:00:00Z", "2026-10-24T00:00:00Z", "2026-03-07T00:00:00Z", "2026-10-31T00:00:00Z", "2026-04-04T00:00:00Z"].map((day) =>
            fc.integer({ min: 0, max: 3 * 24 * 60 }).map((minute) => Date.parse(day) + minute * 60_000),
          ),
        ),
        fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 400 })),
        fc.constantFrom(...zones),
        (from, days, zone) => {
          const calendar = { ...romeCalendar, timezone: zone };
          const expected = DateTime.fromMillis(from, { zone }).plus({ days }).toMillis();
          expect(addDuration(from, duration(days, "days"), calendar)).toBe(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
