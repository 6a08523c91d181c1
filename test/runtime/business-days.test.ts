// Business days: `at HH:MM` rolls to the next business day, the local time
// survives a DST gap on a day passed over, and a calendar with no working
// time is an internal error at its bound, never a hang.
import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { addDuration, dueTime, isWorkingDay, withinWorkingHours } from "../../runtime/time/calendar";
import { LoopBoundError } from "../../runtime/errors";
import type { Calendar } from "../../runtime/program/ir";
import { formatInstant, parseInstant } from "../../runtime/time/instants";
import { after, duration, romeCalendar } from "./program-builder";

const at = (iso: string) => parseInstant(iso);
const utc = (millis: number) => formatInstant(millis);
const everyDay: Calendar = { ...romeCalendar, workdays: [1, 2, 3, 4, 5, 6, 7], holidays: [] };

describe("after N business days at HH:MM", () => {
  it("rolls to the next business day when the time has passed on the day it lands on (not Saturday)", () => {
    // Thu 15:00 + 1 business day = Fri 15:00; 09:00 has passed → Mon 09:00, not Sat.
    expect(utc(dueTime(at("2026-01-08T15:00:00+01:00"), after(1, "business_days", { at: "09:00" }), romeCalendar))).toBe("2026-01-12T08:00:00.000Z");
  });

  it("skips a holiday after the day it lands on", () => {
    // Wed 23 Dec 15:00 + 1 business day = Thu 24 15:00; Fri 25 is a holiday → Mon 28 09:00.
    expect(utc(dueTime(at("2026-12-23T15:00:00+01:00"), after(1, "business_days", { at: "09:00" }), romeCalendar))).toBe("2026-12-28T08:00:00.000Z");
  });

  it("stays on the day it lands on when the time is still to come", () => {
    expect(utc(dueTime(at("2026-01-08T08:00:00+01:00"), after(1, "business_days", { at: "09:00" }), romeCalendar))).toBe("2026-01-09T08:00:00.000Z");
  });

  it("with days, `at` is the same day or the next calendar day, Saturday included", () => {
    expect(utc(dueTime(at("2026-01-08T15:00:00+01:00"), after(1, "days", { at: "09:00" }), romeCalendar))).toBe("2026-01-10T08:00:00.000Z");
  });

  it("always lands on a business day, at that local time, no earlier than the duration", () => {
    const calendars = fc.constantFrom<Calendar>(
      romeCalendar,
      { ...romeCalendar, workdays: [2, 4], holidays: ["2026-03-31", "2026-04-02", "2026-04-07"] },
      { ...romeCalendar, timezone: "America/New_York", workdays: [1, 2, 3, 4, 5, 6] },
    );
    fc.assert(
      fc.property(
        calendars,
        fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 11, 1) }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 23 * 60 + 59 }),
        (calendar, start, amount, minute) => {
          const base = addDuration(start, duration(amount, "business_days"), calendar);
          const delay = after(amount, "business_days", { at: `${Math.floor(minute / 60)}:${minute % 60}` });
          const due = dueTime(start, delay, calendar);
          const local = DateTime.fromMillis(due, { zone: calendar.timezone });
          expect(due).toBeGreaterThanOrEqual(base);
          expect(isWorkingDay(local, calendar)).toBe(true);
          // The local time is HH:MM, unless the clock skipped it that day (a DST gap).
          const skipped = DateTime.fromObject({ year: local.year, month: local.month, day: local.day, hour: Math.floor(minute / 60), minute: minute % 60 }, { zone: calendar.timezone });
          if (skipped.hour * 60 + skipped.minute === minute) expect(local.hour * 60 + local.minute).toBe(minute);
        },
      ),
    );
  });
});

describe("business days across a DST gap", () => {
  it("keep the local time on the days after the gap", () => {
    // Europe/Rome 2026-03-29: 02:00 → 03:00. Sat 02:30 + 2 days passes over Sun (02:30 does not exist) to Mon 02:30.
    expect(utc(addDuration(at("2026-03-28T02:30:00+01:00"), duration(2, "business_days"), everyDay))).toBe("2026-03-30T00:30:00.000Z");
  });

  it("keep the start's local time wherever it exists on the landing day", () => {
    // Starts in the days before each zone's 2026 spring-forward gap, at hours near it.
    const gaps = fc.constantFrom(
      { zone: "Europe/Rome", day: "2026-03-29" },
      { zone: "America/New_York", day: "2026-03-08" },
      { zone: "America/Santiago", day: "2026-09-06" },
      { zone: "Australia/Sydney", day: "2026-10-04" },
    );
    fc.assert(
      fc.property(gaps, fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 4 * 60 - 1 }), fc.integer({ min: 1, max: 12 }), (gap, before, minute, amount) => {
        const calendar: Calendar = { ...everyDay, timezone: gap.zone };
        const from = DateTime.fromISO(gap.day, { zone: gap.zone }).minus({ days: before }).set({ hour: Math.floor(minute / 60), minute: minute % 60 });
        const due = DateTime.fromMillis(addDuration(from.toMillis(), duration(amount, "business_days"), calendar), { zone: gap.zone });
        const wanted = DateTime.fromObject({ year: due.year, month: due.month, day: due.day, hour: from.hour, minute: from.minute }, { zone: gap.zone });
        if (wanted.hour === from.hour && wanted.minute === from.minute) expect([due.hour, due.minute]).toEqual([from.hour, from.minute]);
      }),
    );
  });
});

describe("a calendar with no working time", () => {
  const none: Calendar = { ...romeCalendar, workdays: [] };

  it("ends business-day and working-hours arithmetic with an internal error, not a hang", () => {
    const start = at("2026-01-08T15:00:00+01:00");
    expect(() => addDuration(start, duration(1, "business_days"), none)).toThrow(LoopBoundError);
    expect(() => withinWorkingHours(start, none)).toThrow(LoopBoundError);
    expect(() => dueTime(start, after(1, "hours", { withinWorkingHours: true }), none)).toThrow(LoopBoundError);
  });

  it("finds the working day after a long run of holidays", () => {
    const holidays = Array.from({ length: 30 }, (_, i) => DateTime.fromISO("2026-01-09").plus({ days: i }).toISODate()!);
    const due = withinWorkingHours(at("2026-01-08T19:00:00+01:00"), { ...romeCalendar, holidays });
    expect(utc(due)).toBe("2026-02-09T08:00:00.000Z");
  });
});
