import { describe, expect, it } from "vitest";
import { runEvents, type CompiledProgram } from "../../runtime/index";
import { cmp, events, field, ifStep, lit, notify, on, program, rule, set, step, workflow } from "./program-builder";

const p = program({
  rules: [rule("deal", on("updated"), [set("title", lit("from IR"))], { name: "big", when: cmp(">", field("amount"), lit(1000)) })],
  workflows: [workflow("W", "deal", [ifStep(cmp(">", field("amount"), lit(1000)), [step(notify("a@x.example", "then"))], [step(notify("a@x.example", "else"))])])],
});
const input = events(["2026-01-01T08:00:00Z", "deal/D1", "updated", { amount: 5 }]);

describe("precompiled code (EngineOptions.compiled)", () => {
  it("runs the IR's own compilation without it", () => {
    expect(runEvents(p, input).map((o) => o.data.text ?? o.data.title)).toEqual(["else"]);
  });

  it("replaces conditions, action values and workflow step conditions when identities match", () => {
    const compiled: CompiledProgram = {
      rules: [{ id: "big", condition: () => true, actions: [{ values: [() => "from module"] }] }],
      workflows: [{ id: "W", steps: [{ condition: () => true }] }],
    };
    expect(runEvents(p, input, { compiled }).map((o) => o.data.text ?? o.data.title)).toEqual(["from module", "then"]);
    expect(runEvents(p, input, { compiled: { conditions: { big: () => true } } }).map((o) => o.data.title ?? o.data.text)).toEqual(["from IR", "else"]);
  });

  it("ignores code whose rule identity does not match the program's rule at that index", () => {
    const stale: CompiledProgram = { rules: [{ id: "other", condition: () => true }] };
    expect(runEvents(p, input, { compiled: stale }).map((o) => o.data.text ?? o.data.title)).toEqual(["else"]);
  });
});
