// Every example of docs/language.md "Declarations" parses without diagnostics, with the
// expected shape for the pieces other layers rely on.
import { describe, expect, it } from "vitest";
import type { EntityDecl, RuleDecl, TemplateDecl, WorkflowDecl } from "../../grammar/index";
import { fixture, parseClean } from "./helpers";

describe("declarations", () => {
  const file = parseClean(fixture("declarations.rules"), "declarations.rules");

  it("reads every declaration in order", () => {
    expect(file.items.map((item) => item.kind)).toEqual([
      "CalendarDecl", "EntityDecl", "EntityDecl", "EntityDecl",
      "TemplateDecl", "TemplateDecl", "TemplateDecl", "TemplateDecl", "TeamDecl",
    ]);
  });

  it("reads the calendar settings", () => {
    const calendar = file.items[0]!;
    if (calendar.kind !== "CalendarDecl") throw new Error("not a calendar");
    const [timezone, workdays, hours, holiday] = calendar.settings;
    expect(timezone).toMatchObject({ kind: "Timezone", zone: { text: "Europe/Rome", quoted: true } });
    expect(workdays?.kind === "Workdays" && workdays.days.map((d) => d.text)).toEqual(["mon", "tue", "wed", "thu", "fri"]);
    expect(hours).toMatchObject({ kind: "Hours", from: { hour: 9, minute: 0, text: "09:00" }, to: { hour: 18, minute: 0 } });
    expect(holiday).toMatchObject({ kind: "Holiday", date: { kind: "DateLiteral", text: "2026-12-25" } });
  });

  it("reads fields, optional marks, enum and reference types", () => {
    const contact = file.items[1] as EntityDecl;
    expect(contact.name.text).toBe("contact");
    expect(contact.fields.map((f) => [f.name.text, f.type.kind === "NamedType" ? f.type.name.text : "enum", f.optional])).toEqual([
      ["name", "text", false],
      ["email", "email", true],
      ["phone", "phone", true],
    ]);
    const deal = file.items[2] as EntityDecl;
    const channel = deal.fields.find((f) => f.name.text === "channel")!;
    expect(channel.type.kind === "EnumType" && channel.type.values.map((v) => v.text)).toEqual(["web", "phone", "partner"]);
    const reference = deal.fields.find((f) => f.name.text === "contact")!;
    expect(reference.type).toMatchObject({ kind: "NamedType", name: { text: "contact" } });
  });

  it("reads sequential and parallel pipelines with outcomes", () => {
    const deal = file.items[2] as EntityDecl;
    expect(deal.pipeline?.parallel).toBe(false);
    expect(deal.pipeline?.stages.map((s) => [s.name.text, s.outcome])).toEqual([
      ["New", undefined],
      ["Documentation pending", undefined],
      ["Validation", undefined],
      ["Won", "won"],
      ["Lost", "lost"],
    ]);
    const installation = file.items[3] as EntityDecl;
    expect(installation.pipeline?.parallel).toBe(true);
    expect(installation.pipeline?.stages).toHaveLength(3);
  });

  it("reads the three template forms", () => {
    const [email, sms, task, report] = file.items.slice(4, 8) as TemplateDecl[];
    expect(email!.templateKind.text).toBe("email");
    expect(email!.properties.map((p) => [p.key.text, p.value.kind])).toEqual([
      ["subject", "StringLiteral"],
      ["body", "StringLiteral"],
    ]);
    expect(sms!.text?.value).toBe("Reminder about {title}");
    expect(task!.properties.map((p) => p.key.text)).toEqual(["type", "description", "due"]);
    expect(task!.properties[0]!.value).toMatchObject({ kind: "Name", text: "call" });
    expect(task!.properties[2]!.value).toMatchObject({ kind: "Duration", amount: 1, unit: "days", unitText: "day" });
    expect(report).toMatchObject({ templateKind: { text: "report" }, name: { text: "Offer" }, properties: [] });
    expect(report!.text).toBeUndefined();
  });

  it("reads the team members", () => {
    const team = file.items[8]!;
    expect(team).toMatchObject({ kind: "TeamDecl", name: { text: "installers" } });
    expect(team.kind === "TeamDecl" && team.members.map((m) => m.value)).toEqual(["ana@solar.example", "bo@solar.example"]);
  });
});

describe("rules", () => {
  const rules = parseClean(fixture("rules.rules"), "rules.rules").items as RuleDecl[];

  it("reads all eight rules", () => {
    expect(rules.map((r) => r.kind)).toEqual(Array(8).fill("RuleDecl"));
  });

  it("reads a stage subject without an entity and a single action", () => {
    expect(rules[0]).toMatchObject({
      subject: { kind: "StageSubject", stage: { text: "Documentation pending" }, edge: "close" },
      actions: [{ kind: "OpenAction", stage: { text: "Validation" } }],
      block: false,
    });
    expect((rules[0]!.subject as { entity?: unknown }).entity).toBeUndefined();
  });

  it("reads the delay's amount and unit", () => {
    expect(rules[1]!.subject).toMatchObject({ kind: "StageSubject", entity: { text: "deal" }, edge: "open" });
    expect(rules[1]!.delay).toMatchObject({ duration: { amount: 4, unit: "days", unitText: "days" }, withinWorkingHours: false });
    expect(rules[1]!.actions[0]).toMatchObject({
      kind: "SendEmailAction",
      template: { text: "Docs reminder" },
      to: { kind: "PathExpr", segments: [{ text: "contact" }] },
    });
  });

  it("reads a block with `in [...]`, assign and cc", () => {
    const rule = rules[2]!;
    expect(rule.block).toBe(true);
    expect(rule.condition).toMatchObject({
      kind: "InExpr",
      value: { kind: "PathExpr", segments: [{ text: "channel" }] },
      options: { kind: "ListExpr", items: [{ segments: [{ text: "web" }] }, { segments: [{ text: "partner" }] }] },
    });
    expect(rule.actions).toMatchObject([
      { kind: "AssignAction", field: { segments: [{ text: "installer" }] }, team: { text: "installers" }, strategy: "round_robin", strategyWritten: false },
      { kind: "SendEmailAction", template: { text: "Welcome" }, cc: { segments: [{ text: "installer" }] } },
    ]);
  });

  it("reads an event subject given as a dotted name", () => {
    expect(rules[3]!.subject).toMatchObject({ kind: "EventSubject", entity: { text: "deal" }, event: { text: "invoice.paid", quoted: false } });
    expect(rules[3]!.actions[0]).toMatchObject({ kind: "MoveAction", stage: { text: "Won" }, allowBack: false });
    expect((rules[3]!.actions[0] as { target?: unknown }).target).toBeUndefined();
  });

  it("reads the move's allow back and as", () => {
    expect(rules[4]!.condition).toMatchObject({ kind: "BinaryExpr", operator: ">", right: { kind: "NumberLiteral", value: 1000 } });
    expect(rules[4]!.actions[0]).toMatchObject({
      kind: "MoveAction",
      stage: { text: "Documentation pending" },
      allowBack: true,
      as: { kind: "StringLiteral", value: "alice@solar.example" },
    });
  });

  it("reads create with fields, this and comparisons", () => {
    expect(rules[5]!.subject).toMatchObject({ kind: "LifecycleSubject", entity: { text: "lead" }, event: "created" });
    expect(rules[5]!.condition).toMatchObject({ operator: "==", left: { segments: [{ text: "source" }] } });
    expect(rules[5]!.actions[0]).toMatchObject({
      kind: "CreateRecordAction",
      entity: { text: "deal" },
      withWritten: true,
      fields: [
        { name: { text: "title" }, value: { kind: "PathExpr", segments: [{ text: "name" }] } },
        { name: { text: "lead" }, value: { kind: "ThisExpr" } },
        { name: { text: "contact" }, value: { kind: "PathExpr" } },
      ],
    });
  });

  it("reads create task for responsible", () => {
    expect(rules[6]!.actions[0]).toMatchObject({
      kind: "CreateTaskAction",
      template: { text: "Call back" },
      for: { kind: "PathExpr", segments: [{ text: "responsible" }] },
    });
  });

  it("reads a named rule, none and a move of a reference", () => {
    expect(rules[7]!.name).toMatchObject({ text: "Proposal sent", quoted: true });
    expect(rules[7]!.condition).toMatchObject({ operator: "!=", right: { kind: "NoneExpr" } });
    expect(rules[7]!.actions[0]).toMatchObject({
      kind: "MoveAction",
      target: { segments: [{ text: "lead" }] },
      stage: { text: "Proposal submitted" },
    });
  });
});

describe("workflows", () => {
  const [service, legacy] = parseClean(fixture("workflows.rules"), "workflows.rules").items as WorkflowDecl[];

  it("reads per, enrollments and steps", () => {
    expect(service).toMatchObject({ kind: "WorkflowDecl", name: { text: "Service reminder" }, per: { text: "deal" }, reentry: false });
    expect(service!.enrollments).toMatchObject([{ subject: { kind: "LifecycleSubject", entity: { text: "deal" }, event: "updated" } }]);
    expect(service!.steps.map((s) => s.kind)).toEqual(["ActionStep", "WaitStep", "IfStep"]);
    expect(service!.steps[1]).toMatchObject({ duration: { amount: 1, unit: "days" } });
    expect(service!.steps[2]).toMatchObject({
      condition: { operator: ">" },
      then: [{ kind: "ActionStep", action: { kind: "SendEmailAction", template: { text: "Follow up" } } }],
    });
  });

  it("reads reentry", () => {
    expect(legacy).toMatchObject({ per: { text: "contact" }, reentry: true });
  });
});
