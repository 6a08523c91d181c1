// The forms docs/language.md lists beyond its examples: every subject, delay, action,
// workflow step, test statement and expression precedence level.
import { describe, expect, it } from "vitest";
import type { Action, Expr, RuleDecl, TestDecl, WorkflowDecl } from "../../grammar/index";
import { only, parseClean } from "./helpers";

function rule(text: string): RuleDecl {
  return only(parseClean(text), "RuleDecl");
}

function action(text: string): Action {
  return rule(`on deal created -> ${text}`).actions[0]!;
}

function condition(text: string): Expr {
  return rule(`on deal updated when ${text} -> open "X"`).condition!;
}

/** A compact rendering of an expression tree, for precedence checks. */
function show(expr: Expr): string {
  switch (expr.kind) {
    case "BinaryExpr": return `(${show(expr.left)} ${expr.operator} ${show(expr.right)})`;
    case "UnaryExpr": return `(${expr.operator} ${show(expr.operand)})`;
    case "InExpr": return `(${show(expr.value)} ${expr.negated ? "not in" : "in"} ${show(expr.options)})`;
    case "ListExpr": return `[${expr.items.map(show).join(", ")}]`;
    case "PathExpr": return expr.segments.map((s) => s.text).join(".");
    case "CallExpr": return `${expr.callee.text}(${expr.args.map(show).join(", ")})`;
    case "IsOpenExpr": return `is open "${expr.stage.text}"`;
    case "StringLiteral": return JSON.stringify(expr.value);
    case "NumberLiteral": return expr.text;
    case "BooleanLiteral": return String(expr.value);
    case "DateLiteral": case "DateTimeLiteral": return expr.text;
    case "NoneExpr": return "none";
    case "ThisExpr": return "this";
    case "ErrorExpr": return "<error>";
  }
}

describe("subjects", () => {
  it("reads lifecycle events", () => {
    for (const event of ["created", "updated", "deleted"] as const) {
      expect(rule(`on deal ${event} -> open "X"`).subject).toMatchObject({ kind: "LifecycleSubject", event });
    }
  });

  it("reads becomes with its condition", () => {
    expect(rule('on deal becomes amount > 1000 and stage == "Won" -> open "X"').subject).toMatchObject({
      kind: "BecomesSubject",
      entity: { text: "deal" },
      condition: { kind: "BinaryExpr", operator: "and" },
    });
  });

  it("reads a quoted event name", () => {
    expect(rule('on contact "webinar.attended" -> notify responsible "joined"').subject).toMatchObject({
      kind: "EventSubject",
      event: { text: "webinar.attended", quoted: true },
    });
  });

  it("takes an entity called stage when a second stage follows", () => {
    expect(rule('on stage stage "A" open -> open "B"').subject).toMatchObject({ kind: "StageSubject", entity: { text: "stage" } });
  });
});

describe("delays", () => {
  it("reads at and within working hours", () => {
    expect(rule('on deal stage "A" open after 2 business days at 09:30 within working hours -> open "B"').delay).toMatchObject({
      duration: { amount: 2, unit: "business_days", unitText: "business days" },
      at: { hour: 9, minute: 30 },
      withinWorkingHours: true,
    });
  });

  it("maps every unit spelling", () => {
    const units: Record<string, string> = {
      minute: "minutes", minutes: "minutes", hour: "hours", hours: "hours", day: "days", days: "days",
      week: "weeks", weeks: "weeks", "business day": "business_days", "business days": "business_days",
    };
    for (const [written, unit] of Object.entries(units)) {
      expect(rule(`on deal created after 3 ${written} -> open "B"`).delay?.duration).toMatchObject({ amount: 3, unit, unitText: written });
    }
  });
});

describe("actions", () => {
  it("reads open, close and both move forms", () => {
    expect(action('open "S"')).toMatchObject({ kind: "OpenAction", stage: { text: "S" } });
    expect(action('close "S"')).toMatchObject({ kind: "CloseAction", stage: { text: "S" } });
    expect(action('move to "S" as "bo@x"')).toMatchObject({ kind: "MoveAction", allowBack: false, as: { value: "bo@x" } });
    expect(action('move lead.deal to "S" allow back')).toMatchObject({
      kind: "MoveAction",
      target: { segments: [{ text: "lead" }, { text: "deal" }] },
      allowBack: true,
    });
  });

  it("reads send sms, create activity and quoted recipients", () => {
    expect(action('send sms "R" to "ana@x"')).toMatchObject({ kind: "SendSmsAction", to: { kind: "StringLiteral", value: "ana@x" } });
    expect(action('create activity call "Call the client"')).toMatchObject({
      kind: "CreateActivityAction",
      activityKind: { text: "call" },
      text: { value: "Call the client" },
    });
  });

  it("reads create with and without fields, commas optional", () => {
    expect(action("create deal")).toMatchObject({ kind: "CreateRecordAction", withWritten: false, fields: [] });
    expect(action("create deal with { }")).toMatchObject({ withWritten: true, fields: [] });
    const created = action("create deal with { title: name amount: amount * 2, lead: this }");
    expect(created.kind === "CreateRecordAction" && created.fields.map((f) => f.name.text)).toEqual(["title", "amount", "lead"]);
  });

  it("reads both assignment strategies", () => {
    expect(action("assign installer from installers least loaded")).toMatchObject({ strategy: "least_loaded", strategyWritten: true });
    expect(action("assign installer from installers round robin")).toMatchObject({ strategy: "round_robin", strategyWritten: true });
  });

  it("reads set, generate report, request signature and notify", () => {
    expect(action("set amount = amount + 100")).toMatchObject({
      kind: "SetAction",
      field: { segments: [{ text: "amount" }] },
      value: { operator: "+" },
    });
    expect(action('generate report "Offer" and email "Offer mail" to contact')).toMatchObject({
      kind: "GenerateReportAction",
      template: { text: "Offer" },
      email: { template: { text: "Offer mail" }, to: { segments: [{ text: "contact" }] } },
    });
    expect(action('generate report "Offer"')).toMatchObject({ kind: "GenerateReportAction", email: undefined });
    expect(action('request signature "Contract" from contact')).toMatchObject({ kind: "RequestSignatureAction", from: { kind: "PathExpr" } });
    expect(action('notify responsible "Deal won"')).toMatchObject({ kind: "NotifyAction", text: { value: "Deal won" } });
  });

  it("reads many actions in a block without separators", () => {
    const block = rule(`on deal created {
      set amount = 1
      send email "A" to contact
      create task "T"
      move to "B"
    }`);
    expect(block.actions.map((a) => a.kind)).toEqual(["SetAction", "SendEmailAction", "CreateTaskAction", "MoveAction"]);
  });
});

describe("expressions", () => {
  it("binds or < and < not < comparison < + < * < unary minus", () => {
    expect(show(condition("a or b and not c == 1 + 2 * -d"))).toBe("(a or (b and (not (c == (1 + (2 * (- d)))))))");
    expect(show(condition("(a or b) and c"))).toBe("((a or b) and c)");
    expect(show(condition("a - b - c / d / e"))).toBe("((a - b) - ((c / d) / e))");
  });

  it("reads calls, is open, in, literals and soft keywords as paths", () => {
    expect(show(condition("changed(amount) and previous(stage) != stage"))).toBe("(changed(amount) and (previous(stage) != stage))");
    expect(show(condition('is open "Validation" or not is open "Scheduling"'))).toBe('(is open "Validation" or (not is open "Scheduling"))');
    expect(show(condition('channel in [web, "phone"] and event.amount >= 10.5'))).toBe('((channel in [web, "phone"]) and (event.amount >= 10.5))');
    expect(show(condition("not amount + 1 not in [1, 2] or source not in [web, phone]"))).toBe(
      "((not ((amount + 1) not in [1, 2])) or (source not in [web, phone]))",
    );
    expect(show(condition("due < 2026-01-01T08:00Z and date <= 2026-12-25 and done == true and x != false"))).toBe(
      "((((due < 2026-01-01T08:00Z) and (date <= 2026-12-25)) and (done == true)) and (x != false))",
    );
    expect(show(condition("email.opened == none and contact.email != none"))).toBe("((email.opened == none) and (contact.email != none))");
  });
});

describe("workflows", () => {
  it("reads wait until with timeout, else if chains and stop", () => {
    const workflow = only(parseClean(`workflow "W" {
      enroll on deal stage "New" open when amount > 0
      wait until is open "Validation" timeout 3 days
      if amount > 10 { stop } else if amount > 5 { wait 1 hour } else { notify responsible "small" }
      wait 2 days at 09:30 within working hours
      wait 1 day at 08:00
    }`), "WorkflowDecl") as WorkflowDecl;
    expect(workflow.steps[2]).toMatchObject({ kind: "WaitStep", duration: { amount: 2 }, at: { hour: 9, minute: 30 }, withinWorkingHours: true });
    expect(workflow.steps[3]).toMatchObject({ kind: "WaitStep", at: { hour: 8, minute: 0 }, withinWorkingHours: false });
    expect(workflow.per).toBeUndefined();
    expect(workflow.enrollments[0]).toMatchObject({ subject: { kind: "StageSubject" }, condition: { operator: ">" } });
    expect(workflow.steps[0]).toMatchObject({ kind: "WaitUntilStep", condition: { kind: "IsOpenExpr" }, timeout: { amount: 3 } });
    expect(workflow.steps[1]).toMatchObject({
      kind: "IfStep",
      then: [{ kind: "StopStep" }],
      else: [{ kind: "IfStep", then: [{ kind: "WaitStep" }], else: [{ kind: "ActionStep", action: { kind: "NotifyAction" } }] }],
    });
  });

  it("reads exit when goals among the enrollments and steps, in written order", () => {
    const workflow = only(parseClean(`workflow "W" {
      enroll on deal updated
      exit when stage == "Won"
      wait 1 day
      exit when amount > 10 and contact.vip == true
      notify responsible "x"
    }`), "WorkflowDecl") as WorkflowDecl;
    expect(workflow.exits).toMatchObject([
      { kind: "ExitGoal", condition: { operator: "==" } },
      { kind: "ExitGoal", condition: { operator: "and" } },
    ]);
    expect(workflow.steps.map((step) => step.kind)).toEqual(["WaitStep", "ActionStep"]);
  });
});

describe("test blocks", () => {
  it("reads events, until and expectations", () => {
    const test = only(parseClean(`test "Docs reminder after four days" {
      at 2026-01-01T09:30+01:00 "deal/S1" stage.opened { stage: "Documentation pending", amount: -5 channel: web, paid: true }
      until 2026-01-10T00:00Z
      expect email.send "deal/S1" { template: "Docs reminder", to: "contact/C1" } at 2026-01-05T08:30Z
      at 2026-01-06T09:30:00.000+01:00 "deal/S1" created
      expect no sms.send
      expect "webinar.attended"
    }`), "TestDecl") as TestDecl;
    expect(test.statements.map((s) => s.kind)).toEqual(["TestEvent", "TestUntil", "TestExpect", "TestEvent", "TestExpect", "TestExpect"]);
    expect(test.statements[0]).toMatchObject({
      at: { text: "2026-01-01T09:30+01:00" },
      record: { value: "deal/S1" },
      eventType: { text: "stage.opened" },
      data: [
        { name: { text: "stage" }, value: { kind: "StringLiteral", value: "Documentation pending" } },
        { name: { text: "amount" }, value: { kind: "NumberLiteral", value: -5 } },
        { name: { text: "channel" }, value: { kind: "StringLiteral", value: "web" } },
        { name: { text: "paid" }, value: { kind: "BooleanLiteral", value: true } },
      ],
    });
    expect(test.statements[2]).toMatchObject({ negated: false, output: { outputType: { text: "email.send" }, at: { text: "2026-01-05T08:30Z" } } });
    expect(test.statements[3]).toMatchObject({ kind: "TestEvent", eventType: { text: "created" } });
    expect(test.statements[4]).toMatchObject({ negated: true, output: { outputType: { text: "sms.send" }, data: [] } });
    expect(test.statements[5]).toMatchObject({ negated: false, output: { outputType: { text: "webinar.attended", quoted: true } } });
  });

  it("reads counts, by rule or workflow, and before", () => {
    const test = only(parseClean(`test "forms" {
      expect 2 email.send "deal/S1" { template: "Hi" } by rule "Welcome" at 2026-01-05T08:30Z
      at 2026-01-06T09:30Z "deal/S1" created
      expect stage.opened by workflow "Nurture" before email.send "deal/S1" by rule "Welcome"
      expect no notify before stage.opened
    }`), "TestDecl") as TestDecl;
    expect(test.statements.map((s) => s.kind)).toEqual(["TestExpect", "TestEvent", "TestExpect", "TestExpect"]);
    expect(test.statements[0]).toMatchObject({
      negated: false,
      count: { value: 2 },
      output: { outputType: { text: "email.send" }, record: { value: "deal/S1" }, by: { what: "rule", name: { value: "Welcome" } }, at: { text: "2026-01-05T08:30Z" } },
    });
    expect(test.statements[0]).not.toHaveProperty("before.kind");
    expect(test.statements[2]).toMatchObject({
      output: { outputType: { text: "stage.opened" }, by: { what: "workflow", name: { value: "Nurture" } } },
      before: { kind: "TestOutput", outputType: { text: "email.send" }, record: { value: "deal/S1" }, by: { what: "rule" } },
    });
    expect(test.statements[3]).toMatchObject({ negated: true, output: { outputType: { text: "notify" } }, before: { outputType: { text: "stage.opened" } } });
  });
});

describe("soft keywords", () => {
  it("work as field and entity names", () => {
    const entity = only(parseClean(`entity task {
      email: email?
      task: text
      report: text
      stage: text
      open: bool
      type: text
      due: date
      body: text
      pipeline: text
      event: text
      enum: enum(a, b)
    }`), "EntityDecl");
    expect(entity.name.text).toBe("task");
    expect(entity.fields.map((f) => f.name.text)).toEqual(["email", "task", "report", "stage", "open", "type", "due", "body", "pipeline", "event", "enum"]);
    expect(entity.fields[0]).toMatchObject({ type: { kind: "NamedType", name: { text: "email" } }, optional: true });
    expect(entity.pipeline).toBeUndefined();
  });

  it("work as paths in actions and as entities in subjects", () => {
    const r = rule("on task created { set report = email  create task with { open: true }  send email \"E\" to email }");
    expect(r.subject).toMatchObject({ entity: { text: "task" } });
    expect(r.actions).toMatchObject([
      { kind: "SetAction", field: { segments: [{ text: "report" }] }, value: { segments: [{ text: "email" }] } },
      { kind: "CreateRecordAction", entity: { text: "task" }, fields: [{ name: { text: "open" } }] },
      { kind: "SendEmailAction", to: { segments: [{ text: "email" }] } },
    ]);
  });
});
