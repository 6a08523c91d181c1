import { describe, expect, it } from "vitest";
import { compileSources } from "../../compiler/index";
import { CoverageCounter, coverageReport, createEngine, runTests, type Program } from "../../runtime/index";
import { section2Declarations } from "../fixtures/language-declarations";

function compile(rules: string): Program {
  const compiled = compileSources([
    { path: "declarations.rules", text: section2Declarations },
    { path: "c.rules", text: rules },
  ]);
  expect(compiled.diagnostics.filter((d) => d.severity === "error").map((d) => d.message)).toEqual([]);
  return compiled.program!;
}

const rules = `rule "Welcome": on deal created -> send email "Docs reminder" to contact
rule "Big": on deal created when amount > 1000 -> notify "desk@solar.example" "Big deal {title}"
on deal stage "Validation" open after 2 days -> create task "Call back"
workflow "Nurture" per deal {
  enroll on deal created
  send sms "Reminder" to contact
  wait 1 day
  if amount > 500 {
    notify "desk@solar.example" "Follow up {title}"
  } else {
    stop
  }
}
test "small deal" {
  at 2026-01-05T09:00Z "contact/C1" created { name: "Ana", email: "ana@example.com", phone: "+39 333" }
  at 2026-01-05T09:00Z "deal/S1" created { title: "Roof", amount: 800, channel: web, contact: "contact/C1" }
  until 2026-01-08T00:00Z
  expect email.send "deal/S1"
}
`;

const brief = (program: Program, counter: CoverageCounter) =>
  coverageReport(program, counter).entries.map((entry) => `${entry.name} ${entry.location ? `${entry.location.line}:${entry.location.column}` : "-"} ${entry.hits}`);

describe("coverage", () => {
  it("says which rules, workflows and steps ran, by identity, with where they are written", () => {
    const program = compile(rules);
    const counter = new CoverageCounter();
    runTests(program, { onCoverage: counter.record });
    expect(brief(program, counter)).toEqual([
      `rule "Welcome" 1:1 1`,
      `rule "Big" 2:1 0`,
      `rule at c.rules:3 3:1 0`,
      `workflow "Nurture" 4:1 1`,
      `workflow "Nurture" step 1 6:3 1`,
      `workflow "Nurture" step 2 7:3 1`,
      `workflow "Nurture" step 3 8:3 1`,
      `workflow "Nurture" step 4 9:5 1`,
      `workflow "Nurture" step 5 11:5 0`,
    ]);
    const report = coverageReport(program, counter);
    expect(report).toMatchObject({ covered: 6, total: 9 });
    expect(report.entries[2]!.id).toBe(program.rules[2]!.id);
  });

  it("adds up the runs of every engine that shares one counter", () => {
    const program = compile(rules);
    const counter = new CoverageCounter();
    for (const amount of [800, 100]) {
      const engine = createEngine(program, { onCoverage: counter.record });
      engine.process({ id: "e1", at: "2026-01-05T09:00:00Z", entity: "contact/C1", type: "created", data: { name: "Ana", phone: "+39 333" } });
      engine.process({ id: "e2", at: "2026-01-05T09:00:00Z", entity: "deal/S1", type: "created", data: { title: "Roof", amount, channel: "web", contact: "contact/C1" } });
      engine.advanceTo("2026-01-08T00:00:00Z");
    }
    const hits = coverageReport(program, counter).entries.map((entry) => entry.hits);
    expect(hits).toEqual([2, 0, 0, 2, 2, 2, 2, 1, 1]);
  });

  it("counts a delayed rule when its timer fires, not when it is scheduled", () => {
    const program = compile(`on deal stage "Validation" open after 2 days -> create task "Call back"
test "T" {
  at 2026-01-05T09:00Z "deal/S1" created { title: "Roof", amount: 800, channel: web, contact: "contact/C1", stage: "Validation" }
  expect no task.create
}
test "T until due" {
  at 2026-01-05T09:00Z "deal/S1" created { title: "Roof", amount: 800, channel: web, contact: "contact/C1", stage: "Validation" }
  until 2026-01-08T00:00Z
  expect task.create
}
`);
    const counter = new CoverageCounter();
    const results = runTests(program, { onCoverage: counter.record });
    expect(results.map((result) => result.passed)).toEqual([true, true]);
    expect(coverageReport(program, counter).entries[0]!.hits).toBe(1);
  });
});
