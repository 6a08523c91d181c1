import { describe, expect, it } from "vitest";
import { runtimeFunctions } from "../../runtime/expressions/functions";
import { functions } from "../../stdlib/functions";
import { newRecord } from "../../runtime/engine/record-state";
import type { EvalContext } from "../../runtime/types";
import { parseInstant } from "../../runtime/time/instants";
import { romeCalendar, program, rule, on, notify, call, field, cmp, lit, events } from "./program-builder";
import { runEvents, UnknownFunctionError } from "../../runtime/index";

const ctxAt = (iso: string): EvalContext => ({
  record: newRecord("deal/D1", "deal", "D1", 1, {}),
  lookup: () => undefined,
  changes: null,
  previous: null,
  eventData: null,
  now: parseInstant(iso),
  calendar: romeCalendar,
});

describe("runtime functions", () => {
  it("days_since counts calendar days in the calendar's zone", () => {
    const days = runtimeFunctions.days_since!;
    expect(days(["2026-01-01"], ctxAt("2026-01-05T00:30:00+01:00"))).toBe(4);
    // 23:30 UTC on Jan 4 is already Jan 5 in Rome.
    expect(days(["2026-01-01T12:00:00+01:00"], ctxAt("2026-01-04T23:30:00Z"))).toBe(4);
    expect(days([null], ctxAt("2026-01-05T00:00:00Z"))).toBe(null);
  });

  it("lower, upper, len and contains work on text and give none for none", () => {
    const ctx = ctxAt("2026-01-01T00:00:00Z");
    expect(runtimeFunctions.lower!(["ANA"], ctx)).toBe("ana");
    expect(runtimeFunctions.upper!(["ana"], ctx)).toBe("ANA");
    expect(runtimeFunctions.len!(["Città"], ctx)).toBe(5);
    expect(runtimeFunctions.contains!(["solar roof", "roof"], ctx)).toBe(true);
    expect(runtimeFunctions.lower!([null], ctx)).toBe(null);
  });

  it("a condition calls them through the engine; an unknown name is a runtime error", () => {
    const p = program({
      rules: [rule("deal", on("created"), [notify("a@x.example", "web")], { name: "web", when: cmp("==", call("lower", field("title")), lit("roof")) })],
    });
    const input = events(["2026-01-01T08:00:00Z", "deal/D1", "created", { title: "ROOF", amount: 1, channel: "web", contact: "contact/C1" }]);
    expect(runEvents(p, input)).toHaveLength(1);
    const broken = program({ rules: [rule("deal", on("created"), [], { name: "x", when: call("no_such_fn", field("title")) })] });
    expect(() => runEvents(broken, input)).toThrow(UnknownFunctionError);
  });
});

describe("the runtime's functions and the stdlib catalog", () => {
  it("are the same list: every function the checker accepts runs, and nothing else exists", () => {
    // changed() and previous() lower to IR nodes of their own.
    const catalog = functions.map((f) => f.name).filter((name) => name !== "changed" && name !== "previous");
    expect(Object.keys(runtimeFunctions).sort()).toEqual([...catalog].sort());
  });
});
