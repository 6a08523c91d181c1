// `wait D [at HH:MM] [within working hours]` comes due exactly when a rule's
// `after` with the same parts does: one time arithmetic (runtime/time/calendar.ts)
// for both, across units, local times, weekends, holidays and DST changes.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileSources } from "../../compiler/index";
import { runEvents, type InputEvent, type OutputRecord } from "../../runtime/index";

const schema = `
calendar {
  timezone "Europe/Rome"
  workdays mon tue wed thu fri
  hours 09:00..18:00
  holiday 2026-03-30
}
entity deal { title: text }
`;

function dueTimes(timing: string, at: string): { rule: string; workflow: string } {
  const rules = `on deal created after ${timing} -> notify "ops@x.example" "rule"
workflow "W" { enroll on deal created  wait ${timing}  notify "ops@x.example" "wait" }
`;
  const compiled = compileSources([{ path: "schema.rules", text: schema }, { path: "timing.rules", text: rules }]);
  expect(compiled.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const events: InputEvent[] = [{ id: "e1", at, entity: "deal/D1", type: "created", data: { title: "t" } }];
  const outputs = runEvents(compiled.program!, events, { until: "2027-01-01T00:00:00Z" });
  const timeOf = (text: string): string => outputs.find((o: OutputRecord) => o.type === "notify" && o.data.text === text)!.at;
  return { rule: timeOf("rule"), workflow: timeOf("wait") };
}

describe("wait with at and within working hours", () => {
  it("moves a wait to the local time and into working hours", () => {
    // From Friday 2026-03-27 17:00 Rome, one day is Saturday 17:00; 08:00 has passed, so Sunday 08:00
    // (06:00Z: summer time began that night). Working hours open Monday 09:00, but Monday 30 March is a
    // holiday: Tuesday 09:00.
    expect(dueTimes("1 day at 08:00", "2026-03-27T16:00:00Z").workflow).toBe("2026-03-29T06:00:00.000Z");
    expect(dueTimes("1 day at 08:00 within working hours", "2026-03-27T16:00:00Z").workflow).toBe("2026-03-31T07:00:00.000Z");
    // One business day is Tuesday 17:00 (the holiday skipped); 10:00 has passed: the next business day, Wednesday.
    expect(dueTimes("1 business day at 10:00", "2026-03-27T16:00:00Z").workflow).toBe("2026-04-01T08:00:00.000Z");
  });

  it("comes due when a rule's after of the same parts does", () => {
    const timing = fc
      .tuple(
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom("minutes", "hours", "days", "weeks", "business days"),
        fc.option(fc.constantFrom("00:00", "08:30", "12:00", "23:45"), { nil: undefined }),
        fc.boolean(),
      )
      .map(([amount, unit, at, within]) => `${amount} ${unit}${at ? ` at ${at}` : ""}${within ? " within working hours" : ""}`);
    // Any minute in March and April 2026 (a DST change and a holiday inside).
    const start = fc.integer({ min: 0, max: 61 * 24 * 60 - 1 }).map((minutes) => new Date(Date.UTC(2026, 2, 1) + minutes * 60_000).toISOString());
    fc.assert(
      fc.property(timing, start, (text, at) => {
        const { rule, workflow } = dueTimes(text, at);
        expect(workflow).toBe(rule);
      }),
      { numRuns: 40 },
    );
  });
});
