// Records created when a timer comes due (a delayed rule, a workflow step after
// a wait) are named from the lineage of the event that scheduled the timer
// (docs/language.md "Created records"), not from that event's output id: a rule
// added elsewhere shifts output ids and timer numbers, but leaves these ids as
// they were, also across a snapshot and a resume, under the same rules or
// others.
import { describe, expect, it } from "vitest";
import { createEngine, resumeWithOtherRules, runEvents, snapshotHead, snapshotParts, SnapshotAssembler, type InputEvent, type OutputRecord, type Snapshot } from "../../runtime/index";
import type { Program } from "../../runtime/program/ir";
import { compileProgram } from "../backend/harness";

const schema = `
entity contact { name: text }
entity deal {
  title: text
  contact: contact?
  pipeline { stage "New" stage "Docs" stage "Won" won }
}
entity task {
  title: text
  deal: deal?
}
template sms "Ping" "Ping about {title}"
`;

// Every timer here is scheduled on a derived event: the deal's move to "Docs",
// or (for "Escalate") a task created when an earlier timer came due.
const timed = `
rule "Docs": on deal created -> move to "Docs"
rule "Later": on deal stage "Docs" open after 1 day -> create task with { title: "later", deal: this }
rule "Escalate": on task created after 1 day when title == "later" -> create task with { title: "escalated" }
workflow "Chase" per deal {
  enroll on deal stage "Docs" open
  wait 2 days
  create task with { title: "chase", deal: this }
  wait 1 day
  create task with { title: "chase again", deal: this }
}
`;

// Rules that output before the move (shifting the ids of the events the timers
// are scheduled on) and schedule timers of their own first (shifting timer numbers).
const unrelated = `
rule "Hello": on deal created -> send sms "Ping" to "ops@solar.example"
rule "Nudge": on deal created after 1 hour -> send sms "Ping" to "desk@solar.example"
on task created -> send sms "Ping" to "tasks@solar.example"
`;

const input: InputEvent[] = [
  { id: "e1", at: "2026-01-01T08:00:00Z", entity: "contact/C1", type: "created", data: { name: "Ana" } },
  { id: "e2", at: "2026-01-01T09:00:00Z", entity: "deal/D1", type: "created", data: { title: "Roof", contact: "contact/C1" } },
  { id: "e3", at: "2026-01-01T10:00:00Z", entity: "deal/D2", type: "created", data: { title: "Wall", contact: "contact/C1" } },
];
const until = "2026-01-10T00:00:00Z";

function compile(rules: string): Program {
  return compileProgram([{ path: "schema.rules", text: schema }, { path: "rules.rules", text: rules }]);
}

/** Title of each created task → its records, in output order. */
function createdTasks(outputs: OutputRecord[]): Record<string, string[]> {
  const tasks: Record<string, string[]> = {};
  for (const output of outputs) {
    if (output.type !== "created" || !output.entity.startsWith("task/")) continue;
    (tasks[String(output.data.title)] ??= []).push(output.entity);
  }
  return tasks;
}

/** Processes the input, saves a snapshot (as JSON text would carry it) while the timers are pending. */
function savedBeforeTimers(program: Program): { outputs: OutputRecord[]; snapshot: Snapshot } {
  const engine = createEngine(program);
  const outputs = input.flatMap((event) => engine.process(event));
  return { outputs, snapshot: JSON.parse(JSON.stringify(engine.snapshot())) as Snapshot };
}

describe("records created when a timer comes due", () => {
  const before = runEvents(compile(timed), input, { until });
  const after = runEvents(compile(unrelated + timed), input, { until });

  it("are created in both runs, and the added rules did shift output ids", () => {
    const tasks = createdTasks(before);
    expect(Object.keys(tasks).sort()).toEqual(["chase", "chase again", "escalated", "later"]);
    for (const title of Object.keys(tasks)) expect(tasks[title]).toHaveLength(2);
    const all = Object.values(tasks).flat();
    expect(new Set(all).size).toBe(all.length);
    const causeOf = (outputs: OutputRecord[]) => outputs.find((o) => o.type === "created" && o.data.title === "later")!.cause;
    expect(causeOf(after)).not.toBe(causeOf(before));
  });

  it("keep their ids when unrelated rules are added (delayed rules, timers on timers, workflow steps after a wait)", () => {
    expect(createdTasks(after)).toEqual(createdTasks(before));
  });

  it("are named from the input event whose cascade scheduled the timer", () => {
    const tasks = createdTasks(before);
    for (const title of Object.keys(tasks)) {
      expect(tasks[title]).toEqual([expect.stringMatching(/^task\/e2~[0-9a-f]{12}$/), expect.stringMatching(/^task\/e3~[0-9a-f]{12}$/)]);
    }
  });

  it("keep their ids across a snapshot and a resume under the same rules", () => {
    const program = compile(timed);
    const { outputs, snapshot } = savedBeforeTimers(program);
    const resumed = createEngine(program, { snapshot }).advanceTo(until);
    expect(createdTasks([...outputs, ...resumed])).toEqual(createdTasks(before));
  });

  it("keep their ids across a snapshot written and read in parts", () => {
    const program = compile(timed);
    const { outputs, snapshot } = savedBeforeTimers(program);
    expect(snapshot.timers.every((timer) => timer.lineage !== undefined)).toBe(true);
    const assembler = new SnapshotAssembler(JSON.parse(JSON.stringify(snapshotHead(snapshot))));
    for (const part of snapshotParts(snapshot, 1)) assembler.add(JSON.parse(JSON.stringify(part)));
    const reassembled = assembler.finish();
    expect(reassembled).toEqual(snapshot);
    expect(createdTasks([...outputs, ...createEngine(program, { snapshot: reassembled }).advanceTo(until)])).toEqual(createdTasks(before));
  });

  it("from a snapshot saved before timers kept their lineage, are named from the timer's cause as they were", () => {
    const program = compile(timed);
    const { snapshot } = savedBeforeTimers(program);
    const older: Snapshot = { ...snapshot, timers: snapshot.timers.map(({ lineage: _lineage, ...timer }) => timer) };
    const tasks = createdTasks(createEngine(program, { snapshot: older }).advanceTo(until));
    expect(tasks.later).toEqual([expect.stringMatching(/^task\/e2\.1~[0-9a-f]{12}$/), expect.stringMatching(/^task\/e3\.1~[0-9a-f]{12}$/)]);
    expect(tasks.later).not.toEqual(createdTasks(before).later);
  });

  it("keep their ids when a snapshot of one rule version resumes under the other", () => {
    const { outputs, snapshot } = savedBeforeTimers(compile(timed));
    const { engine, outputs: deployed } = resumeWithOtherRules(snapshot, compile(unrelated + timed));
    expect(createdTasks([...outputs, ...deployed, ...engine.advanceTo(until)])).toEqual(createdTasks(before));
  });
});
