import { describe, expect, it } from "vitest";
import { CascadeError, createEngine, runEvents, type OutputRecord } from "../../runtime/index";
import {
  after,
  assign,
  becomes,
  cmp,
  create,
  events,
  field,
  lit,
  moveTo,
  notify,
  on,
  onEvent,
  onOpen,
  open,
  program,
  rule,
  sendEmail,
  set,
} from "./program-builder";
import type { EntityDef } from "../../runtime/program/ir";
import { solarEntities } from "./program-builder";

const brief = (outputs: OutputRecord[]) => outputs.map((o) => `${o.id} ${o.entity} ${o.type} ${JSON.stringify(o.data)} cause=${o.cause}`);
const deal = (id: string, at: string, extra: Record<string, string | number> = {}): [string, string, string, Record<string, string | number>] => [
  at,
  `deal/${id}`,
  "created",
  { title: id, amount: 100, channel: "web", contact: "contact/C1", ...extra },
];

describe("assignment", () => {
  it("round robin goes through the team in order, with one counter per team", () => {
    const p = program({ rules: [rule("deal", on("created"), [assign("installer", "installers")], { name: "assign" })] });
    const out = runEvents(p, events(deal("A", "2026-01-01T08:00:00Z"), deal("B", "2026-01-01T09:00:00Z"), deal("C", "2026-01-01T10:00:00Z")));
    expect(brief(out)).toEqual([
      `e1.1 deal/A updated {"installer":"ana@solar.example"} cause=e1`,
      `e2.1 deal/B updated {"installer":"bo@solar.example"} cause=e2`,
      `e3.1 deal/C updated {"installer":"ana@solar.example"} cause=e3`,
    ]);
  });

  it("least loaded picks the member with the fewest records assigned through the field, ties by team order", () => {
    const p = program({
      teams: [{ name: "installers", members: ["ana@solar.example", "bo@solar.example", "cy@solar.example"] }],
      rules: [rule("deal", onEvent("email.opened"), [assign("installer", "installers", "least_loaded")], { name: "assign" })],
    });
    const opened = (id: string, at: string): [string, string, string] => [at, `deal/${id}`, "email.opened"];
    const out = runEvents(
      p,
      events(
        deal("X", "2026-01-01T07:00:00Z", { installer: "ana@solar.example" }),
        deal("Y", "2026-01-01T07:00:00Z", { installer: "ana@solar.example" }),
        deal("Z", "2026-01-01T07:00:00Z", { installer: "bo@solar.example" }),
        deal("A", "2026-01-01T07:00:00Z"),
        deal("B", "2026-01-01T07:00:00Z"),
        deal("C", "2026-01-01T07:00:00Z"),
        opened("A", "2026-01-01T08:00:00Z"), // ana 2, bo 1, cy 0 → cy
        opened("B", "2026-01-01T09:00:00Z"), // ana 2, bo 1, cy 1 → bo (tie, team order)
        ["2026-01-01T10:00:00Z", "deal/X", "deleted"],
        ["2026-01-01T10:00:00Z", "deal/Y", "deleted"],
        opened("C", "2026-01-01T11:00:00Z"), // ana 0 → ana
      ),
    );
    expect(out.map((o) => `${o.entity} ${o.data.installer}`)).toEqual(["deal/A cy@solar.example", "deal/B bo@solar.example", "deal/C ana@solar.example"]);
  });
});

describe("created records", () => {
  it("get an id derived from the firing that created them, and their created rules fire", () => {
    const lead: EntityDef = {
      name: "lead",
      fields: [
        { name: "name", type: { kind: "text" }, optional: false },
        { name: "source", type: { kind: "enum", values: ["web", "phone"] }, optional: false },
        { name: "contact", type: { kind: "ref", entity: "contact" }, optional: true },
      ],
      pipeline: { kind: "sequential", stages: [{ name: "New" }, { name: "Contacted" }, { name: "Proposal submitted" }] },
    };
    const dealWithLead: EntityDef = {
      ...solarEntities[1]!,
      fields: [...solarEntities[1]!.fields, { name: "lead", type: { kind: "ref", entity: "lead" }, optional: true }],
    };
    const p = program({
      entities: [solarEntities[0]!, dealWithLead, lead],
      rules: [
        rule("lead", on("created"), [create("deal", { title: field("name"), lead: { kind: "this" }, contact: field("contact"), stage: lit("New") })], {
          name: "deal per lead",
          when: cmp("==", field("source"), lit("web")),
        }),
        rule("deal", on("created"), [moveTo("Proposal submitted", { target: ["lead"], targetEntity: "lead" })], {
          name: "Proposal sent",
          when: cmp("!=", field("lead"), lit(null)),
        }),
        rule("deal", onOpen("New"), [sendEmail("Welcome", ["contact"])], { name: "welcome" }),
      ],
    });
    const out = runEvents(
      p,
      events(
        ["2026-01-01T08:00:00Z", "lead/L1", "created", { name: "Ana", source: "web", contact: "contact/C1", stage: "New" }],
        ["2026-01-01T09:00:00Z", "lead/L2", "created", { name: "Bo", source: "phone" }],
      ),
    );
    const created = out[0]!.entity;
    expect(created).toMatch(/^deal\/e1~[0-9a-f]{12}$/);
    expect(brief(out)).toEqual([
      `e1.1 ${created} created {"title":"Ana","lead":"lead/L1","contact":"contact/C1","stage":"New"} cause=e1`,
      `e1.2 lead/L1 stage.closed {"stage":"New"} cause=e1.1`,
      `e1.3 lead/L1 stage.opened {"stage":"Proposal submitted"} cause=e1.1`,
      `e1.4 ${created} email.send {"template":"Welcome","to":"contact/C1"} cause=e1.1`,
    ]);
  });
});

describe("set, becomes and recipients", () => {
  it("set writes an updated output, fires updated rules, and becomes fires only on the false→true change", () => {
    const p = program({
      rules: [
        rule("deal", on("updated"), [set("title", lit("Big"))], { name: "rename", when: cmp(">", field("amount"), lit(1000)) }),
        rule("deal", becomes(cmp(">", field("amount"), lit(1000))), [notify("boss@solar.example", "big: ", ["title"])], { name: "big" }),
      ],
    });
    const out = runEvents(
      p,
      events(
        deal("D", "2026-01-01T08:00:00Z"),
        ["2026-01-01T09:00:00Z", "deal/D", "updated", { amount: 2000 }],
        ["2026-01-01T10:00:00Z", "deal/D", "updated", { amount: 3000 }],
        ["2026-01-01T11:00:00Z", "deal/D", "updated", { amount: 10 }],
        ["2026-01-01T12:00:00Z", "deal/D", "updated", { amount: 5000 }],
      ),
    );
    expect(brief(out)).toEqual([
      `e2.1 deal/D updated {"title":"Big"} cause=e2`,
      `e2.2 deal/D notify {"to":"boss@solar.example","text":"big: Big"} cause=e2`,
      `e5.1 deal/D notify {"to":"boss@solar.example","text":"big: Big"} cause=e5`,
    ]);
  });

  it("an empty recipient produces no effect, and the trace says which action of the rule was skipped and why", () => {
    const p = program({ rules: [rule("deal", on("created"), [sendEmail("Welcome", ["contact", "email"]), notify(["installer"], "hi")], { name: "mail" })] });
    const reasons: string[] = [];
    const out = runEvents(
      p,
      events(["2026-01-01T07:00:00Z", "contact/C1", "created", { name: "Ana", email: "ana@example.com" }], deal("D", "2026-01-01T08:00:00Z")),
      { onTrace: (t) => void (t.kind === "skip" && reasons.push(`${t.rule} on ${t.event}: ${t.action}: ${t.reason}`)) },
    );
    expect(brief(out)).toEqual([`e2.1 deal/D email.send {"template":"Welcome","to":"ana@example.com"} cause=e2`]);
    expect(reasons).toEqual(["mail on e2: notify: the recipient installer is empty"]);
  });

  it("null-safe paths: a condition through an empty reference is false, == none is true", () => {
    const p = program({
      rules: [
        rule("deal", on("created"), [notify("a@x.example", "named")], { name: "named", when: cmp("==", field("contact", "name"), lit("Ana")) }),
        rule("deal", on("created"), [notify("a@x.example", "no contact name")], { name: "none", when: cmp("==", field("contact", "name"), lit(null)) }),
      ],
    });
    expect(runEvents(p, events(deal("D", "2026-01-01T08:00:00Z"))).map((o) => o.data.text)).toEqual(["no contact name"]);
  });
});

describe("cascades", () => {
  it("stop at the bound with a CascadeError naming the chain of rules", () => {
    const p = program({
      rules: [
        rule("deal", onOpen("New"), [open("Validation")], { name: "to validation" }),
        rule("deal", onOpen("Validation"), [open("New")], { name: "back to new" }),
      ],
    });
    let error: unknown;
    try {
      runEvents(p, events(deal("D", "2026-01-01T08:00:00Z", { stage: "New" })));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CascadeError);
    const cascade = error as CascadeError;
    expect(cascade.chain.slice(0, 4)).toEqual(["to validation", "back to new", "to validation", "back to new"]);
    expect(cascade.chain.length).toBeGreaterThan(100);
    expect(cascade.message).toContain("to validation -> back to new");
    expect(cascade.outputs.length).toBeGreaterThan(0);
  });

  it("keep the created line of the record whose creation overflowed the bound: the record is in the state", () => {
    const p = program({ rules: [rule("contact", on("created"), [create("contact", { name: lit("x") })], { name: "spawn" })] });
    const engine = createEngine(p);
    let error: unknown;
    try {
      engine.process(events(["2026-01-01T08:00:00Z", "contact/C1", "created", { name: "Ana" }])[0]!);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CascadeError);
    const outputs = (error as CascadeError).outputs;
    // e1.1 … e1.100 are within the bound; e1.101 is created, then its created event overflows it.
    expect(outputs).toHaveLength(101);
    expect(brief(outputs.slice(-1))).toEqual([`e1.101 ${outputs[100]!.entity} created {"name":"x"} cause=e1.100`]);
    const created = engine.snapshot().records.filter((r) => r.ref !== "contact/C1").map((r) => r.ref);
    expect(created).toEqual(outputs.map((o) => o.entity));
  });
});

describe("deleted records", () => {
  it("deleted rules read the record as it was and their effects go out; its pending timers are cancelled", () => {
    const p = program({
      rules: [
        rule("deal", on("deleted"), [notify("ops@solar.example", "deleted ", ["title"]), set("title", lit("gone"))], { name: "gone" }),
        rule("deal", on("created"), [notify("ops@solar.example", "later")], { name: "later", delay: after(1, "days") }),
      ],
    });
    const out = runEvents(p, events(deal("D", "2026-01-01T08:00:00Z"), ["2026-01-01T09:00:00Z", "deal/D", "deleted"]), { until: "2026-01-05T00:00:00Z" });
    expect(brief(out)).toEqual([`e2.1 deal/D notify {"to":"ops@solar.example","text":"deleted D"} cause=e2`]);
  });
});
