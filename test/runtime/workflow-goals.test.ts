// Goals (`exit when`, docs/language.md "Workflows"): checked whenever the bound
// record (or a record the goal reads through a reference) changes; the instance
// ends where it is, its wait is void, and `workflow.exited` records it.
import { describe, expect, it } from "vitest";
import { compileSources } from "../../compiler/index";
import { runBothBackends } from "../backend/harness";
import { runEvents, type InputEvent, type OutputRecord } from "../../runtime/index";

const schema = `
entity contact { name: text  vip: bool?  email: email? }
entity deal {
  title: text
  amount: money
  contact: contact
  pipeline {
    stage "New"
    stage "Booked"
    stage "Won" won
    stage "Lost" lost
  }
}
`;

function compile(workflow: string) {
  const compiled = compileSources([{ path: "schema.rules", text: schema }, { path: "wf.rules", text: workflow }]);
  expect(compiled.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return compiled.program!;
}

function run(workflow: string, events: InputEvent[]): OutputRecord[] {
  return runEvents(compile(workflow), events, { until: "2026-03-20T00:00:00Z" });
}

const at = (day: number, hour: number): string => `2026-03-${String(day).padStart(2, "0")}T${String(hour).padStart(2, "0")}:00:00Z`;
const contact: InputEvent = { id: "c1", at: at(2, 8), entity: "contact/C1", type: "created", data: { name: "Ana", email: "ana@x.example" } };
const deal = (id: string, day: number, hour: number, data: Record<string, string | number> = {}): InputEvent => ({
  id,
  at: at(day, hour),
  entity: "deal/D1",
  type: "created",
  data: { title: "Roof", amount: 100, contact: "contact/C1", stage: "New", ...data },
});
const move = (id: string, day: number, hour: number, stage: string): InputEvent => ({ id, at: at(day, hour), entity: "deal/D1", type: "stage.opened", data: { stage } });
const update = (id: string, day: number, hour: number, entity: string, data: Record<string, string | number | boolean>): InputEvent => ({
  id,
  at: at(day, hour),
  entity,
  type: "updated",
  data,
});

const nurture = (extra = "") => `workflow "Nurture" per deal ${extra}{
  enroll on deal created
  enroll on deal updated
  exit when stage == "Won"
  notify "desk@x.example" "first {title}"
  wait 2 days
  notify "desk@x.example" "second {title}"
}
`;

const texts = (outputs: OutputRecord[]) => outputs.map((o) => (o.type === "notify" ? `${o.at} ${o.data.text}` : `${o.at} ${o.type} ${JSON.stringify(o.data)} cause ${o.cause}`));

describe("exit when", () => {
  it("ends the instance as soon as the bound record meets the goal: the wait is void and the exit is recorded", () => {
    const outputs = run(nurture(), [contact, deal("d1", 2, 9), move("m1", 3, 10, "Won")]);
    expect(texts(outputs.filter((o) => o.rule === "Nurture"))).toEqual([
      "2026-03-02T09:00:00.000Z first Roof",
      '2026-03-03T10:00:00.000Z workflow.exited {"workflow":"Nurture"} cause m1.1',
    ]);
  });

  it("goes on when the goal is not met", () => {
    const outputs = run(nurture(), [contact, deal("d1", 2, 9), move("m1", 3, 10, "Booked")]);
    expect(texts(outputs.filter((o) => o.rule === "Nurture"))).toEqual(["2026-03-02T09:00:00.000Z first Roof", "2026-03-04T09:00:00.000Z second Roof"]);
  });

  it("does not enroll a record that already meets the goal", () => {
    const outputs = run(nurture("reentry "), [contact, deal("d1", 2, 9, { stage: "Won" }), update("u1", 3, 9, "deal/D1", { amount: 5 })]);
    expect(outputs.filter((o) => o.rule === "Nurture")).toEqual([]);
  });

  it("finishes the instance: without reentry the record never enrolls again, with reentry it does", () => {
    const events = [contact, deal("d1", 2, 9), move("m1", 3, 10, "Won"), move("m2", 4, 10, "Booked"), update("u1", 5, 9, "deal/D1", { amount: 7 })];
    const once = run(nurture(), events).filter((o) => o.rule === "Nurture" && o.type === "notify");
    expect(once.map((o) => o.at)).toEqual(["2026-03-02T09:00:00.000Z"]);
    const again = run(nurture("reentry "), events).filter((o) => o.rule === "Nurture" && o.type === "notify");
    // m2's move back updates nothing the enrollment watches (a stage event); u1 enrolls again.
    expect(again.map((o) => o.at)).toEqual(["2026-03-02T09:00:00.000Z", "2026-03-05T09:00:00.000Z", "2026-03-07T09:00:00.000Z"]);
  });

  it("reads a referenced record: a change of the contact meets the goal of its deal's instance", () => {
    const workflow = `workflow "VIP" per deal {
  enroll on deal created
  exit when contact.vip == true
  wait 1 day
  notify "desk@x.example" "not vip yet"
}
`;
    const outputs = run(workflow, [contact, deal("d1", 2, 9), update("u1", 2, 12, "contact/C1", { vip: true })]);
    expect(texts(outputs.filter((o) => o.rule === "VIP"))).toEqual(['2026-03-02T12:00:00.000Z workflow.exited {"workflow":"VIP"} cause u1']);
  });

  it("exits on a change its own step makes", () => {
    const workflow = `workflow "Close" per deal {
  enroll on deal created
  exit when amount > 1000
  set amount = 5000
  wait 1 day
  notify "desk@x.example" "never"
}
`;
    const outputs = run(workflow, [contact, deal("d1", 2, 9)]);
    expect(outputs.map((o) => o.type)).toEqual(["updated", "workflow.exited"]);
  });

  it("gives the same outputs from the TypeScript backend", async () => {
    const events = [contact, deal("d1", 2, 9), update("u1", 2, 12, "contact/C1", { vip: true }), move("m1", 3, 10, "Won")];
    const goals = `workflow "Goals" per deal {\n  enroll on deal created\n  exit when contact.vip == true and stage == "Won"\n  wait 3 days\n  notify "desk@x.example" "late"\n}\n`;
    const { text, inProcess, module } = await runBothBackends(compile(goals), events.map((event) => JSON.stringify(event)), "2026-03-20T00:00:00Z");
    expect(text).toContain("exits: [");
    expect(inProcess.lines.some((line) => line.includes('"workflow.exited"'))).toBe(true);
    expect(module).toEqual(inProcess);
  });
});
