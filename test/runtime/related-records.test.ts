// `becomes` and `wait until` are evaluated again when a record they read
// through a reference changes, on exactly the records that refer to it
// (an index of references, never a scan).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createEngine, runEvents, type TraceRecord } from "../../runtime/index";
import type { EntityDef, InputEvent } from "../../runtime/program/ir";
import { becomes, cmp, events, field, lit, notify, on, program, rule, step, waitUntil, workflow } from "./program-builder";

const entities: EntityDef[] = [
  { name: "company", fields: [{ name: "vip", type: { kind: "bool" }, optional: true }] },
  {
    name: "contact",
    fields: [
      { name: "vip", type: { kind: "bool" }, optional: true },
      { name: "company", type: { kind: "ref", entity: "company" }, optional: true },
    ],
  },
  {
    name: "deal",
    fields: [
      { name: "title", type: { kind: "text" }, optional: true },
      { name: "contact", type: { kind: "ref", entity: "contact" }, optional: true },
    ],
  },
];
const vipContact = rule("deal", becomes(cmp("==", field("contact", "vip"), lit(true))), [notify("a@x.example", "vip ", ["title"])], { name: "vip contact" });
const vipCompany = rule("deal", becomes(cmp("==", field("contact", "company", "vip"), lit(true))), [notify("a@x.example", "vip company ", ["title"])], {
  name: "vip company",
});
const p = program({ entities, rules: [vipContact, vipCompany] });
const brief = (out: ReturnType<typeof runEvents>) => out.map((o) => `${o.cause} ${o.entity} ${o.data.text}`);

describe("becomes through a reference", () => {
  it("fires when the contact changes, not on a later change of the deal", () => {
    const out = runEvents(
      p,
      events(
        ["2026-01-01T08:00:00Z", "contact/C1", "created", { vip: false }],
        ["2026-01-01T08:01:00Z", "deal/D1", "created", { title: "one", contact: "contact/C1" }],
        ["2026-01-01T08:02:00Z", "deal/D2", "created", { title: "two", contact: "contact/C1" }],
        ["2026-01-01T08:03:00Z", "deal/D3", "created", { title: "three" }],
        ["2026-01-01T09:00:00Z", "contact/C1", "updated", { vip: true }],
        ["2026-01-02T09:00:00Z", "deal/D1", "updated", { title: "one!" }],
      ),
    );
    expect(brief(out)).toEqual(["e5 deal/D1 vip one", "e5 deal/D2 vip two"]);
  });

  it("follows several hops, and a contact created after the deal that refers to it", () => {
    const out = runEvents(
      p,
      events(
        ["2026-01-01T08:00:00Z", "deal/D1", "created", { title: "one", contact: "contact/C1" }],
        ["2026-01-01T08:01:00Z", "contact/C1", "created", { company: "company/K1" }],
        ["2026-01-01T08:02:00Z", "company/K1", "created", { vip: false }],
        ["2026-01-01T09:00:00Z", "company/K1", "updated", { vip: true }],
        ["2026-01-01T10:00:00Z", "contact/C1", "updated", { vip: true }],
      ),
    );
    expect(brief(out)).toEqual(["e4 deal/D1 vip company one", "e5 deal/D1 vip one"]);
  });

  it("stops following a contact the deal no longer refers to, and sees a deleted one as none", () => {
    const out = runEvents(
      p,
      events(
        ["2026-01-01T08:00:00Z", "contact/C1", "created", { vip: false }],
        ["2026-01-01T08:00:00Z", "contact/C2", "created", { vip: false }],
        ["2026-01-01T08:01:00Z", "deal/D1", "created", { title: "one", contact: "contact/C1" }],
        ["2026-01-01T08:02:00Z", "deal/D1", "updated", { contact: "contact/C2" }],
        ["2026-01-01T09:00:00Z", "contact/C1", "updated", { vip: true }],
        ["2026-01-01T09:30:00Z", "contact/C2", "updated", { vip: true }],
        ["2026-01-01T10:00:00Z", "contact/C2", "deleted"],
        ["2026-01-01T11:00:00Z", "contact/C2", "created", { vip: true }],
      ),
    );
    // C1 no longer matters; C2's deletion makes the condition false, its re-creation turns it true again.
    expect(brief(out)).toEqual(["e6 deal/D1 vip one", "e8 deal/D1 vip one"]);
  });

  it("evaluates only the records that refer to the changed one", () => {
    const deals = Array.from({ length: 200 }, (_, i): [string, string, string, Record<string, string | boolean>] => [
      "2026-01-01T08:01:00Z",
      `deal/D${i}`,
      "created",
      { title: `d${i}`, contact: `contact/C${i}` },
    ]);
    const engine = createEngine(program({ entities, rules: [vipContact] }), {
      onTrace: (t) => {
        if (t.kind === "rule") considered.push(t);
      },
    });
    const considered: TraceRecord[] = [];
    for (const event of events(...deals)) engine.process(event);
    considered.length = 0;
    engine.process({ id: "x1", at: "2026-01-01T09:00:00Z", entity: "contact/C7", type: "updated", data: { vip: true } });
    expect(considered.map((t) => t.kind === "rule" && `${t.record} ${t.fired}`)).toEqual(["deal/D7 true"]);
  });
});

describe("wait until through a reference", () => {
  it("resumes when the related record changes", () => {
    const w = workflow("Wait for VIP", "deal", [waitUntil(cmp("==", field("contact", "vip"), lit(true))), step(notify("a@x.example", "now vip"))], {
      enroll: on("created"),
    });
    const out = runEvents(
      program({ entities, workflows: [w] }),
      events(
        ["2026-01-01T08:00:00Z", "contact/C1", "created", { vip: false }],
        ["2026-01-01T08:01:00Z", "deal/D1", "created", { title: "one", contact: "contact/C1" }],
        ["2026-01-01T09:00:00Z", "contact/C1", "updated", { vip: true }],
      ),
    );
    expect(out.map((o) => `${o.cause} ${o.data.text}`)).toEqual(["e3 now vip"]);
  });
});

describe("the reference index", () => {
  // The law: after any sequence of writes, the index holds exactly the references in the records.
  const refs = ["contact/C1", "contact/C2", "contact/C3", null];
  const op = fc.oneof(
    fc.record({ kind: fc.constant("deal" as const), id: fc.integer({ min: 1, max: 4 }), contact: fc.constantFrom(...refs), type: fc.constantFrom("created", "updated") }),
    fc.record({ kind: fc.constant("delete" as const), id: fc.integer({ min: 1, max: 4 }) }),
  );

  it("always equals the references the records hold", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        const engine = createEngine(program({ entities, rules: [vipContact] }));
        const live = new Set<string>();
        ops.forEach((o, i) => {
          const ref = `deal/D${o.id}`;
          const event: InputEvent = { id: `e${i}`, at: "2026-01-01T08:00:00Z", entity: ref, type: o.kind === "delete" ? "deleted" : o.type };
          if (o.kind === "deal" && o.type === "created" && live.has(ref)) return; // a second created is refused
          if (o.kind === "deal") event.data = { contact: o.contact };
          engine.process(event);
          if (o.kind === "delete") live.delete(ref);
          else live.add(ref);
        });
        const state = (engine as unknown as { state: { records: Map<string, { ref: string; type: string; fields: Record<string, unknown> }>; references: { referrers(link: { entity: string; field: string }, ref: string): ReadonlySet<string> | undefined } } }).state;
        for (const contact of refs) {
          if (contact === null) continue;
          const scanned = [...state.records.values()].filter((r) => r.type === "deal" && r.fields.contact === contact).map((r) => r.ref).sort();
          expect([...(state.references.referrers({ entity: "deal", field: "contact" }, contact) ?? [])].sort()).toEqual(scanned);
        }
      }),
    );
  });
});
