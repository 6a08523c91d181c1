// `for each deal of contact { … }` runs its block on each deal referring to the
// rule's contact, in ref order, found through the reference index; each deal's
// changes are its own `updated` lines with its own rules (docs/language.md "Actions").
import { describe, expect, it } from "vitest";
import { runEvents, type InputEvent, type OutputRecord } from "../../runtime/index";
import { compileProgram, runBothBackends } from "../backend/harness";

const schema = `
entity contact { name: text  vip: bool? }
entity deal { title: text  contact: contact?  billing: contact?  hot: bool? }
`;

const rules = `
rule "Heat deals": on contact updated when changed(vip) and vip == true {
  for each deal by contact of contact {
    set hot = true
    notify "desk@example.com" "{title} of {contact.name}"
  }
  for each deal by billing of contact {
    notify "billing@example.com" "{title}"
  }
}
rule "Hot deal": on deal updated when changed(hot) -> notify "desk@example.com" "hot {title}"
`;

const compiled = compileProgram([
  { path: "schema.rules", text: schema },
  { path: "rules.rules", text: rules },
]);

const at = (hour: number) => `2026-01-01T${String(hour).padStart(2, "0")}:00:00Z`;
const input: InputEvent[] = [
  { id: "c1", at: at(8), entity: "contact/C1", type: "created", data: { name: "Ana" } },
  { id: "c2", at: at(8), entity: "contact/C2", type: "created", data: { name: "Bo" } },
  // written out of ref order: the block still runs D1 before D2
  { id: "d2", at: at(9), entity: "deal/D2", type: "created", data: { title: "Farm", contact: "contact/C1" } },
  { id: "d1", at: at(9), entity: "deal/D1", type: "created", data: { title: "Roof", contact: "contact/C1", billing: "contact/C2" } },
  { id: "d3", at: at(9), entity: "deal/D3", type: "created", data: { title: "Shed", contact: "contact/C2" } },
  { id: "d4", at: at(9), entity: "deal/D4", type: "created", data: { title: "Barn", contact: "contact/C1" } },
  // D4 leaves C1 before C1 becomes a VIP
  { id: "d4b", at: at(10), entity: "deal/D4", type: "updated", data: { contact: "contact/C2" } },
  { id: "v1", at: at(11), entity: "contact/C1", type: "updated", data: { vip: true } },
  { id: "v2", at: at(12), entity: "contact/C2", type: "updated", data: { vip: true } },
];

const brief = (outputs: OutputRecord[]) => outputs.map((o) => `${o.id} ${o.entity} ${o.type} ${JSON.stringify(o.data)} cause=${o.cause} rule=${o.rule}`);

describe("for each referring record", () => {
  it("runs the block on each record referring through the named field, in ref order, each change with its own rules", () => {
    const outputs = runEvents(compiled, input).filter((o) => o.cause.startsWith("v"));
    expect(brief(outputs)).toEqual([
      `v1.1 deal/D1 updated {"hot":true} cause=v1 rule=Heat deals`,
      `v1.2 deal/D1 notify {"to":"desk@example.com","text":"Roof of Ana"} cause=v1 rule=Heat deals`,
      `v1.3 deal/D2 updated {"hot":true} cause=v1 rule=Heat deals`,
      `v1.4 deal/D2 notify {"to":"desk@example.com","text":"Farm of Ana"} cause=v1 rule=Heat deals`,
      `v1.5 deal/D1 notify {"to":"desk@example.com","text":"hot Roof"} cause=v1.1 rule=Hot deal`,
      `v1.6 deal/D2 notify {"to":"desk@example.com","text":"hot Farm"} cause=v1.3 rule=Hot deal`,
      `v2.1 deal/D3 updated {"hot":true} cause=v2 rule=Heat deals`,
      `v2.2 deal/D3 notify {"to":"desk@example.com","text":"Shed of Bo"} cause=v2 rule=Heat deals`,
      `v2.3 deal/D4 updated {"hot":true} cause=v2 rule=Heat deals`,
      `v2.4 deal/D4 notify {"to":"desk@example.com","text":"Barn of Bo"} cause=v2 rule=Heat deals`,
      `v2.5 deal/D1 notify {"to":"billing@example.com","text":"Roof"} cause=v2 rule=Heat deals`,
      `v2.6 deal/D3 notify {"to":"desk@example.com","text":"hot Shed"} cause=v2.1 rule=Hot deal`,
      `v2.7 deal/D4 notify {"to":"desk@example.com","text":"hot Barn"} cause=v2.3 rule=Hot deal`,
    ]);
  });

  it("gives the same outputs from the TypeScript backend", async () => {
    const { text, inProcess, module } = await runBothBackends(compiled, input.map((event) => JSON.stringify(event)));
    expect(text).toContain("actions: [");
    expect(inProcess.lines.some((line) => line.includes('"text":"Roof of Ana"'))).toBe(true);
    expect(module).toEqual(inProcess);
  });

  it("runs as a workflow step on the deals of the bound contact", () => {
    const workflow = compileProgram([
      { path: "schema.rules", text: schema },
      { path: "flow.rules", text: `workflow "Later" per contact {\n  enroll on contact updated when changed(vip)\n  wait 1 day\n  for each deal by contact of contact { notify "desk@example.com" "later {title}" }\n}\n` },
    ]);
    const outputs = runEvents(workflow, [...input, { id: "end", at: "2026-01-05T00:00:00Z", entity: "contact/C9", type: "created", data: { name: "Cy" } }]);
    expect(outputs.filter((o) => o.type === "notify").map((o) => `${o.entity} ${String(o.data.text)}`)).toEqual([
      "deal/D1 later Roof",
      "deal/D2 later Farm",
      "deal/D3 later Shed",
      "deal/D4 later Barn",
    ]);
  });

  it("does nothing for a record no one refers to", () => {
    const lonely: InputEvent[] = [
      { id: "c9", at: at(8), entity: "contact/C9", type: "created", data: { name: "Cy" } },
      { id: "v9", at: at(9), entity: "contact/C9", type: "updated", data: { vip: true } },
    ];
    expect(runEvents(compiled, lonely).filter((o) => o.cause === "v9")).toEqual([]);
  });
});
