import { describe, expect, it } from "vitest";
import { explain, formatExplanation, runTests } from "../../runtime/index";
import type { TestDef } from "../../runtime/program/ir";
import { after, cmp, events, field, lit, moveTo, onClose, onEvent, onOpen, open, program, rule, sendEmail } from "./program-builder";

const loc = (line: number) => ({ file: "solar.rules", line, column: 1 });

const rules = [
  rule("deal", onClose("Documentation pending"), [open("Validation")], { name: "solar.rules:1" }),
  rule("deal", onOpen("Documentation pending"), [sendEmail("Docs reminder", ["contact"])], { name: "solar.rules:2", delay: after(4, "days") }),
  rule("deal", onEvent("email.opened"), [moveTo("New")], { name: "back to new" }),
  rule("deal", onEvent("invoice.paid"), [moveTo("Won")], { name: "paid", when: cmp(">", field("amount"), lit(1000)) }),
];

const input = events(
  ["2026-01-01T08:00:00+01:00", "deal/S1", "created", { title: "Service 1", amount: 800, channel: "web", contact: "contact/C1" }],
  ["2026-01-01T09:30:00+01:00", "deal/S1", "stage.opened", { stage: "Documentation pending" }],
  ["2026-01-02T09:30:00+01:00", "deal/S1", "stage.closed", { stage: "Documentation pending" }],
  ["2026-01-02T10:00:00+01:00", "deal/S1", "email.opened"],
  ["2026-01-02T11:00:00+01:00", "deal/S1", "invoice.paid", { amount: 5 }],
);

describe("runTests", () => {
  const test = (expectations: TestDef["expectations"]): TestDef => ({ name: "docs", location: loc(10), events: input, until: "2026-01-10T00:00:00Z", expectations });

  it("passes when some output matches an expect and none matches an expect no", () => {
    const p = program({
      rules,
      tests: [
        test([
          { location: loc(11), negated: false, type: "stage.opened", entity: "deal/S1", data: { stage: "Validation" }, at: "2026-01-02T09:30:00+01:00" },
          { location: loc(12), negated: true, type: "email.send", data: {} },
        ]),
      ],
    });
    const [result] = runTests(p);
    expect(result).toMatchObject({ name: "docs", passed: true, failures: [] });
  });

  it("reports each failing expectation with its location and what the outputs were", () => {
    const p = program({
      rules,
      tests: [
        test([
          { location: loc(11), negated: false, type: "stage.opened", data: { stage: "Won" } },
          { location: loc(12), negated: true, type: "stage.opened", data: {} },
          { location: loc(13), negated: false, type: "sms.send", data: {} },
        ]),
      ],
    });
    const [result] = runTests(p);
    expect(result!.passed).toBe(false);
    expect(result!.failures.map((f) => f.location.line)).toEqual([11, 12, 13]);
    expect(result!.failures[0]!.message).toContain(`expected stage.opened with { stage: "Won" }; the stage.opened outputs were:`);
    expect(result!.failures[0]!.message).toContain(`stage.opened for deal/S1 at 2026-01-02 09:30 (08:30 UTC) { stage: "Validation" } (rule solar.rules:1)`);
    expect(result!.failures[1]!.message).toMatch(/^expected no stage.opened, got stage.opened for deal\/S1 at /);
    // the outputs' ids (derived from the test's invented event ids) are never shown
    expect(result!.failures.map((f) => f.message).join("\n")).not.toMatch(/"id"|e3\.1/);
    expect(result!.failures[2]!.message).toBe("expected sms.send; there was no sms.send output at all");
  });
});

describe("explain", () => {
  it("says for each rule of the entity whether it fired at each event, and why not", () => {
    const p = program({ rules });
    const explanation = explain(p, input, "deal/S1", { until: "2026-01-10T00:00:00Z" });
    const byRule = Object.fromEntries(explanation.rules.map((r) => [r.rule, r.considerations.map((c) => `${c.event} ${c.fired ? "fired" : "no"}: ${c.reason}`)]));
    expect(byRule["solar.rules:2"]).toContain("e2 no: scheduled as t1, due 2026-01-05T08:30:00.000Z");
    expect(byRule["solar.rules:2"]).toContain(`t1 no: stage "Documentation pending" was no longer open when the timer came due`);
    expect(byRule["solar.rules:1"]).toContain("e3 fired: fired");
    expect(byRule["solar.rules:1"]).toContain(`e1 no: trigger did not match: it listens to stage "Documentation pending" close`);
    // The move backward is an action of a firing that was skipped, not a rule that did not fire.
    const back = explanation.rules.find((r) => r.rule === "back to new")!.considerations.find((c) => c.event === "e4")!;
    expect(back).toMatchObject({ fired: true, skipped: [{ action: 'move to "New"', reason: 'it is before "Validation" and the rule has no allow back' }] });
    const paid = explanation.rules.find((r) => r.rule === "paid")!.considerations.find((c) => c.event === "e5")!;
    expect(paid).toMatchObject({ fired: false, reason: "condition is false", values: { amount: 800 } });

    const text = formatExplanation(explanation);
    expect(text).toContain(`rule "paid" (test.rules:`);
    expect(text).toContain(`  paid: 2026-01-02T10:00:00.000Z e5 invoice.paid: not fired: condition is false [amount = 800]`);
    expect(text).toContain(`  back to new: 2026-01-02T09:00:00.000Z e4 email.opened: fired, but skipped move to "New" because it is before "Validation" and the rule has no allow back\n`);

    // The playground writes each instant its own way (the event's time and a due time in a reason); nothing else changes.
    const marked = formatExplanation(explanation, { formatTime: (at) => `<${at}>` });
    expect(marked).toContain(`  paid: <2026-01-02T10:00:00.000Z> e5 invoice.paid: not fired: condition is false [amount = 800]`);
    expect(marked).toContain("waiting: scheduled as t1, due <2026-01-05T08:30:00.000Z>");
    expect(marked.replace(/<([^<>]*)>/g, "$1")).toBe(text);
  });
});
