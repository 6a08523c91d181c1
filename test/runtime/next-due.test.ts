// The scheduler's questions to the engine: when the next timer is due, and what
// a record holds now. Firing at exactly `nextDueAt` gives what `run --until` gives.
// Over the CONTRACT.md example (a reminder 4 days after the documents stage opens).
import { describe, expect, it } from "vitest";
import { createEngine, formatOutputLine, runEvents } from "../../runtime/index";
import { after, events, onClose, onOpen, open, program, rule, sendEmail } from "./program-builder";

const solar = program({
  rules: [
    rule("deal", onClose("Documentation pending"), [open("Validation")], { name: "solar.rules:1" }),
    rule("deal", onOpen("Documentation pending"), [sendEmail("Docs reminder", ["contact"])], { name: "solar.rules:2", delay: after(4, "days") }),
  ],
});

const input = events(
  ["2026-01-01T08:00:00+01:00", "contact/C1", "created", { name: "Ana", email: "ana@example.com" }],
  ["2026-01-01T08:00:00+01:00", "deal/S1", "created", { title: "Service 1", amount: 800, channel: "web", contact: "contact/C1" }],
  ["2026-01-01T09:30:00+01:00", "deal/S1", "stage.opened", { stage: "Documentation pending" }],
);
const reminderDue = Date.parse("2026-01-05T08:30:00Z");

describe("Engine.nextDueAt and Engine.record", () => {
  it("is null without timers, the due instant with one, and null again once it fired", () => {
    const engine = createEngine(solar);
    expect(engine.nextDueAt()).toBeNull();
    for (const event of input) engine.process(event);
    expect(engine.nextDueAt()).toBe(reminderDue);
    // Asking changes nothing: the same answer twice, and the timer still fires.
    expect(engine.nextDueAt()).toBe(reminderDue);
    const fired = engine.advanceTo(new Date(reminderDue).toISOString());
    expect(fired.map((o) => o.type)).toEqual(["email.send"]);
    expect(engine.nextDueAt()).toBeNull();
  });

  it("firing at each due instant in turn gives the outputs of one run with --until", () => {
    const engine = createEngine(solar);
    const lines = input.flatMap((event) => engine.process(event)).map(formatOutputLine);
    for (let due = engine.nextDueAt(); due !== null; due = engine.nextDueAt()) {
      lines.push(...engine.advanceTo(new Date(due).toISOString()).map(formatOutputLine));
    }
    expect(lines).toHaveLength(1);
    expect(lines).toEqual(runEvents(solar, input, { until: "2026-01-10T00:00:00Z" }).map(formatOutputLine));
  });

  it("reads a record's current fields and open stage; undefined for an unknown one", () => {
    const engine = createEngine(solar);
    for (const event of input) engine.process(event);
    const deal = engine.record("deal/S1")!;
    expect(deal.fields).toEqual({ title: "Service 1", amount: 800, channel: "web", contact: "contact/C1" });
    expect(deal.stage).toBe("Documentation pending");
    expect(engine.record("deal/nope")).toBeUndefined();
  });
});
