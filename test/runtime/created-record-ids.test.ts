// A created record's id derives from the lineage of the firing that creates it
// (docs/language.md "Created records"): rules added elsewhere in the cascade,
// which shift output ids, leave it as it was. So do they for records created
// when a timer comes due (a delayed rule, a workflow step after a wait): the
// timer keeps the lineage of the event that scheduled it, across a snapshot
// and a resume too, under the same rules or others.
import { describe, expect, it } from "vitest";
import { createEngine, resumeWithOtherRules, runEvents, snapshotHead, snapshotParts, SnapshotAssembler, type InputEvent, type OutputRecord, type Snapshot } from "../../runtime/index";
import type { Program } from "../../runtime/program/ir";
import { compileProgram } from "../backend/harness";

const schema = `
entity contact { name: text  vip: bool? }
entity deal {
  title: text
  contact: contact?
  pipeline { stage "New" stage "Docs" stage "Won" won }
}
entity task {
  title: text
  deal: deal?
  pipeline { stage "Todo" stage "Done" }
}
template sms "Ping" "Ping about {title}"
`;

const makesTasks = `
rule "Docs": on deal created -> move to "Docs"
rule "Task": on deal stage "Docs" open -> create task with { title: "collect", deal: this, stage: "Todo" }
rule "Second": on deal stage "Docs" open -> create task with { title: "check", deal: this }
rule "Later": on deal created after 1 day -> create task with { title: "later", deal: this }
`;

const input: InputEvent[] = [
  { id: "e1", at: "2026-01-01T08:00:00Z", entity: "contact/C1", type: "created", data: { name: "Ana" } },
  { id: "e2", at: "2026-01-01T09:00:00Z", entity: "deal/D1", type: "created", data: { title: "Roof", contact: "contact/C1" } },
  { id: "e3", at: "2026-01-01T09:00:00Z", entity: "deal/D2", type: "created", data: { title: "Wall", contact: "contact/C1" } },
];

function compile(rules: string): Program {
  return compileProgram([{ path: "schema.rules", text: schema }, { path: "rules.rules", text: rules }]);
}

function run(rules: string, until = "2026-01-03T00:00:00Z"): OutputRecord[] {
  return runEvents(compile(rules), input, { until });
}

/** Title of each created task → its record. */
function createdTasks(outputs: OutputRecord[]): Map<string, string[]> {
  const tasks = new Map<string, string[]>();
  for (const output of outputs) {
    if (output.type !== "created" || !output.entity.startsWith("task/")) continue;
    const title = String(output.data.title);
    tasks.set(title, [...(tasks.get(title) ?? []), output.entity]);
  }
  return tasks;
}

describe("created record ids", () => {
  it("have the form <root>~<12 hex digits>, the root being the input event the cascade started from", () => {
    const tasks = createdTasks(run(makesTasks));
    expect(tasks.get("collect")).toEqual([expect.stringMatching(/^task\/e2~[0-9a-f]{12}$/), expect.stringMatching(/^task\/e3~[0-9a-f]{12}$/)]);
    const all = [...tasks.values()].flat();
    expect(new Set(all).size).toBe(all.length);
  });

  it("do not shift when rules that output something are added earlier in the cascade", () => {
    const before = run(makesTasks);
    const unrelated = `
rule "Hello": on deal created -> send sms "Ping" to "ops@solar.example"
on deal created -> send sms "Ping" to "desk@solar.example"
rule "Flag": on deal stage "Docs" open -> set title = "in docs"
rule "Elsewhere": on contact created -> create task with { title: "contact task" }
`;
    const after = run(unrelated + makesTasks);
    // the outputs did shift: the task's `created` line has another output id
    const createdLine = (outputs: OutputRecord[]) => outputs.find((o) => o.type === "created" && o.data.title === "collect")!.id;
    expect(createdLine(after)).not.toBe(createdLine(before));
    const was = createdTasks(before);
    const now = createdTasks(after);
    for (const title of ["collect", "check", "later"]) expect(now.get(title)).toEqual(was.get(title));
  });

  it("change when a rule on the record's own path changes", () => {
    const was = createdTasks(run(makesTasks));
    const renamed = createdTasks(run(makesTasks.replace('rule "Docs"', 'rule "To docs"')));
    expect(renamed.get("collect")).not.toEqual(was.get("collect"));
    expect(renamed.get("later")).toEqual(was.get("later"));
  });

  it("open the stage given in `with` as part of the creation, after the created rules", () => {
    const outputs = run(`${makesTasks}
rule "Started": on task stage "Todo" open -> set title = "started"
rule "Made": on task created -> set title = "made"
`);
    const task = createdTasks(outputs).get("collect")![0]!;
    const lines = outputs.filter((o) => o.entity === task).map((o) => [o.type, o.rule, JSON.stringify(o.data)]);
    expect(lines).toEqual([
      ["created", "Task", JSON.stringify({ title: "collect", deal: "deal/D1", stage: "Todo" })],
      ["updated", "Made", JSON.stringify({ title: "made" })],
      ["updated", "Started", JSON.stringify({ title: "started" })],
    ]);
  });
});

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

const later = "2026-01-10T00:00:00Z";

/** Processes the input and saves a snapshot (as JSON text carries it) while the timers are pending. */
function savedBeforeTimers(program: Program): { outputs: OutputRecord[]; snapshot: Snapshot } {
  const engine = createEngine(program);
  const outputs = input.flatMap((event) => engine.process(event));
  return { outputs, snapshot: JSON.parse(JSON.stringify(engine.snapshot())) as Snapshot };
}

describe("records created when a timer comes due", () => {
  const before = run(timed, later);
  const after = run(unrelated + timed, later);

  it("are created in both runs, and the added rules did shift output ids", () => {
    const tasks = createdTasks(before);
    expect([...tasks.keys()].sort()).toEqual(["chase", "chase again", "escalated", "later"]);
    for (const records of tasks.values()) expect(records).toHaveLength(2);
    const all = [...tasks.values()].flat();
    expect(new Set(all).size).toBe(all.length);
    const causeOf = (outputs: OutputRecord[]) => outputs.find((o) => o.type === "created" && o.data.title === "later")!.cause;
    expect(causeOf(after)).not.toBe(causeOf(before));
  });

  it("keep their ids when unrelated rules are added (delayed rules, timers on timers, workflow steps after a wait)", () => {
    expect(createdTasks(after)).toEqual(createdTasks(before));
  });

  it("are named from the input event whose cascade scheduled the timer", () => {
    for (const records of createdTasks(before).values()) {
      expect(records).toEqual([expect.stringMatching(/^task\/e2~[0-9a-f]{12}$/), expect.stringMatching(/^task\/e3~[0-9a-f]{12}$/)]);
    }
  });

  it("keep their ids across a snapshot and a resume under the same rules", () => {
    const program = compile(timed);
    const { outputs, snapshot } = savedBeforeTimers(program);
    const resumed = createEngine(program, { snapshot }).advanceTo(later);
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
    expect(createdTasks([...outputs, ...createEngine(program, { snapshot: reassembled }).advanceTo(later)])).toEqual(createdTasks(before));
  });

  it("from a snapshot saved before timers kept their lineage, are named from the timer's cause as they were", () => {
    const program = compile(timed);
    const { snapshot } = savedBeforeTimers(program);
    const older: Snapshot = { ...snapshot, timers: snapshot.timers.map(({ lineage: _lineage, ...timer }) => timer) };
    const tasks = createdTasks(createEngine(program, { snapshot: older }).advanceTo(later));
    expect(tasks.get("later")).toEqual([expect.stringMatching(/^task\/e2\.1~[0-9a-f]{12}$/), expect.stringMatching(/^task\/e3\.1~[0-9a-f]{12}$/)]);
    expect(tasks.get("later")).not.toEqual(createdTasks(before).get("later"));
  });

  it("keep their ids when a snapshot of one rule version resumes under the other", () => {
    const { outputs, snapshot } = savedBeforeTimers(compile(timed));
    const { engine, outputs: deployed } = resumeWithOtherRules(snapshot, compile(unrelated + timed));
    expect(createdTasks([...outputs, ...deployed, ...engine.advanceTo(later)])).toEqual(createdTasks(before));
  });
});
