// Smaller runtime semantics: required event payloads,
// `least loaded` not counting the record being assigned, and won/lost stages
// that only `allow back` leaves.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runEvents, validateEventLine } from "../../runtime/index";
import { assign, events, moveTo, onEvent, program, rule } from "./program-builder";

const deal = (id: string, extra: Record<string, string | number> = {}): [string, string, string, Record<string, string | number>] => [
  "2026-01-01T07:00:00Z",
  `deal/${id}`,
  "created",
  { title: id, amount: 100, channel: "web", contact: "contact/C1", ...extra },
];

describe("required payload fields of activity events", () => {
  const p = program();
  it("are enforced on input with SC3002, naming the field and its type", () => {
    const line = JSON.stringify({ id: "e1", at: "2026-01-01T08:00:00Z", entity: "deal/D1", type: "invoice.paid", data: { } });
    expect(validateEventLine(p, line)).toEqual({ error: { code: "SC3002", message: 'missing "data.amount": event invoice.paid requires it (money)', field: "data.amount" } });
    const noData = JSON.stringify({ id: "e1", at: "2026-01-01T08:00:00Z", entity: "deal/D1", type: "invoice.paid" });
    expect("error" in validateEventLine(p, noData)).toBe(true);
  });

  it("optional ones may be left out", () => {
    const line = JSON.stringify({ id: "e1", at: "2026-01-01T08:00:00Z", entity: "deal/D1", type: "email.opened" });
    expect("event" in validateEventLine(p, line)).toBe(true);
  });
});

describe("least loaded", () => {
  const team = ["ana@solar.example", "bo@solar.example", "cy@solar.example"];
  const p = program({
    teams: [{ name: "installers", members: team }],
    rules: [rule("deal", onEvent("email.opened"), [assign("installer", "installers", "least_loaded")], { name: "assign" })],
  });

  it("does not count the record being assigned for the member it holds", () => {
    // ana holds A and X, bo holds Y and Z: without A, ana has 1, bo 2, cy 0 → cy; then B (bo's) → ana or cy by load.
    const out = runEvents(
      p,
      events(
        deal("A", { installer: "ana@solar.example" }),
        deal("X", { installer: "ana@solar.example" }),
        deal("Y", { installer: "bo@solar.example" }),
        deal("Z", { installer: "cy@solar.example" }),
        ["2026-01-01T08:00:00Z", "deal/A", "email.opened"],
      ),
    );
    // Other records: ana 1 (X), bo 1 (Y), cy 1 (Z): a tie, so team order keeps A with ana (no change, no output).
    expect(out).toEqual([]);
  });

  it("always picks a member whose load, not counting this record, is the least (ties in team order)", () => {
    const holders = fc.array(fc.option(fc.constantFrom(...team), { nil: undefined }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(holders, fc.nat(), (given, pick) => {
        const records = given.map((holder, i) => deal(`R${i}`, holder ? { installer: holder } : {}));
        const chosen = `R${pick % given.length}`;
        const out = runEvents(p, events(...records, ["2026-01-01T08:00:00Z", `deal/${chosen}`, "email.opened"]));
        const others = given.filter((_, i) => `R${i}` !== chosen);
        const loads = team.map((member) => others.filter((holder) => holder === member).length);
        const expected = team[loads.indexOf(Math.min(...loads))]!;
        const now = out.length > 0 ? out[0]!.data.installer : given[pick % given.length];
        expect(now).toBe(expected);
      }),
    );
  });
});

describe("won and lost stages", () => {
  const p = program({
    rules: [
      rule("deal", onEvent("email.opened"), [moveTo("Lost")], { name: "forward only" }),
      rule("deal", onEvent("invoice.paid"), [moveTo("Lost", { allowBack: true })], { name: "allow back" }),
    ],
  });

  it("a forward-only move does not take a Won deal to Lost", () => {
    const out = runEvents(p, events(deal("D1", { stage: "Won" }), ["2026-01-01T08:00:00Z", "deal/D1", "email.opened"]));
    expect(out).toEqual([]);
  });

  it("allow back does, and a forward move from an open stage still goes to Lost", () => {
    const back = runEvents(p, events(deal("D1", { stage: "Won" }), ["2026-01-01T08:00:00Z", "deal/D1", "invoice.paid", { amount: 1 }]));
    expect(back.map((o) => `${o.type} ${o.data.stage}`)).toEqual(["stage.closed Won", "stage.opened Lost"]);
    const forward = runEvents(p, events(deal("D1", { stage: "Validation" }), ["2026-01-01T08:00:00Z", "deal/D1", "email.opened"]));
    expect(forward.map((o) => `${o.type} ${o.data.stage}`)).toEqual(["stage.closed Validation", "stage.opened Lost"]);
  });
});
