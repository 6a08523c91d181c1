// The scheduler's questions to the engine: when the next timer is due, and what
// a record holds now. Firing at exactly `nextDueAt` gives what `run --until` gives.
import { describe, expect, it } from "vitest";
import { compileSources } from "../../compiler/index";
import { createEngine, formatOutputLine, runEvents, type InputEvent } from "../../runtime/index";

const schema = `
entity contact { name: text  email: email? }
entity deal {
  title: text
  amount: money
  contact: contact
  pipeline {
    stage "New"
    stage "Docs"
  }
}
template email "Reminder" { subject "s" body "b" }
`;
const rules = `on deal stage "Docs" open after 2 hours -> send email "Reminder" to contact\n`;

function program() {
  const compiled = compileSources([{ path: "schema.rules", text: schema }, { path: "rules.rules", text: rules }]);
  expect(compiled.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return compiled.program!;
}

const events: InputEvent[] = [
  { id: "c1", at: "2026-03-02T10:00:00Z", entity: "contact/C1", type: "created", data: { name: "Ana", email: "a@b.c" } },
  { id: "d1", at: "2026-03-02T10:00:00Z", entity: "deal/D1", type: "created", data: { title: "t", amount: 5, contact: "contact/C1" } },
  { id: "o1", at: "2026-03-02T11:00:00Z", entity: "deal/D1", type: "stage.opened", data: { stage: "Docs" } },
];

describe("Engine.nextDueAt and Engine.record", () => {
  it("is null without timers, the due instant with one, and null again once it fired", () => {
    const engine = createEngine(program());
    expect(engine.nextDueAt()).toBeNull();
    for (const event of events) engine.process(event);
    expect(engine.nextDueAt()).toBe(Date.parse("2026-03-02T13:00:00Z"));
    // Asking changes nothing: the same answer twice, and the timer still fires.
    expect(engine.nextDueAt()).toBe(Date.parse("2026-03-02T13:00:00Z"));
    const fired = engine.advanceTo(new Date(engine.nextDueAt()!).toISOString());
    expect(fired.map((o) => o.type)).toEqual(["email.send"]);
    expect(engine.nextDueAt()).toBeNull();
  });

  it("firing at each due instant in turn gives the outputs of one run with --until", () => {
    const engine = createEngine(program());
    const lines = events.flatMap((event) => engine.process(event)).map(formatOutputLine);
    for (let due = engine.nextDueAt(); due !== null; due = engine.nextDueAt()) {
      lines.push(...engine.advanceTo(new Date(due).toISOString()).map(formatOutputLine));
    }
    expect(lines).toEqual(runEvents(program(), events, { until: "2026-03-03T00:00:00Z" }).map(formatOutputLine));
  });

  it("reads a record's current fields and open stage; undefined for an unknown one", () => {
    const engine = createEngine(program());
    for (const event of events) engine.process(event);
    const deal = engine.record("deal/D1")!;
    expect(deal.fields).toEqual({ title: "t", amount: 5, contact: "contact/C1" });
    expect(deal.stage).toBe("Docs");
    expect(engine.record("deal/nope")).toBeUndefined();
  });
});
