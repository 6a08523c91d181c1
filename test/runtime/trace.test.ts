import { describe, expect, it } from "vitest";
import { createEngine, EventOrderError, formatTrace, type TraceRecord } from "../../runtime/index";
import { cmp, events, field, lit, moveTo, onEvent, program, rule } from "./program-builder";

describe("trace", () => {
  it("has one record per event and per rule considered, with the values that decided it", () => {
    const traces: TraceRecord[] = [];
    const p = program({ rules: [rule("deal", onEvent("invoice.paid"), [moveTo("Won")], { name: "paid", when: cmp(">", field("amount"), lit(1000)) })] });
    const engine = createEngine(p, { onTrace: (t) => traces.push(t) });
    for (const event of events(
      ["2026-01-01T08:00:00Z", "deal/D1", "created", { title: "t", amount: 10, channel: "web", contact: "contact/C1" }],
      ["2026-01-02T08:00:00Z", "deal/D1", "invoice.paid", { amount: 10 }],
      ["2026-01-02T09:00:00Z", "deal/D1", "updated", { amount: 5000 }],
      ["2026-01-02T10:00:00Z", "deal/D1", "invoice.paid", { amount: 10 }],
    )) {
      engine.process(event);
    }
    expect(traces.map((trace) => formatTrace(trace))).toEqual([
      "2026-01-01T08:00:00.000Z e1 deal/D1 created",
      "2026-01-02T08:00:00.000Z e2 deal/D1 invoice.paid",
      "2026-01-02T08:00:00.000Z   not fired: paid on deal/D1 (e2 invoice.paid): condition is false [amount = 10]",
      "2026-01-02T09:00:00.000Z e3 deal/D1 updated",
      "2026-01-02T10:00:00.000Z e4 deal/D1 invoice.paid",
      "2026-01-02T10:00:00.000Z   fired: paid on deal/D1 (e4 invoice.paid) [amount = 5000]",
      '2026-01-02T10:00:00.000Z e4.1 deal/D1 stage.opened "Won"',
    ]);
  });

  it("the engine refuses an event earlier than the last one, or than an advance", () => {
    const engine = createEngine(program());
    engine.process({ id: "e1", at: "2026-01-02T00:00:00Z", entity: "deal/D1", type: "email.opened" });
    engine.advanceTo("2026-01-05T00:00:00Z");
    expect(() => engine.process({ id: "e2", at: "2026-01-04T00:00:00Z", entity: "deal/D1", type: "email.opened" })).toThrow(EventOrderError);
  });
});
