import { describe, expect, it } from "vitest";
import { formatOutputLine, runEvents } from "../../runtime/index";
import { events, after, onClose, onOpen, open, program, rule, sendEmail } from "./program-builder";

// docs/contract.md "Output of run": the two solar.rules rules and the six events.
const solar = program({
  rules: [
    rule("deal", onClose("Documentation pending"), [open("Validation")], { name: "solar.rules:1" }),
    rule("deal", onOpen("Documentation pending"), [sendEmail("Docs reminder", ["contact"])], {
      name: "solar.rules:2",
      delay: after(4, "days"),
    }),
  ],
});

const input = events(
  ["2026-01-01T08:00:00+01:00", "contact/C1", "created", { name: "Ana", email: "ana@example.com" }],
  ["2026-01-01T08:00:00+01:00", "deal/S1", "created", { title: "Service 1", amount: 800, channel: "web", contact: "contact/C1" }],
  ["2026-01-01T09:00:00+01:00", "deal/S1", "updated", { amount: 1200 }],
  ["2026-01-01T09:30:00+01:00", "deal/S1", "stage.opened", { stage: "Documentation pending" }],
  ["2026-01-02T10:00:00+01:00", "deal/S1", "invoice.paid", { amount: 1200 }],
  ["2026-01-06T10:00:00+01:00", "deal/S1", "stage.closed", { stage: "Documentation pending" }],
);

describe("the example of docs/contract.md", () => {
  it("produces exactly the two documented lines", () => {
    const lines = runEvents(solar, input, { until: "2026-01-10T00:00:00Z" }).map(formatOutputLine);
    expect(lines).toEqual([
      `{"id":"t1","at":"2026-01-05T08:30:00.000Z","entity":"deal/S1","type":"email.send","data":{"template":"Docs reminder","to":"contact/C1"},"cause":"e4","rule":"solar.rules:2"}`,
      `{"id":"e6.1","at":"2026-01-06T09:00:00.000Z","entity":"deal/S1","type":"stage.opened","data":{"stage":"Validation"},"cause":"e6","rule":"solar.rules:1"}`,
    ]);
  });
});
