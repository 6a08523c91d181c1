import { describe, expect, it } from "vitest";
import { compileSources } from "../../../compiler/index";
import type { Program } from "../../../runtime/program/ir";
import { schema } from "./schema";

function compile(rules: string, extra: Array<{ path: string; text: string }> = []): Program {
  const result = compileSources([{ path: "schema.rules", text: schema }, { path: "rules.rules", text: rules }, ...extra]);
  const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === "error");
  expect(errors).toEqual([]);
  expect(result.program).toBeDefined();
  return result.program!;
}

describe("lowering rules", () => {
  it("gives an entity-less stage the entity that owns it, and unnamed rules their file:line", () => {
    const program = compile(`
on stage "Scheduling" close -> open "Validation"
rule "Proposal sent": on deal created when lead != none -> move lead to "Proposal submitted"`);
    expect(program.rules).toEqual([
      {
        id: expect.stringMatching(/^installation#[0-9a-f]{16}$/),
        name: "rules.rules:2",
        location: { file: "rules.rules", line: 2, column: 1 },
        entity: "installation",
        trigger: { kind: "stage", stage: "Scheduling", edge: "close" },
        actions: [{ kind: "open", stage: "Validation" }],
      },
      {
        id: "Proposal sent",
        name: "Proposal sent",
        location: { file: "rules.rules", line: 3, column: 1 },
        entity: "deal",
        trigger: { kind: "lifecycle", event: "created" },
        condition: { kind: "compare", op: "!=", left: { kind: "field", path: ["lead"] }, right: { kind: "literal", value: null } },
        actions: [{ kind: "move", target: ["lead"], targetEntity: "lead", stage: "Proposal submitted", allowBack: false }],
      },
    ]);
  });

  it("turns enum identifiers into string literals and keeps actions in written order", () => {
    const program = compile(`on deal stage "Validation" open when channel in [web, partner] {
  assign installer from installers
  send email "Welcome" to contact cc installer
}`);
    const rule = program.rules[0]!;
    expect(rule.condition).toEqual({
      kind: "in",
      value: { kind: "field", path: ["channel"] },
      options: [
        { kind: "literal", value: "web" },
        { kind: "literal", value: "partner" },
      ],
    });
    expect(rule.actions).toEqual([
      { kind: "assign", field: "installer", team: "installers", strategy: "round_robin" },
      { kind: "sendEmail", template: "Welcome", to: { kind: "field", path: ["contact"] }, cc: { kind: "field", path: ["installer"] } },
    ]);
  });

  it("lowers event payload fields, this, stage comparisons and created records", () => {
    const program = compile(`on deal invoice.paid when event.amount > 1000 and stage == "Validation" -> move to "Won" allow back as "alice@solar.example"
on lead created when source == web -> create deal with { title: name, lead: this, contact: contact }`);
    const [paid, created] = program.rules;
    expect(paid!.trigger).toEqual({ kind: "event", event: "invoice.paid" });
    expect(paid!.condition).toEqual({
      kind: "and",
      left: { kind: "compare", op: ">", left: { kind: "eventField", field: "amount" }, right: { kind: "literal", value: 1000 } },
      right: { kind: "compare", op: "==", left: { kind: "field", path: ["stage"] }, right: { kind: "literal", value: "Validation" } },
    });
    expect(paid!.actions).toEqual([
      { kind: "move", targetEntity: "deal", stage: "Won", allowBack: true, as: "alice@solar.example" },
    ]);
    expect(created!.condition).toEqual({
      kind: "compare",
      op: "==",
      left: { kind: "field", path: ["source"] },
      right: { kind: "literal", value: "web" },
    });
    expect(created!.actions).toEqual([
      {
        kind: "create",
        entity: "deal",
        fields: [
          { name: "title", value: { kind: "field", path: ["name"] } },
          { name: "lead", value: { kind: "this" } },
          { name: "contact", value: { kind: "field", path: ["contact"] } },
        ],
      },
    ]);
  });

  it("lowers delays with durations, a local time and working hours", () => {
    const program = compile(`on deal stage "Documentation pending" open after 4 days -> send email "Docs reminder" to contact
on deal stage "Validation" open after 2 business days at 09:30 within working hours -> generate report "Offer" and email "Docs reminder" to contact`);
    expect(program.rules[0]!.delay).toEqual({ duration: { amount: 4, unit: "days" }, withinWorkingHours: false });
    expect(program.rules[1]!.delay).toEqual({ duration: { amount: 2, unit: "business_days" }, at: 570, withinWorkingHours: true });
    expect(program.rules[1]!.actions[0]).toEqual({
      kind: "generateReport",
      template: "Offer",
      email: { template: "Docs reminder", to: { kind: "field", path: ["contact"] } },
    });
  });

  it("reads placeholders exactly as the checker does: `{ title }` with spaces is plain text, never an unchecked path", () => {
    const program = compile('on deal created -> notify responsible "Deal { title } and {title}"');
    expect(program.rules[0]!.actions[0]).toEqual({
      kind: "notify",
      to: { kind: "field", path: ["responsible"] },
      text: ["Deal { title } and ", { path: ["title"] }],
    });
  });

  it("splits placeholders of notes and notifications, and lowers changed() and previous()", () => {
    const program = compile(`on deal updated when changed(amount) and previous(amount) < amount {
  notify responsible "Amount of {title} is now {amount}"
  create activity call "Call {contact.name}"
}`);
    const rule = program.rules[0]!;
    expect(rule.condition).toEqual({
      kind: "and",
      left: { kind: "changed", field: "amount" },
      right: { kind: "compare", op: "<", left: { kind: "previous", field: "amount" }, right: { kind: "field", path: ["amount"] } },
    });
    expect(rule.actions).toEqual([
      {
        kind: "notify",
        to: { kind: "field", path: ["responsible"] },
        text: ["Amount of ", { path: ["title"] }, " is now ", { path: ["amount"] }],
      },
      { kind: "createActivity", activityKind: "call", text: ["Call ", { path: ["contact", "name"] }] },
    ]);
  });

  it("keeps rules in declaration order: files in the order given, then line order", () => {
    const program = compile(`on deal created -> move to "Validation"`, [
      { path: "more.rules", text: `on deal updated -> move to "Won"\non deal deleted -> move to "Lost"` },
    ]);
    expect(program.rules.map((rule) => rule.name)).toEqual(["rules.rules:1", "more.rules:1", "more.rules:2"]);
  });
});

describe("lowering declarations", () => {
  it("lowers the schema, templates with placeholders, teams and events", () => {
    const program = compile("");
    expect(program.calendar).toEqual({
      timezone: "Europe/Rome",
      workdays: [1, 2, 3, 4, 5],
      hours: { from: 540, to: 1080 },
      holidays: ["2026-12-25"],
    });
    expect(program.entities.map((entity) => entity.name)).toEqual(["contact", "lead", "deal", "installation"]);
    const deal = program.entities[2]!;
    expect(deal.fields.slice(0, 4)).toEqual([
      { name: "title", type: { kind: "text" }, optional: false },
      { name: "amount", type: { kind: "money" }, optional: false },
      { name: "channel", type: { kind: "enum", values: ["web", "phone", "partner"] }, optional: false },
      { name: "contact", type: { kind: "ref", entity: "contact" }, optional: false },
    ]);
    expect(deal.pipeline!.stages[3]).toEqual({ name: "Won", outcome: "won" });
    expect(program.entities[3]!.pipeline!.kind).toBe("parallel");
    expect(program.templates[0]).toEqual({
      kind: "email",
      name: "Docs reminder",
      properties: {
        subject: ["We still need your documents"],
        body: ["Hello ", { path: ["contact", "name"] }, ", please send the documents for ", { path: ["title"] }, "."],
      },
    });
    expect(program.templates.find((template) => template.kind === "sms")).toEqual({
      kind: "sms",
      name: "Reminder",
      properties: { text: ["Reminder about ", { path: ["title"] }] },
    });
    expect(program.templates.find((template) => template.kind === "task")).toEqual({
      kind: "task",
      name: "Call back",
      properties: { description: ["Call the client"] },
      due: { amount: 1, unit: "days" },
      taskType: "call",
    });
    expect(program.teams).toEqual([{ name: "installers", members: ["ana@solar.example", "bo@solar.example"] }]);
    expect(program.events.find((event) => event.name === "invoice.paid")).toMatchObject({ declared: false });
    expect(program.events.at(-1)).toEqual({
      name: "webinar.attended",
      fields: [{ name: "title", type: { kind: "text" }, optional: false }],
      declared: true,
    });
  });

  it("uses the default calendar when none is declared", () => {
    const result = compileSources([{ path: "a.rules", text: `entity deal {\n  title: text\n}\n` }]);
    expect(result.program!.calendar).toEqual({
      timezone: "UTC",
      workdays: [1, 2, 3, 4, 5],
      hours: { from: 540, to: 1080 },
      holidays: [],
    });
    expect(result.program!.rules).toEqual([]);
  });

  it("has no program when there are errors", () => {
    const result = compileSources([{ path: "a.rules", text: `on deal created -> move to "Nowhere"` }]);
    expect(result.diagnostics.some((diagnostic) => diagnostic.severity === "error")).toBe(true);
    expect(result.program).toBeUndefined();
  });
});

describe("lowering workflows", () => {
  const workflows = `workflow "Service reminder" per deal {
  enroll on deal updated
  send sms "Reminder" to contact
  wait 1 day
  wait until amount > 10 timeout 2 hours
  if amount > 1000 {
    send email "Follow up" to contact
  } else {
    stop
  }
}
workflow "Legacy reminder" per contact reentry {
  enroll on deal updated when amount > 5
  send sms "Reminder" to contact
}
workflow "Default key" {
  enroll on deal created
  create task "Call back" for responsible
}`;

  it("keys per deal by the deal itself and per contact by the deal's contact field", () => {
    const program = compile(workflows);
    const [service, legacy, defaulted] = program.workflows;
    expect(service).toEqual({
      id: "Service reminder",
      name: "Service reminder",
      location: { file: "rules.rules", line: 1, column: 1 },
      per: "deal",
      reentry: false,
      enrollments: [{ entity: "deal", trigger: { kind: "lifecycle", event: "updated" }, keyField: null }],
      steps: [
        { kind: "action", action: { kind: "sendSms", template: "Reminder", to: { kind: "field", path: ["contact"] } } },
        { kind: "wait", duration: { amount: 1, unit: "days" } },
        {
          kind: "waitUntil",
          condition: { kind: "compare", op: ">", left: { kind: "field", path: ["amount"] }, right: { kind: "literal", value: 10 } },
          timeout: { amount: 2, unit: "hours" },
        },
        {
          kind: "if",
          condition: { kind: "compare", op: ">", left: { kind: "field", path: ["amount"] }, right: { kind: "literal", value: 1000 } },
          then: [
            { kind: "action", action: { kind: "sendEmail", template: "Follow up", to: { kind: "field", path: ["contact"] } } },
          ],
          else: [{ kind: "stop" }],
        },
      ],
      // pre-order: the `if` (line 6), its `then` step, its `else` step
      stepLocations: [3, 4, 5, 6, 7, 9].map((line) => ({ file: "rules.rules", line, column: line >= 7 ? 5 : 3 })),
    });
    expect(legacy!.per).toBe("contact");
    expect(legacy!.reentry).toBe(true);
    expect(legacy!.enrollments).toEqual([
      {
        entity: "deal",
        trigger: { kind: "lifecycle", event: "updated" },
        condition: { kind: "compare", op: ">", left: { kind: "field", path: ["amount"] }, right: { kind: "literal", value: 5 } },
        keyField: "contact",
      },
    ]);
    expect(defaulted!.per).toBe("deal");
    expect(defaulted!.enrollments[0]!.keyField).toBeNull();
    expect(defaulted!.steps).toEqual([
      { kind: "action", action: { kind: "createTask", template: "Call back", for: { kind: "field", path: ["responsible"] } } },
    ]);
  });
});

describe("lowering tests", () => {
  it("generates input ids, reads records and data, and normalises times to UTC", () => {
    const program = compile(`test "Docs reminder after four days" {
  at 2026-01-01T09:30+01:00 "deal/S1" stage.opened { stage: "Documentation pending" }
  at 2026-01-01T10:00+01:00 "deal/S1" updated { amount: 1200, channel: "web" }
  until 2026-01-10T00:00Z
  expect email.send "deal/S1" { template: "Docs reminder", to: "contact/C1" } at 2026-01-05T08:30Z
  expect no sms.send
}
test "second" {
  at 2026-02-01T09:00:00Z "deal/S2" invoice.paid { amount: 5 }
}`);
    expect(program.tests).toEqual([
      {
        name: "Docs reminder after four days",
        location: { file: "rules.rules", line: 1, column: 1 },
        events: [
          { id: "t1.e1", at: "2026-01-01T08:30:00.000Z", entity: "deal/S1", type: "stage.opened", data: { stage: "Documentation pending" } },
          { id: "t1.e2", at: "2026-01-01T09:00:00.000Z", entity: "deal/S1", type: "updated", data: { amount: 1200, channel: "web" } },
        ],
        eventLocations: [
          { file: "rules.rules", line: 2, column: 3 },
          { file: "rules.rules", line: 3, column: 3 },
        ],
        until: "2026-01-10T00:00:00.000Z",
        untilLocation: { file: "rules.rules", line: 4, column: 3 },
        expectations: [
          {
            location: { file: "rules.rules", line: 5, column: 3 },
            negated: false,
            type: "email.send",
            entity: "deal/S1",
            data: { template: "Docs reminder", to: "contact/C1" },
            at: "2026-01-05T08:30:00.000Z",
          },
          { location: { file: "rules.rules", line: 6, column: 3 }, negated: true, type: "sms.send", data: {} },
        ],
      },
      {
        name: "second",
        location: { file: "rules.rules", line: 8, column: 1 },
        events: [{ id: "t2.e1", at: "2026-02-01T09:00:00.000Z", entity: "deal/S2", type: "invoice.paid", data: { amount: 5 } }],
        eventLocations: [{ file: "rules.rules", line: 9, column: 3 }],
        expectations: [],
      },
    ]);
  });
});

describe("the IR is plain data", () => {
  it("survives a JSON round trip and is the same on every compile", () => {
    const rules = `on stage "Scheduling" open after 1 week -> notify "desk@solar.example" "Plan {deal.title}"
on deal becomes amount > 5000 and channel == partner -> set installer = "bo@solar.example"
workflow "W" per contact {
  enroll on deal "webinar.attended"
  wait 3 minutes
}
test "t" {
  at 2026-01-01T09:00Z "deal/S1" created { title: "A", amount: 1, channel: "web", contact: "contact/C1" }
  expect no updated
}`;
    const program = compile(rules);
    expect(JSON.parse(JSON.stringify(program))).toStrictEqual(program);
    expect(JSON.stringify(compile(rules))).toBe(JSON.stringify(program));
    expect(program.rules[1]!.trigger).toEqual({
      kind: "becomes",
      condition: {
        kind: "and",
        left: { kind: "compare", op: ">", left: { kind: "field", path: ["amount"] }, right: { kind: "literal", value: 5000 } },
        right: { kind: "compare", op: "==", left: { kind: "field", path: ["channel"] }, right: { kind: "literal", value: "partner" } },
      },
    });
    expect(program.workflows[0]!.enrollments[0]).toEqual({
      entity: "deal",
      trigger: { kind: "event", event: "webinar.attended" },
      keyField: "contact",
    });
  });
});
