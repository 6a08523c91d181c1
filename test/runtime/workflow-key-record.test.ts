// A `per contact` workflow instance belongs to its contact: when the bound deal
// is pointed at another contact, the instance's steps still read its own.
import { describe, expect, it } from "vitest";
import { createEngine, runEvents } from "../../runtime/index";
import { cmp, events, field, lit, notify, on, program, sendEmail, step, wait, waitUntil, workflow } from "./program-builder";

const p = program({
  workflows: [
    workflow(
      "Nurture",
      "contact",
      [step(sendEmail("Welcome", ["contact"])), wait(1, "days"), waitUntil(cmp("==", field("contact", "name"), lit("Ana B."))), step(sendEmail("Welcome", ["contact"])), step(notify("a@x.example", "for ", ["contact", "name"]))],
      { entity: "deal", enroll: on("created") },
    ),
  ],
});
const input = events(
  ["2026-01-01T08:00:00Z", "contact/C1", "created", { name: "Ana" }],
  ["2026-01-01T08:00:00Z", "contact/C2", "created", { name: "Bo" }],
  ["2026-01-01T08:01:00Z", "deal/D1", "created", { title: "T", amount: 1, channel: "web", contact: "contact/C1" }],
  ["2026-01-01T09:00:00Z", "deal/D1", "updated", { contact: "contact/C2" }],
  ["2026-01-03T09:00:00Z", "contact/C2", "updated", { name: "Ana B." }],
  ["2026-01-03T10:00:00Z", "contact/C1", "updated", { name: "Ana B." }],
  ["2026-01-03T11:00:00Z", "deal/D1", "updated", { title: "T2" }],
);

describe("a per contact instance whose deal changes contact", () => {
  it("keeps mailing, waiting on and naming its own contact", () => {
    const out = runEvents(p, input);
    expect(out.map((o) => `${o.at} ${o.type} ${o.data.to}${o.data.text ? ` ${o.data.text}` : ""}`)).toEqual([
      "2026-01-01T08:01:00.000Z email.send contact/C1",
      // C2's new name does not matter; C1's does, at its own change.
      "2026-01-03T10:00:00.000Z email.send contact/C1",
      "2026-01-03T10:00:00.000Z notify a@x.example for Ana B.",
    ]);
  });

  it("resumes from a snapshot saved before instances kept their key record", () => {
    const engine = createEngine(p);
    for (const event of input.slice(0, 3)) engine.process(event);
    const snapshot = engine.snapshot();
    for (const instance of snapshot.instances) delete (instance as { keyRef?: string }).keyRef;
    const resumed = createEngine(p, { snapshot: JSON.parse(JSON.stringify(snapshot)) });
    const out = input.slice(3).flatMap((event) => resumed.process(event));
    expect(out.filter((o) => o.type === "email.send").map((o) => o.data.to)).toEqual(["contact/C1"]);
  });
});
