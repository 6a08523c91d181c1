import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatInstant, isOutputForm, parseInstant } from "../../runtime/time/instants";

// The engine writes an input event's own `at` text when isOutputForm says it is
// already the output form: that must never change an output byte.
function agrees(text: string): void {
  const instant = parseInstant(text);
  if (Number.isNaN(instant)) return;
  if (isOutputForm(text)) expect(formatInstant(instant)).toBe(text);
}

describe("isOutputForm", () => {
  it("accepts the output form itself", () => {
    expect(isOutputForm("2026-03-11T05:55:05.305Z")).toBe(true);
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9999, 11, 31) }), (millis) => {
        const text = formatInstant(millis);
        expect(isOutputForm(text)).toBe(true);
        expect(parseInstant(text)).toBe(millis);
      }),
    );
  });

  it("refuses other texts of the same instant", () => {
    for (const text of [
      "2026-01-05T08:00:00Z",
      "2026-01-05T09:00:00.000+01:00",
      "2026-W02-1T08:00:00.000Z", // a week date: same length, luxon reads it
      "0050-01-01T00:00:00.000Z", // a two-digit year Date.UTC would move to 1950
      "2026-01-05T08:00:00.5Z",
    ]) {
      agrees(text);
    }
    expect(isOutputForm("2026-W02-1T08:00:00.000Z")).toBe(false);
    expect(isOutputForm("0050-01-01T00:00:00.000Z")).toBe(false);
  });

  it("never says yes to a text formatInstant would write differently", () => {
    const digit = fc.constantFrom(..."0123456789");
    const char = fc.oneof(digit, fc.constantFrom("-", ":", "T", ".", "Z", "W", "+"));
    fc.assert(fc.property(fc.array(char, { minLength: 24, maxLength: 24 }).map((chars) => chars.join("")), agrees));
    const nearForm = fc
      .tuple(fc.array(digit, { minLength: 17, maxLength: 17 }))
      .map(([d]) => `${d.slice(0, 4).join("")}-${d.slice(4, 6).join("")}-${d.slice(6, 8).join("")}T${d.slice(8, 10).join("")}:${d.slice(10, 12).join("")}:${d.slice(12, 14).join("")}.${d.slice(14).join("")}Z`);
    fc.assert(fc.property(nearForm, agrees), { numRuns: 2000 });
  });
});
