// A workflow instance that ends (exits on a goal, finishes, loses its record)
// or stops waiting (`wait until` met before its timeout) keeps no timer: the
// engine's state, its snapshot and nextDueAt hold only timers that can still
// do something, and the outputs are those of a run that kept them.
import { describe, expect, it } from "vitest";
import { createEngine, type InputEvent, type OutputRecord, type Snapshot } from "../../runtime/index";
import type { Program } from "../../runtime/program/ir";
import { compileProgram } from "../backend/harness";

const schema = `
entity contact { name: text  vip: bool? }
entity deal {
  title: text
  contact: contact
  pipeline { stage "New" stage "Won" won }
}
`;

const nurture = `workflow "Nurture" per deal {
  enroll on deal created
  exit when stage == "Won"
  notify "desk@x.example" "first {title}"
  wait 2 days
  notify "desk@x.example" "second {title}"
}
`;

const vip = `workflow "VIP" per deal {
  enroll on deal created
  wait until contact.vip == true timeout 5 days
  notify "desk@x.example" "vip {title}"
}
`;

const at = (day: number, hour: number): string => `2026-03-${String(day).padStart(2, "0")}T${String(hour).padStart(2, "0")}:00:00Z`;
const contact: InputEvent = { id: "c1", at: at(2, 8), entity: "contact/C1", type: "created", data: { name: "Ana" } };
const deal = (id: string, ref: string): InputEvent => ({ id, at: at(2, 9), entity: ref, type: "created", data: { title: ref, contact: "contact/C1", stage: "New" } });
const won = (id: string, ref: string): InputEvent => ({ id, at: at(3, 10), entity: ref, type: "stage.opened", data: { stage: "Won" } });

function compile(rules: string): Program {
  return compileProgram([{ path: "schema.rules", text: schema }, { path: "rules.rules", text: rules }]);
}

/** The engine after the events, with its snapshot as JSON text carries it. */
function after(rules: string, events: InputEvent[]): { outputs: OutputRecord[]; snapshot: Snapshot; nextDue: number | null } {
  const engine = createEngine(compile(rules));
  const outputs = events.flatMap((event) => engine.process(event));
  return { outputs, snapshot: JSON.parse(JSON.stringify(engine.snapshot())) as Snapshot, nextDue: engine.nextDueAt() };
}

const timerInstances = (snapshot: Snapshot) => snapshot.timers.map((timer) => (timer.kind === "rule" ? timer.rule : JSON.parse(timer.instance)[1]));

describe("timers of ended workflow waits", () => {
  it("go when the instance exits on its goal; the instance still waiting keeps its timer", () => {
    const { outputs, snapshot, nextDue } = after(nurture, [contact, deal("d1", "deal/D1"), deal("d2", "deal/D2"), won("m1", "deal/D1")]);
    expect(outputs.filter((o) => o.type === "workflow.exited").map((o) => o.entity)).toEqual(["deal/D1"]);
    expect(snapshot.instances.map((instance) => instance.bound)).toEqual(["deal/D2"]);
    expect(timerInstances(snapshot)).toEqual(["deal/D2"]);
    expect(nextDue).toBe(Date.parse(at(4, 9)));
  });

  it("leave no timer and no due time once every instance exited", () => {
    const { snapshot, nextDue } = after(nurture, [contact, deal("d1", "deal/D1"), won("m1", "deal/D1")]);
    expect(snapshot.timers).toEqual([]);
    expect(nextDue).toBeNull();
  });

  it("go when the bound record is deleted", () => {
    const deleted: InputEvent = { id: "x1", at: at(3, 10), entity: "deal/D1", type: "deleted" };
    const { snapshot, nextDue } = after(nurture, [contact, deal("d1", "deal/D1"), deleted]);
    expect(snapshot.timers).toEqual([]);
    expect(nextDue).toBeNull();
  });

  it("go when `wait until` is met before its timeout, and the instance finishes with none left", () => {
    const madeVip: InputEvent = { id: "u1", at: at(3, 10), entity: "contact/C1", type: "updated", data: { vip: true } };
    const waiting = after(vip, [contact, deal("d1", "deal/D1")]);
    expect(waiting.snapshot.timers.map((timer) => timer.kind)).toEqual(["timeout"]);
    const { outputs, snapshot, nextDue } = after(vip, [contact, deal("d1", "deal/D1"), madeVip]);
    expect(outputs.filter((o) => o.type === "notify").map((o) => o.data.text)).toEqual(["vip deal/D1"]);
    expect(snapshot.instances).toEqual([]);
    expect(snapshot.timers).toEqual([]);
    expect(nextDue).toBeNull();
  });

  it("in a snapshot saved while engines kept them, are dropped on resume and the outputs stay the same", () => {
    const events = [contact, deal("d1", "deal/D1"), deal("d2", "deal/D2"), won("m1", "deal/D1")];
    const { snapshot } = after(nurture, events.slice(0, 3));
    const program = compile(nurture);
    const kept = createEngine(program, { snapshot });
    const exitOutputs = kept.process(events[3]!);
    // The exited instance's timer as an engine that kept it would have saved it.
    const stale = { ...kept.snapshot(), timers: snapshot.timers };
    expect(timerInstances(stale)).toEqual(["deal/D1", "deal/D2"]);
    const resumed = createEngine(program, { snapshot: JSON.parse(JSON.stringify(stale)) as Snapshot });
    expect(timerInstances(resumed.snapshot())).toEqual(["deal/D2"]);
    expect(exitOutputs.filter((o) => o.type === "workflow.exited").map((o) => o.entity)).toEqual(["deal/D1"]);
    const later = resumed.advanceTo(at(10, 0));
    expect(later.map((o) => `${o.entity} ${o.data.text}`)).toEqual(["deal/D2 second deal/D2"]);
    expect(later).toEqual(kept.advanceTo(at(10, 0)));
  });
});
