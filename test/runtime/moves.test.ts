import { describe, expect, it } from "vitest";
import { runEvents, type OutputRecord } from "../../runtime/index";
import {
  after,
  close,
  events,
  moveTo,
  notify,
  on,
  onClose,
  onEvent,
  onOpen,
  open,
  program,
  rule,
  sendEmail,
  cmp,
  field,
  lit,
} from "./program-builder";

const brief = (outputs: OutputRecord[]) => outputs.map((o) => `${o.id} ${o.entity} ${o.type} ${JSON.stringify(o.data)} cause=${o.cause} rule=${o.rule}`);

const created = (at: string, stage?: string): [string, string, string, Record<string, string | number>] => [
  at,
  "deal/D1",
  "created",
  { title: "Roof", amount: 5000, channel: "web", contact: "contact/C1", ...(stage ? { stage } : {}) },
];

describe("sequential moves", () => {
  it("writes the implied close of an input stage.opened with rule null, then runs close and open rules in order", () => {
    const p = program({
      rules: [
        rule("deal", onClose("New"), [notify("ops@solar.example", "left New")], { name: "left new" }),
        rule("deal", onOpen("Validation"), [notify("ops@solar.example", "validating ", ["title"])], { name: "validating" }),
      ],
    });
    const out = runEvents(p, events(created("2026-01-01T08:00:00Z", "New"), ["2026-01-01T09:00:00Z", "deal/D1", "stage.opened", { stage: "Validation" }]));
    expect(brief(out)).toEqual([
      `e2.1 deal/D1 stage.closed {"stage":"New"} cause=e2 rule=null`,
      `e2.2 deal/D1 notify {"to":"ops@solar.example","text":"left New"} cause=e2.1 rule=left new`,
      `e2.3 deal/D1 notify {"to":"ops@solar.example","text":"validating Roof"} cause=e2 rule=validating`,
    ]);
  });

  it("opens a created record's stage as part of the creation and fires its open rules", () => {
    const p = program({ rules: [rule("deal", onOpen("New"), [notify("ops@solar.example", "new deal")], { name: "welcome" })] });
    const out = runEvents(p, events(created("2026-01-01T08:00:00Z", "New")));
    expect(brief(out)).toEqual([`e1.1 deal/D1 notify {"to":"ops@solar.example","text":"new deal"} cause=e1 rule=welcome`]);
  });

  it("a move action closes the old stage then opens the new one, both written with the rule's name", () => {
    const p = program({ rules: [rule("deal", onEvent("invoice.paid"), [moveTo("Won")], { name: "paid" })] });
    const out = runEvents(p, events(created("2026-01-01T08:00:00Z", "Validation"), ["2026-01-02T08:00:00Z", "deal/D1", "invoice.paid", { amount: 5 }]));
    expect(brief(out)).toEqual([
      `e2.1 deal/D1 stage.closed {"stage":"Validation"} cause=e2 rule=paid`,
      `e2.2 deal/D1 stage.opened {"stage":"Won"} cause=e2 rule=paid`,
    ]);
  });

  it("a trigger does not move back without allow back, and does with it; as adds by", () => {
    const forward = program({ rules: [rule("deal", onEvent("email.opened"), [moveTo("Documentation pending")], { name: "opened" })] });
    const input = events(created("2026-01-01T08:00:00Z", "Validation"), ["2026-01-02T08:00:00Z", "deal/D1", "email.opened"]);
    expect(runEvents(forward, input)).toEqual([]);

    const back = program({
      rules: [rule("deal", onEvent("email.opened"), [moveTo("Documentation pending", { allowBack: true, as: "alice@solar.example" })], { name: "opened" })],
    });
    expect(brief(runEvents(back, input))).toEqual([
      `e2.1 deal/D1 stage.closed {"stage":"Validation"} cause=e2 rule=opened`,
      `e2.2 deal/D1 stage.opened {"stage":"Documentation pending","by":"alice@solar.example"} cause=e2 rule=opened`,
    ]);
  });

  it("moving to the open stage does nothing, and is traced", () => {
    const p = program({ rules: [rule("deal", onEvent("email.opened"), [moveTo("Validation")], { name: "opened" })] });
    const reasons: string[] = [];
    const out = runEvents(p, events(created("2026-01-01T08:00:00Z", "Validation"), ["2026-01-02T08:00:00Z", "deal/D1", "email.opened"]), {
      onTrace: (t) => t.kind === "skip" && reasons.push(`${t.action}: ${t.reason}`),
    });
    expect(out).toEqual([]);
    expect(reasons).toEqual(['move to "Validation": deal/D1 is already in it']);
  });

  it("open in a sequential pipeline moves whatever the order; close closes only an open stage", () => {
    const p = program({
      rules: [
        rule("deal", onEvent("email.opened"), [open("New")], { name: "reopen" }),
        rule("deal", onEvent("invoice.paid"), [close("Won"), close("New")], { name: "shut" }),
      ],
    });
    const out = runEvents(
      p,
      events(created("2026-01-01T08:00:00Z", "Validation"), ["2026-01-02T08:00:00Z", "deal/D1", "email.opened"], ["2026-01-03T08:00:00Z", "deal/D1", "invoice.paid", { amount: 1 }]),
    );
    expect(brief(out)).toEqual([
      `e2.1 deal/D1 stage.closed {"stage":"Validation"} cause=e2 rule=reopen`,
      `e2.2 deal/D1 stage.opened {"stage":"New"} cause=e2 rule=reopen`,
      `e3.1 deal/D1 stage.closed {"stage":"New"} cause=e3 rule=shut`,
    ]);
  });
});

describe("parallel substates", () => {
  it("opens substates beside each other and closes them independently", () => {
    const p = program({
      rules: [
        rule("installation", onClose("Documentation pending"), [open("Validation"), open("Scheduling")], { name: "docs done" }),
        rule("installation", onOpen("Scheduling"), [notify("ops@solar.example", "schedule")], {
          name: "schedule",
          when: { kind: "isOpen", stage: "Validation" },
        }),
      ],
    });
    const out = runEvents(
      p,
      events(
        ["2026-01-01T08:00:00Z", "installation/I1", "created", { deal: "deal/D1", stage: "Documentation pending" }],
        ["2026-01-02T08:00:00Z", "installation/I1", "stage.closed", { stage: "Documentation pending" }],
      ),
    );
    expect(brief(out)).toEqual([
      `e2.1 installation/I1 stage.opened {"stage":"Validation"} cause=e2 rule=docs done`,
      `e2.2 installation/I1 stage.opened {"stage":"Scheduling"} cause=e2 rule=docs done`,
      `e2.3 installation/I1 notify {"to":"ops@solar.example","text":"schedule"} cause=e2.2 rule=schedule`,
    ]);
  });
});

describe("scheduled stage actions", () => {
  const p = program({
    rules: [
      rule("deal", onOpen("Documentation pending"), [sendEmail("Docs reminder", ["contact"])], { name: "reminder", delay: after(4, "days") }),
    ],
  });
  const docs = (at: string): [string, string, string, Record<string, string>] => [at, "deal/D1", "stage.opened", { stage: "Documentation pending" }];

  it("fires when the stage is still open", () => {
    const out = runEvents(p, events(created("2026-01-01T08:00:00Z"), docs("2026-01-01T09:00:00Z")), { until: "2026-01-10T00:00:00Z" });
    expect(brief(out)).toEqual([`t1 deal/D1 email.send {"template":"Docs reminder","to":"contact/C1"} cause=e2 rule=reminder`]);
    expect(out[0]!.at).toBe("2026-01-05T09:00:00.000Z");
  });

  it("is cancelled by an earlier close, and a re-opening starts a new one", () => {
    const out = runEvents(
      p,
      events(
        created("2026-01-01T08:00:00Z"),
        docs("2026-01-01T09:00:00Z"),
        ["2026-01-02T09:00:00Z", "deal/D1", "stage.closed", { stage: "Documentation pending" }],
        docs("2026-01-03T09:00:00Z"),
      ),
      { until: "2026-01-10T00:00:00Z" },
    );
    expect(brief(out)).toEqual([`t2 deal/D1 email.send {"template":"Docs reminder","to":"contact/C1"} cause=e4 rule=reminder`]);
    expect(out[0]!.at).toBe("2026-01-07T09:00:00.000Z");
  });

  it("evaluates the condition when the timer comes due, against the values then", () => {
    const q = program({
      rules: [
        rule("deal", onOpen("Documentation pending"), [notify("ops@solar.example", "big")], {
          name: "big",
          delay: after(1, "days"),
          when: cmp(">", field("amount"), lit(10_000)),
        }),
      ],
    });
    const out = runEvents(q, events(created("2026-01-01T08:00:00Z"), docs("2026-01-01T09:00:00Z"), ["2026-01-01T12:00:00Z", "deal/D1", "updated", { amount: 20_000 }]), {
      until: "2026-01-03T00:00:00Z",
    });
    expect(brief(out)).toEqual([`t1 deal/D1 notify {"to":"ops@solar.example","text":"big"} cause=e2 rule=big`]);
  });

  it("fires timers due before an event first, in due order, ties in scheduling order", () => {
    const q = program({
      rules: [
        rule("deal", on("created"), [notify("a@x.example", "later")], { name: "later", delay: after(2, "hours") }),
        rule("deal", on("created"), [notify("a@x.example", "sooner")], { name: "sooner", delay: after(1, "hours") }),
        rule("deal", on("created"), [notify("a@x.example", "tie")], { name: "tie", delay: after(60, "minutes") }),
        rule("deal", on("updated"), [notify("a@x.example", "update")], { name: "update" }),
      ],
    });
    const out = runEvents(q, events(created("2026-01-01T08:00:00Z"), ["2026-01-01T10:00:00Z", "deal/D1", "updated", { amount: 1 }]));
    expect(out.map((o) => `${o.id} ${o.rule}`)).toEqual(["t2 sooner", "t3 tie", "t1 later", "e2.1 update"]);
  });
});
