// `set contact.vip = true` changes the record the rule's record refers to: the
// change is that record's own `updated`, with its own rules, and the records
// referring to it see it (docs/language.md "Actions").
import { describe, expect, it } from "vitest";
import { createEngine, runEvents, type InputEvent, type OutputRecord, type TraceRecord } from "../../runtime/index";
import { compileProgram } from "../backend/harness";

const schema = `
entity company { name: text  vip: bool? }
entity contact { name: text  vip: bool?  company: company? }
entity deal { title: text  amount: money  contact: contact? }
`;

const rules = `
rule "Big buyer": on deal created when amount > 1000 -> set contact.vip = true
rule "Company too": on deal created when amount > 5000 -> set contact.company.vip = true
rule "Welcome VIP": on contact updated when changed(vip) and vip == true -> notify "desk@example.com" "VIP {name}"
rule "Tell deals": on deal becomes contact.vip == true -> notify "desk@example.com" "deal {title} of a VIP"
rule "Company": on company updated when changed(vip) -> notify "desk@example.com" "company {name}"
`;

const compiled = compileProgram([
  { path: "schema.rules", text: schema },
  { path: "rules.rules", text: rules },
]);

const input: InputEvent[] = [
  { id: "k1", at: "2026-01-01T08:00:00Z", entity: "company/K1", type: "created", data: { name: "Acme" } },
  { id: "c1", at: "2026-01-01T08:00:00Z", entity: "contact/C1", type: "created", data: { name: "Ana", company: "company/K1" } },
  { id: "d1", at: "2026-01-01T09:00:00Z", entity: "deal/D1", type: "created", data: { title: "Roof", amount: 500, contact: "contact/C1" } },
  { id: "d2", at: "2026-01-01T10:00:00Z", entity: "deal/D2", type: "created", data: { title: "Farm", amount: 9000, contact: "contact/C1" } },
  { id: "d3", at: "2026-01-01T11:00:00Z", entity: "deal/D3", type: "created", data: { title: "Shed", amount: 2000 } },
];

const brief = (outputs: OutputRecord[]) => outputs.map((o) => `${o.id} ${o.entity} ${o.type} ${JSON.stringify(o.data)} cause=${o.cause} rule=${o.rule}`);

describe("set on a referenced record", () => {
  it("writes the referenced record's updated line, whose own rules and referrers then run", () => {
    expect(brief(runEvents(compiled, input))).toEqual([
      `d2.1 contact/C1 updated {"vip":true} cause=d2 rule=Big buyer`,
      `d2.2 company/K1 updated {"vip":true} cause=d2 rule=Company too`,
      // D2's own creation evaluates its `becomes` after "Big buyer" ran: the contact is a VIP by then
      `d2.3 deal/D2 notify {"to":"desk@example.com","text":"deal Farm of a VIP"} cause=d2 rule=Tell deals`,
      `d2.4 contact/C1 notify {"to":"desk@example.com","text":"VIP Ana"} cause=d2.1 rule=Welcome VIP`,
      // the contact's change reaches the deals that refer to it
      `d2.5 deal/D1 notify {"to":"desk@example.com","text":"deal Roof of a VIP"} cause=d2.1 rule=Tell deals`,
      `d2.6 company/K1 notify {"to":"desk@example.com","text":"company Acme"} cause=d2.2 rule=Company`,
    ]);
  });

  it("does nothing, and says why, when the reference is empty", () => {
    const traces: TraceRecord[] = [];
    const engine = createEngine(compiled, { onTrace: (trace) => traces.push(trace) });
    const outputs: OutputRecord[] = [];
    for (const event of input) outputs.push(...engine.process(event));
    expect(outputs.filter((o) => o.entity === "deal/D3" || o.cause === "d3")).toEqual([]);
    expect(traces.filter((trace) => trace.kind === "skip").map((trace) => trace.kind === "skip" && `${trace.action}: ${trace.reason}`)).toContain("set contact.vip: contact is empty");
  });

  it("changes nothing when the referenced record already has the value", () => {
    const again: InputEvent = { id: "d4", at: "2026-01-02T08:00:00Z", entity: "deal/D4", type: "created", data: { title: "Barn", amount: 3000, contact: "contact/C1" } };
    const outputs = runEvents(compiled, [...input, again]);
    expect(outputs.filter((o) => o.cause === "d4").map((o) => [o.entity, o.type, o.rule])).toEqual([["deal/D4", "notify", "Tell deals"]]);
  });
});
