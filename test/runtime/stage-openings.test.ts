// Stage rules belong to one opening of their stage: `close after` timers are
// cancelled when the stage opens again (as `open after` timers are when it
// closes), and open rules of a stage already left by an earlier rule of the
// same firing are skipped and explained. Also: what `responsible.changed` does.
import { describe, expect, it } from "vitest";
import { runEvents, type TraceRecord } from "../../runtime/index";
import type { EntityDef, Expr } from "../../runtime/program/ir";
import { after, events, moveTo, notify, onClose, onEvent, onOpen, open, program, rule, solarEntities } from "./program-builder";

const created = (stage: string): [string, string, string, Record<string, string | number>] => [
  "2026-01-01T08:00:00Z",
  "deal/D1",
  "created",
  { title: "T", amount: 1, channel: "web", contact: "contact/C1", stage },
];

describe("close after timers", () => {
  const p = program({ rules: [rule("deal", onClose("New"), [notify("a@x.example", "New closed 2 days ago")], { name: "late", delay: after(2, "days") })] });

  it("fire when the stage stayed closed", () => {
    const out = runEvents(p, events(created("New"), ["2026-01-01T09:00:00Z", "deal/D1", "stage.opened", { stage: "Validation" }]), { until: "2026-01-05T00:00:00Z" });
    expect(out.map((o) => o.type)).toEqual(["stage.closed", "notify"]);
  });

  it("are cancelled when the stage opens again, and explained in the trace", () => {
    const traces: TraceRecord[] = [];
    const out = runEvents(
      p,
      events(
        created("New"),
        ["2026-01-01T09:00:00Z", "deal/D1", "stage.opened", { stage: "Validation" }],
        ["2026-01-02T09:00:00Z", "deal/D1", "stage.opened", { stage: "New" }],
      ),
      { until: "2026-01-05T00:00:00Z", onTrace: (t) => traces.push(t) },
    );
    expect(out.map((o) => o.type)).toEqual(["stage.closed", "stage.closed"]);
    expect(traces.some((t) => t.kind === "rule" && t.reason.includes('stage "New" was opened again since it closed'))).toBe(true);
  });
});

describe("open rules of a stage left before they run", () => {
  it("are skipped and explained; rules of the stage the record is in still run", () => {
    // Closing Validation moves the deal on to Won at once: the open rules of
    // Documentation pending (opened by the same move) then find it closed.
    const p = program({
      rules: [
        rule("deal", onClose("Validation"), [open("Won")], { name: "close moves on" }),
        rule("deal", onOpen("Documentation pending"), [notify("a@x.example", "docs")], { name: "docs" }),
        rule("deal", onOpen("Documentation pending"), [notify("a@x.example", "docs later")], { name: "docs later", delay: after(1, "days") }),
        rule("deal", onOpen("Won"), [notify("a@x.example", "won")], { name: "won" }),
      ],
    });
    const traces: TraceRecord[] = [];
    const out = runEvents(p, events(created("Validation"), ["2026-01-01T09:00:00Z", "deal/D1", "stage.opened", { stage: "Documentation pending" }]), {
      until: "2026-01-05T00:00:00Z",
      onTrace: (t) => traces.push(t),
    });
    expect(out.filter((o) => o.type === "notify").map((o) => o.data.text)).toEqual(["won"]);
    const skipped = traces.filter((t) => t.kind === "rule" && t.reason === 'stage "Documentation pending" was no longer open when its open rules ran');
    expect(skipped.map((t) => t.kind === "rule" && t.rule)).toEqual(["docs", "docs later"]);
  });
});

describe("responsible.changed", () => {
  const changed: Expr = { kind: "changed", field: "responsible" };
  const previous: Expr = { kind: "previous", field: "responsible" };
  const entities: EntityDef[] = solarEntities;
  const p = program({
    entities,
    events: [
      {
        name: "responsible.changed",
        fields: [
          { name: "from", type: { kind: "user" }, optional: true },
          { name: "to", type: { kind: "user" }, optional: true },
        ],
        declared: false,
      },
    ],
    rules: [
      rule("deal", onEvent("responsible.changed"), [notify(["responsible"], "now yours"), notify(["installer"], "was ", ["title"])], { name: "tell", when: changed }),
      rule("deal", onEvent("responsible.changed"), [moveTo("Validation")], { name: "prev", when: { kind: "compare", op: "==", left: previous, right: { kind: "literal", value: "ana@x.example" } } }),
    ],
  });

  it("updates the record's responsible; its rules see the new one, changed() and previous()", () => {
    const out = runEvents(
      p,
      events(
        ["2026-01-01T08:00:00Z", "deal/D1", "created", { title: "T", amount: 1, channel: "web", contact: "contact/C1", responsible: "ana@x.example", installer: "i@x.example", stage: "New" }],
        ["2026-01-01T09:00:00Z", "deal/D1", "responsible.changed", { from: "ana@x.example", to: "bo@x.example" }],
      ),
    );
    expect(out.map((o) => `${o.type} ${o.data.to ?? o.data.stage}`)).toEqual([
      "notify bo@x.example",
      "notify i@x.example",
      "stage.closed New",
      "stage.opened Validation",
    ]);
  });

  it("without `to` leaves the responsible as it is", () => {
    const out = runEvents(
      p,
      events(
        ["2026-01-01T08:00:00Z", "deal/D1", "created", { title: "T", amount: 1, channel: "web", contact: "contact/C1", responsible: "ana@x.example" }],
        ["2026-01-01T09:00:00Z", "deal/D1", "responsible.changed", { from: "ana@x.example" }],
      ),
    );
    // changed(responsible) is false; previous(responsible) is the unchanged ana.
    expect(out.map((o) => `${o.type} ${o.data.stage}`)).toEqual(["stage.opened Validation"]);
  });
});
