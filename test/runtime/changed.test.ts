// `changed(f)` means the value differs from `previous(f)` (docs/language.md), on
// every path: input updates and creations, rule writes, the interpreter and
// the compiled-support functions that emitted code calls.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runEvents, type CompiledProgram, type Value } from "../../runtime/index";
import { changed as compiledChanged } from "../../runtime/expressions/expression-semantics";
import type { EntityDef, Expr } from "../../runtime/program/ir";
import { cmp, events, lit, moveTo, notify, on, program, rule, set } from "./program-builder";

const changed = (name: string): Expr => ({ kind: "changed", field: name });
const previous = (name: string): Expr => ({ kind: "previous", field: name });
const fieldOf = (name: string): Expr => ({ kind: "field", path: [name] });

describe("changed(f)", () => {
  it("is false when an updated event repeats the current value (a full-record update)", () => {
    const p = program({
      rules: [rule("deal", on("updated"), [moveTo("New", { allowBack: true })], { name: "Responsible changed", when: changed("responsible") })],
    });
    const out = runEvents(
      p,
      events(
        ["2026-03-02T09:00:00Z", "deal/D1", "created", { title: "Chairs", amount: 10, channel: "web", contact: "contact/P1", responsible: "lan@x.example", stage: "Validation" }],
        // The CRM sends the whole record again: only the title differs.
        ["2026-03-02T10:00:00Z", "deal/D1", "updated", { title: "Office chairs", amount: 10, channel: "web", contact: "contact/P1", responsible: "lan@x.example" }],
        ["2026-03-02T11:00:00Z", "deal/D1", "updated", { responsible: "minh@x.example" }],
      ),
    );
    expect(out.map((o) => `${o.id} ${o.type} ${JSON.stringify(o.data)}`)).toEqual([`e3.1 stage.closed {"stage":"Validation"}`, `e3.2 stage.opened {"stage":"New"}`]);
  });

  it("is false for a field created empty, true for one created with a value", () => {
    const p = program({
      rules: [
        rule("deal", on("created"), [notify("a@x.example", "installer")], { when: changed("installer") }),
        rule("deal", on("created"), [notify("a@x.example", "title")], { when: changed("title") }),
      ],
    });
    const out = runEvents(p, events(["2026-03-02T09:00:00Z", "deal/D1", "created", { title: "T", amount: 1, channel: "web", contact: "contact/C", installer: null }]));
    expect(out.map((o) => o.data.text)).toEqual(["title"]);
  });

  it("is false for the same instant written with another offset", () => {
    const entities: EntityDef[] = [{ name: "deal", fields: [{ name: "due", type: { kind: "datetime" }, optional: true }] }];
    const p = program({ entities, rules: [rule("deal", on("updated"), [notify("a@x.example", "due moved")], { when: changed("due") })] });
    const out = runEvents(
      p,
      events(
        ["2026-03-02T09:00:00Z", "deal/D1", "updated", { due: "2026-03-05T10:00:00+01:00" }],
        ["2026-03-02T10:00:00Z", "deal/D1", "updated", { due: "2026-03-05T09:00:00Z" }],
      ),
    );
    expect(out.map((o) => o.cause)).toEqual(["e1"]);
  });

  it("is false after a rule's set writes the value already there (no updated output either)", () => {
    const p = program({
      rules: [
        rule("deal", on("created"), [set("amount", lit(5))], { name: "set" }),
        rule("deal", on("updated"), [notify("a@x.example", "amount changed")], { name: "watch", when: changed("amount") }),
      ],
    });
    const out = runEvents(p, events(["2026-03-02T09:00:00Z", "deal/D1", "created", { title: "T", amount: 5, channel: "web", contact: "contact/C" }]));
    expect(out).toEqual([]);
  });

  // The law: on every updated event, changed(f) == (previous(f) != f), in the
  // interpreter and through the functions compiled modules call.
  const values: Value[] = [100, 200, null, "2026-01-01T09:00:00Z", "2026-01-01T10:00:00+01:00", "2026-01-01T11:00:00Z"];
  const entities: EntityDef[] = [{ name: "deal", fields: [{ name: "x", type: { kind: "text" }, optional: true }] }];
  const p = program({
    entities,
    rules: [
      rule("deal", on("updated"), [notify("a@x.example", "changed")], { name: "changed", when: changed("x") }),
      rule("deal", on("updated"), [notify("a@x.example", "differs")], { name: "differs", when: cmp("!=", previous("x"), fieldOf("x")) }),
    ],
  });
  const compiled: CompiledProgram = { conditions: { changed: (ctx) => compiledChanged(ctx, "x") } };
  const updates = fc.array(fc.option(fc.constantFrom(...values), { nil: undefined }), { minLength: 1, maxLength: 12 });

  it("fires exactly when previous(f) != f, interpreted and compiled", () => {
    fc.assert(
      fc.property(updates, (given) => {
        const input = events(
          ...given.map((value, i): [string, string, string, Record<string, Value>] => [
            `2026-01-01T08:${String(i).padStart(2, "0")}:00Z`,
            "deal/D1",
            "updated",
            value === undefined ? {} : { x: value },
          ]),
        );
        for (const options of [{}, { compiled }]) {
          const out = runEvents(p, input, options);
          const byCause = (text: string) => out.filter((o) => o.data.text === text).map((o) => o.cause);
          expect(byCause("changed")).toEqual(byCause("differs"));
        }
      }),
    );
  });
});
