// Deploying new rules onto a running engine (runtime/versions/): the timers
// and workflow instances the migration plan keeps, cancels, moves or leaves on
// their version, the outputs that say so, and the law that deploying the same
// rules changes nothing.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createEngine, deployRules, formatOutputLine, formatPlanText, parseInstant, planMigration, resumeWithOtherRules, type Engine, type InputEvent, type OutputRecord, type Program, type Snapshot } from "../../runtime/index";
import { compileProgram } from "../backend/harness";
import { eventStream, ruleFile, schema as arbitrarySchema } from "../backend/arbitrary-programs";

// The rules of test/fixtures/deploy/base; each test edits them into its new version.
const fixture = join(import.meta.dirname, "..", "fixtures", "deploy", "base");
const schema = readFileSync(join(fixture, "schema.rules"), "utf8");
const base = readFileSync(join(fixture, "rules.rules"), "utf8");

function rules(text: string): Program {
  return compileProgram([
    { path: "schema.rules", text: schema },
    { path: "rules.rules", text },
  ]);
}

const history: InputEvent[] = [
  { id: "c1", at: "2026-03-02T09:00:00Z", entity: "contact/C1", type: "created", data: { name: "Ana", email: "ana@example.com" } },
  { id: "d1", at: "2026-03-02T09:00:00Z", entity: "deal/D1", type: "created", data: { title: "Roof", amount: 50, contact: "contact/C1", stage: "New" } },
  { id: "d2", at: "2026-03-02T10:00:00Z", entity: "deal/D1", type: "stage.opened", data: { stage: "Documentation pending" } },
  { id: "d3", at: "2026-03-02T11:00:00Z", entity: "deal/D1", type: "updated", data: { amount: 500 } },
];

function engineAfterHistory(program: Program): Engine {
  const engine = createEngine(program);
  for (const event of history) engine.process(event);
  return engine;
}

const lines = (outputs: readonly OutputRecord[]) => outputs.map(formatOutputLine);
const summary = (outputs: readonly OutputRecord[]) => outputs.map((o) => `${o.id} ${o.at} ${o.entity} ${o.type} ${o.rule ?? "-"} ${JSON.stringify(o.data)}`);

describe("deploying new rules onto a running engine", () => {
  it("keeps the timers of unchanged rules, cancels those of a removed rule and re-derives a changed delay from its anchor", () => {
    const head = rules(base.replace("open after 4 days", "open after 5 days").replace(/rule "Nudge".*\n/, ""));
    const deployed = deployRules(engineAfterHistory(rules(base)), head, parseInstant("2026-03-03T00:00:00Z"));
    expect(deployed.plan.rules).toEqual({ added: [], removed: ['rule "Nudge"'], changed: ['rule "Docs reminder"'] });
    expect(summary(deployed.outputs)).toEqual([
      `t5 2026-03-03T00:00:00.000Z rules/${deployed.plan.to} rules.deployed - {"from":"${deployed.plan.from}","to":"${deployed.plan.to}","changes":"removed: rule \\"Nudge\\"; changed: rule \\"Docs reminder\\""}`,
      't5.1 2026-03-03T00:00:00.000Z deal/D1 timer.cancelled Nudge {"timer":"t1","due":"2026-03-12T09:00:00.000Z"}',
      't5.2 2026-03-03T00:00:00.000Z deal/D1 timer.moved Docs reminder {"timer":"t3","from":"2026-03-06T10:00:00.000Z","to":"2026-03-07T10:00:00.000Z"}',
    ]);
    const later = deployed.engine.advanceTo("2026-03-20T00:00:00Z");
    expect(summary(later).filter((line) => !line.includes("Follow up"))).toEqual([
      't2 2026-03-04T09:00:00.000Z deal/D1 notify Ping {"to":"desk@example.com","text":"ping Roof"}',
      't3 2026-03-07T10:00:00.000Z deal/D1 email.send Docs reminder {"template":"Docs reminder","to":"contact/C1"}',
    ]);
  });

  it("fires at once a timer whose new due time has passed at the deploy", () => {
    const head = rules(base.replace("open after 4 days", "open after 1 hours"));
    const deployed = deployRules(engineAfterHistory(rules(base)), head, parseInstant("2026-03-03T00:00:00Z"));
    expect(deployed.plan.timers).toEqual([
      expect.objectContaining({ change: "moved", timer: "t3", anchor: "2026-03-02T10:00:00.000Z", from: "2026-03-06T10:00:00.000Z", to: "2026-03-03T00:00:00.000Z", atOnce: true }),
    ]);
    expect(summary(deployed.outputs).slice(1)).toEqual([
      't5.1 2026-03-03T00:00:00.000Z deal/D1 timer.moved Docs reminder {"timer":"t3","from":"2026-03-06T10:00:00.000Z","to":"2026-03-03T00:00:00.000Z"}',
      't3 2026-03-03T00:00:00.000Z deal/D1 email.send Docs reminder {"template":"Docs reminder","to":"contact/C1"}',
    ]);
  });

  it("fires the old rules' timers due by the deploy before it, under the old rules", () => {
    const head = rules(base.replace(/rule "Ping".*\n/, ""));
    const deployed = deployRules(engineAfterHistory(rules(base)), head, parseInstant("2026-03-05T00:00:00Z"));
    expect(summary(deployed.outputs).filter((line) => line.includes("notify Ping"))).toEqual(['t2 2026-03-04T09:00:00.000Z deal/D1 notify Ping {"to":"desk@example.com","text":"ping Roof"}']);
    expect(deployed.plan.timers).toEqual([]);
  });

  it("leaves a workflow instance on the version it enrolled in when its step is gone, and enrolls new records in the new version", () => {
    const head = rules(base.replace("wait 2 days", "wait 1 day").replace('"second {title}"', '"second, new {title}"'));
    const engine = engineAfterHistory(rules(base));
    const deployed = deployRules(engine, head, parseInstant("2026-03-03T00:00:00Z"));
    expect(deployed.plan.instances).toEqual([expect.objectContaining({ change: "stays", workflow: "Follow up", record: "deal/D1", step: 1 })]);
    deployed.engine.process({ id: "d4", at: "2026-03-03T01:00:00Z", entity: "deal/D2", type: "created", data: { title: "Shed", amount: 50, contact: "contact/C1", stage: "New" } });
    deployed.engine.process({ id: "d5", at: "2026-03-03T02:00:00Z", entity: "deal/D2", type: "updated", data: { amount: 500 } });
    const later = deployed.engine.advanceTo("2026-03-20T00:00:00Z").filter((o) => o.rule === "Follow up");
    expect(later.map((o) => `${o.at} ${o.entity} ${String(o.data.text)}`)).toEqual([
      "2026-03-04T02:00:00.000Z deal/D2 second, new Shed",
      "2026-03-04T11:00:00.000Z deal/D1 second Roof",
      "2026-03-07T02:00:00.000Z deal/D2 third Shed",
      "2026-03-07T11:00:00.000Z deal/D1 third Roof",
    ]);
  });

  it("moves an instance to the new version when the new version has the step it waits at", () => {
    const head = rules(base.replace('"third {title}"', '"third, new {title}"'));
    const deployed = deployRules(engineAfterHistory(rules(base)), head, parseInstant("2026-03-03T00:00:00Z"));
    expect(deployed.plan.instances).toEqual([expect.objectContaining({ change: "moves", step: 1, newStep: 1 })]);
    const later = deployed.engine.advanceTo("2026-03-20T00:00:00Z").filter((o) => o.rule === "Follow up");
    expect(later.map((o) => String(o.data.text))).toEqual(["second Roof", "third, new Roof"]);
  });

  it("counts a wait's time of day as part of its step: `wait 2 days at 09:00` is not the step `wait 2 days` was", () => {
    const head = rules(base.replace("wait 2 days", "wait 2 days at 09:00"));
    const deployed = deployRules(engineAfterHistory(rules(base)), head, parseInstant("2026-03-03T00:00:00Z"));
    expect(deployed.plan.instances).toEqual([expect.objectContaining({ change: "stays", workflow: "Follow up", record: "deal/D1", step: 1 })]);
    const later = deployed.engine.advanceTo("2026-03-20T00:00:00Z").filter((o) => o.rule === "Follow up");
    // The instance keeps its version: the wait it started is due 2 days after enrolment, as it was.
    expect(later.map((o) => `${o.at} ${String(o.data.text)}`)).toEqual(["2026-03-04T11:00:00.000Z second Roof", "2026-03-07T11:00:00.000Z third Roof"]);
  });

  it("gives a snapshot that resumes, as JSON, with the kept workflow version", () => {
    const head = rules(base.replace("wait 2 days", "wait 1 day"));
    const deployed = deployRules(engineAfterHistory(rules(base)), head, parseInstant("2026-03-03T00:00:00Z"));
    const saved = JSON.parse(JSON.stringify(deployed.engine.snapshot())) as Snapshot;
    expect(saved.workflows?.map((workflow) => workflow.id)).toEqual([deployed.plan.instances[0]!.runs]);
    const resumed = createEngine(head, { snapshot: saved }).advanceTo("2026-03-20T00:00:00Z");
    expect(lines(resumed)).toEqual(lines(deployed.engine.advanceTo("2026-03-20T00:00:00Z")));
  });

  it("resumes a snapshot under other rules at the snapshot's clock, with a plan people can read", () => {
    const head = rules(base.replace("open after 4 days", "open after 5 days").replace(/rule "Nudge".*\n/, "").replace("wait 2 days", "wait 1 day"));
    const saved = JSON.parse(JSON.stringify(engineAfterHistory(rules(base)).snapshot())) as Snapshot;
    const resumed = resumeWithOtherRules(saved, head);
    expect(resumed.plan.at).toBe("2026-03-02T11:00:00.000Z");
    expect(formatPlanText(resumed.plan).replace(/[0-9a-f]{16}/g, "F")).toBe(
      [
        "migration plan at 2026-03-02T11:00:00.000Z: rules F → F",
        'rules: removed: rule "Nudge"; changed: rule "Docs reminder", workflow "Follow up"',
        "timers: 1 cancelled, 1 moved, 1 go on",
        '  cancelled t1 deal/D1 (rule "Nudge"): was due 2026-03-12T09:00:00.000Z; its rule was removed',
        '  moved     t3 deal/D1 (rule "Docs reminder"): 2026-03-06T10:00:00.000Z → 2026-03-07T10:00:00.000Z, from 2026-03-02T10:00:00.000Z',
        "workflow instances: 1 stay on their version, 0 move to the new one, 0 go on",
        '  stays     workflow "Follow up" deal/D1 at step 2, as Follow up@F',
        "",
      ].join("\n"),
    );
  });
});

describe("deploying other rules", () => {
  it("is a function of the state: done twice from one state, or resumed from the snapshot after it, it goes on alike", () => {
    fc.assert(
      fc.property(ruleFile, ruleFile, eventStream, (before, after, events) => {
        const program = (text: string) => compileProgram([
          { path: "schema.rules", text: arbitrarySchema },
          { path: "rules.rules", text },
        ]);
        const [old, next] = [program(before), program(after)];
        const half = Math.floor(events.lines.length / 2);
        const inputs = events.lines.map((line) => JSON.parse(line) as InputEvent);
        try {
          const deployOnce = () => {
            const engine = createEngine(old);
            for (const event of inputs.slice(0, half)) engine.process(event);
            return deployRules(engine, next, engine.snapshot().clock ?? 0);
          };
          const first = deployOnce();
          const second = deployOnce();
          expect(lines(second.outputs)).toEqual(lines(first.outputs));
          expect(second.plan).toEqual(first.plan);
          const resumed = createEngine(next, { snapshot: JSON.parse(JSON.stringify(second.engine.snapshot())) as Snapshot });
          const rest = (engine: Engine) => lines(inputs.slice(half).flatMap((event) => engine.process(event)).concat(engine.advanceTo(events.until)));
          expect(rest(resumed)).toEqual(rest(first.engine));
        } catch (error) {
          // An endless cascade or an event the new rules cannot take stops the run alike either way.
          if (!(error instanceof Error) || !/cascade|Cascade|RecordExists|already exists/.test(error.message + error.name)) throw error;
        }
      }),
      { numRuns: 30 },
    );
  });
});

describe("deploying the same rules", () => {
  it("is an empty plan that changes nothing, whatever the rules and events", () => {
    fc.assert(
      fc.property(ruleFile, eventStream, (text, events) => {
        const sources = [
          { path: "schema.rules", text: arbitrarySchema },
          { path: "rules.rules", text },
        ];
        const program = compileProgram(sources);
        const again = compileProgram(sources);
        const straight = createEngine(program);
        const deployedOn = createEngine(program);
        const half = Math.floor(events.lines.length / 2);
        try {
          const feed = (engine: Engine, from: number, to: number) => events.lines.slice(from, to).flatMap((line) => engine.process(JSON.parse(line) as InputEvent));
          const before = feed(straight, 0, half);
          expect(lines(feed(deployedOn, 0, half))).toEqual(lines(before));
          const clock = deployedOn.snapshot().clock ?? 0;
          const deployed = deployRules(deployedOn, again, clock);
          expect(deployed.plan.timers).toEqual([]);
          expect(deployed.plan.instances).toEqual([]);
          expect(lines(deployed.outputs)).toEqual(lines(straight.advanceTo(new Date(clock).toISOString())));
          expect(lines(feed(deployed.engine, half, events.lines.length))).toEqual(lines(feed(straight, half, events.lines.length)));
        } catch (error) {
          // An endless cascade stops both engines at the same event.
          if (!(error instanceof Error) || !/cascade|Cascade/.test(error.message + error.name)) throw error;
        }
      }),
      { numRuns: 40 },
    );
  });

  it("plans nothing for a snapshot of the same rules", () => {
    const program = rules(base);
    const plan = planMigration(engineAfterHistory(program).snapshot(), rules(base), parseInstant("2026-03-03T00:00:00Z"));
    expect(plan.from).toBe(plan.to);
    expect(formatPlanText(plan)).toBe(`migration plan: none, the rules are the same (fingerprint ${plan.from})\n`);
  });
});
