import { describe, expect, it } from "vitest";
import { runEvents, type OutputRecord } from "../../runtime/index";
import {
  cmp,
  duration,
  events,
  field,
  ifStep,
  lit,
  notify,
  program,
  sendEmail,
  sendSms,
  set,
  step,
  stop,
  wait,
  waitUntil,
  workflow,
} from "./program-builder";

const brief = (outputs: OutputRecord[]) => outputs.map((o) => `${o.id} ${o.at.slice(0, 16)} ${o.entity} ${o.type} ${JSON.stringify(o.data)} cause=${o.cause}`);

const contactAndDeals = events(
  ["2026-01-01T07:00:00+01:00", "contact/C1", "created", { name: "Ana", phone: "+39 333" }],
  ["2026-01-01T07:00:00+01:00", "deal/S1", "created", { title: "Service 1", amount: 800, channel: "web", contact: "contact/C1" }],
  ["2026-01-01T07:00:00+01:00", "deal/S2", "created", { title: "Service 2", amount: 900, channel: "web", contact: "contact/C1" }],
  ["2026-01-01T08:00:00+01:00", "deal/S1", "updated", { amount: 1200 }],
  ["2026-01-01T12:00:00+01:00", "deal/S2", "updated", { amount: 1500 }],
);

const reminderSteps = [step(sendSms("Reminder", ["contact"])), wait(1, "days"), step(sendEmail("Welcome", ["contact"]))];

describe("workflows (seed 000)", () => {
  it("per deal: each opportunity is its own instance — SMS at 8 AM for Service 1 and at noon for Service 2", () => {
    const p = program({ workflows: [workflow("Service reminder", "deal", reminderSteps)] });
    const out = runEvents(p, contactAndDeals, { until: "2026-01-03T00:00:00Z" });
    expect(brief(out)).toEqual([
      `e4.1 2026-01-01T07:00 deal/S1 sms.send {"template":"Reminder","to":"contact/C1"} cause=e4`,
      `e5.1 2026-01-01T11:00 deal/S2 sms.send {"template":"Reminder","to":"contact/C1"} cause=e5`,
      `t1 2026-01-02T07:00 deal/S1 email.send {"template":"Welcome","to":"contact/C1"} cause=e4`,
      `t2 2026-01-02T11:00 deal/S2 email.send {"template":"Welcome","to":"contact/C1"} cause=e5`,
    ]);
    expect(out.every((o) => o.rule === "Service reminder")).toBe(true);
  });

  it("per contact: the instance is bound to the first deal, the contact's other deal is ignored", () => {
    const p = program({ workflows: [workflow("Legacy reminder", "contact", reminderSteps)] });
    const out = runEvents(p, contactAndDeals, { until: "2026-01-03T00:00:00Z" });
    expect(brief(out)).toEqual([
      `e4.1 2026-01-01T07:00 deal/S1 sms.send {"template":"Reminder","to":"contact/C1"} cause=e4`,
      `t1 2026-01-02T07:00 deal/S1 email.send {"template":"Welcome","to":"contact/C1"} cause=e4`,
    ]);
  });

  it("an update during a wait does not restart the instance, and the next step reads the new value", () => {
    const p = program({
      workflows: [
        workflow("Follow up", "deal", [
          step(sendSms("Reminder", ["contact"])),
          wait(1, "days"),
          ifStep(cmp(">", field("amount"), lit(1000)), [step(notify("sales@solar.example", "big deal ", ["title"]))], [step(notify("sales@solar.example", "small"))]),
        ]),
      ],
    });
    const out = runEvents(
      p,
      events(
        ["2026-01-01T08:00:00Z", "deal/S1", "created", { title: "Roof", amount: 500, channel: "web", contact: "contact/C1" }],
        ["2026-01-01T09:00:00Z", "deal/S1", "updated", { amount: 600 }],
        ["2026-01-01T10:00:00Z", "deal/S1", "updated", { amount: 5000 }],
      ),
      { until: "2026-01-05T00:00:00Z" },
    );
    expect(brief(out)).toEqual([
      `e2.1 2026-01-01T09:00 deal/S1 sms.send {"template":"Reminder","to":"contact/C1"} cause=e2`,
      `t1 2026-01-02T09:00 deal/S1 notify {"to":"sales@solar.example","text":"big deal Roof"} cause=e2`,
    ]);
  });

  it("the else branch runs when the condition is false", () => {
    const p = program({
      workflows: [workflow("Branch", "deal", [ifStep(cmp(">", field("amount"), lit(1000)), [step(notify("a@x.example", "big"))], [step(notify("a@x.example", "small"))])])],
    });
    const out = runEvents(p, events(["2026-01-01T08:00:00Z", "deal/S1", "updated", { amount: 10 }]));
    expect(out.map((o) => o.data.text)).toEqual(["small"]);
  });

  it("without reentry a finished key never enrolls again; with reentry it does", () => {
    const input = events(
      ["2026-01-01T08:00:00Z", "deal/S1", "updated", { amount: 1 }],
      ["2026-01-02T08:00:00Z", "deal/S1", "updated", { amount: 2 }],
    );
    const once = program({ workflows: [workflow("Once", "deal", [step(notify("a@x.example", "hi"))])] });
    expect(runEvents(once, input)).toHaveLength(1);
    const again = program({ workflows: [workflow("Again", "deal", [step(notify("a@x.example", "hi"))], { reentry: true })] });
    expect(runEvents(again, input).map((o) => o.id)).toEqual(["e1.1", "e2.1"]);
  });

  it("stop ends the instance", () => {
    const p = program({ workflows: [workflow("Stops", "deal", [step(notify("a@x.example", "one")), stop, step(notify("a@x.example", "two"))])] });
    expect(runEvents(p, events(["2026-01-01T08:00:00Z", "deal/S1", "updated", { amount: 1 }])).map((o) => o.data.text)).toEqual(["one"]);
  });

  it("wait until goes on when the bound record changes to meet the condition", () => {
    const p = program({
      workflows: [
        workflow("Until signed", "deal", [waitUntil(cmp("==", field("signed"), lit(true)), duration(3, "days")), step(notify("a@x.example", "go on"))], {
          enroll: { kind: "lifecycle", event: "created" },
        }),
      ],
    });
    const out = runEvents(
      p,
      events(
        ["2026-01-01T08:00:00Z", "deal/S1", "created", { title: "t", amount: 1, channel: "web", contact: "contact/C1" }],
        ["2026-01-02T08:00:00Z", "deal/S1", "updated", { amount: 2 }],
        ["2026-01-02T09:00:00Z", "deal/S1", "updated", { signed: true }],
      ),
      { until: "2026-01-10T00:00:00Z" },
    );
    expect(brief(out)).toEqual([`e3.1 2026-01-02T09:00 deal/S1 notify {"to":"a@x.example","text":"go on"} cause=e3`]);
  });

  it("wait until times out and goes on with the next step", () => {
    const p = program({
      workflows: [
        workflow("Until signed", "deal", [waitUntil(cmp("==", field("signed"), lit(true)), duration(3, "days")), step(notify("a@x.example", "timed out"))], {
          enroll: { kind: "lifecycle", event: "created" },
        }),
      ],
    });
    const out = runEvents(p, events(["2026-01-01T08:00:00Z", "deal/S1", "created", { title: "t", amount: 1, channel: "web", contact: "contact/C1" }]), {
      until: "2026-01-10T00:00:00Z",
    });
    expect(brief(out)).toEqual([`t1 2026-01-04T08:00 deal/S1 notify {"to":"a@x.example","text":"timed out"} cause=e1`]);
  });

  it("a workflow's own set does not restart it (its enroll event finds the active instance)", () => {
    const p = program({
      workflows: [workflow("Touch", "deal", [step(set("amount", lit(99))), step(notify("a@x.example", "done"))])],
    });
    const out = runEvents(p, events(["2026-01-01T08:00:00Z", "deal/S1", "updated", { amount: 1 }]));
    expect(out.map((o) => `${o.id} ${o.type}`)).toEqual(["e1.1 updated", "e1.2 notify"]);
  });

  it("deleting the bound record cancels the instance and its wait", () => {
    const p = program({ workflows: [workflow("Wait", "deal", [wait(1, "hours"), step(notify("a@x.example", "after"))])] });
    const out = runEvents(
      p,
      events(["2026-01-01T08:00:00Z", "deal/S1", "updated", { amount: 1 }], ["2026-01-01T08:30:00Z", "deal/S1", "deleted"]),
      { until: "2026-01-02T00:00:00Z" },
    );
    expect(out).toEqual([]);
  });
});
