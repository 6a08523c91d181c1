// `assign … where attribute == value`: round robin and least loaded among the
// members that match, and a skipped effect when none does.
import { describe, expect, it } from "vitest";
import { createEngine, runEvents } from "../../runtime/index";
import type { Action, TeamDef } from "../../runtime/program/ir";
import { events, field, on, program, rule } from "./program-builder";

const regional: TeamDef = {
  name: "regional",
  members: ["ana@solar.example", "bo@solar.example", "cy@solar.example", "di@solar.example"],
  attributes: [{ channel: "web" }, { channel: "phone" }, { channel: "web" }, {}],
};

const assignByChannel = (strategy: "round_robin" | "least_loaded"): Action => ({
  kind: "assign",
  field: "installer",
  team: "regional",
  strategy,
  where: [{ attribute: "channel", value: field("channel") }],
});

const deal = (id: string, at: string, channel: string): [string, string, string, Record<string, string | number>] => [
  at,
  `deal/${id}`,
  "created",
  { title: id, amount: 100, channel, contact: "contact/C1" },
];

const stream = events(
  deal("A", "2026-01-01T08:00:00Z", "web"),
  deal("B", "2026-01-01T09:00:00Z", "phone"),
  deal("C", "2026-01-01T10:00:00Z", "web"),
  deal("D", "2026-01-01T11:00:00Z", "web"),
  deal("E", "2026-01-01T12:00:00Z", "partner"),
);

describe("assignment criteria", () => {
  // ana and cy are web, bo phone, di has no channel: web, phone, web, web deals.
  it.each([
    ["round robin hands out the matching members in team order, passing over the others", "round_robin"],
    ["least loaded compares the matching members only, ties in team order", "least_loaded"],
  ] as const)("%s", (_title, strategy) => {
    const p = program({ teams: [regional], rules: [rule("deal", on("created"), [assignByChannel(strategy)], { name: "assign" })] });
    const out = runEvents(p, stream);
    expect(out.map((o) => `${o.entity} ${o.data.installer}`)).toEqual([
      "deal/A ana@solar.example",
      "deal/B bo@solar.example",
      "deal/C cy@solar.example",
      "deal/D ana@solar.example",
    ]);
  });

  it("assigns nothing when no member matches, and reports a skipped effect naming the value sought", () => {
    const p = program({ teams: [regional], rules: [rule("deal", on("created"), [assignByChannel("round_robin")], { name: "assign" })] });
    const skipped: string[] = [];
    const engine = createEngine(p, { onSkippedEffect: (_rule, reason) => skipped.push(reason) });
    const outputs = stream.slice(4).flatMap((event) => engine.process(event));
    expect(outputs).toEqual([]);
    expect(skipped).toEqual(['assign installer: no member of team "regional" has channel == "partner"']);
  });
});
