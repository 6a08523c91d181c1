// A created record's id derives from the lineage of the firing that creates it
// (docs/language.md "Created records"): rules added elsewhere in the cascade,
// which shift output ids, leave it as it was.
import { describe, expect, it } from "vitest";
import { runEvents, type InputEvent, type OutputRecord } from "../../runtime/index";
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

function run(rules: string, until = "2026-01-03T00:00:00Z"): OutputRecord[] {
  return runEvents(compileProgram([{ path: "schema.rules", text: schema }, { path: "rules.rules", text: rules }]), input, { until });
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
