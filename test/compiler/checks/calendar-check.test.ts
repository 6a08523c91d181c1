import { describe, expect, it } from "vitest";
import { isKnownTimeZone } from "../../../compiler/checks/calendar-check";
import { expectAt, expectClean } from "./marked";

describe("CalendarCheck", () => {
  it("reports unknown time zones", () => {
    expectAt(`calendar { timezone <|>"Europe/Rom" }`, "SC2402", ['Did you mean "Europe/Rome"?']);
  });
  it("knows canonical zones, UTC and the old aliases the runtime accepts", () => {
    for (const zone of ["Europe/Rome", "America/New_York", "UTC", "Etc/UTC", "Asia/Saigon", "US/Eastern"]) {
      expect(isKnownTimeZone(zone), zone).toBe(true);
    }
    for (const zone of ["Europe/Rom", "", " ", "Mars/Olympus"]) expect(isKnownTimeZone(zone), zone).toBe(false);
  });
  it("reports bad weekdays", () => {
    expectAt(`calendar { workdays mon <|>fry }`, "SC2403", ["Did you mean `fri`?"]);
  });
  it("reports working hours that end before they start", () => {
    expectAt(`calendar { <|>hours 18:00..09:00 }`, "SC2404");
  });
  it("accepts the language reference calendar", () => {
    expectClean(`calendar {
  timezone "Europe/Rome"
  workdays mon tue wed thu fri
  hours 09:00..18:00
  holiday 2026-12-25
}`);
  });
});
