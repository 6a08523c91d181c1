// A snapshot names rules and workflows by identity: a resume under reordered or
// moved rules fires the rule that scheduled the timer, and a resume under other
// rules is refused instead of running whatever rule now sits at the old index.
import { describe, expect, it } from "vitest";
import { createEngine, ProgramChangedError, type OutputRecord, type Snapshot } from "../../runtime/index";
import type { Program } from "../../runtime/program/ir";
import { after, events, notify, on, onOpen, program, rule, sendEmail, step, wait, workflow } from "./program-builder";

const reminder = rule("deal", onOpen("Documentation pending"), [sendEmail("Docs reminder", ["contact"])], { delay: after(4, "days") });
const welcome = rule("deal", on("created"), [notify("sales@solar.example", "new deal")], { name: "Welcome" });
const followUp = workflow("Follow up", "deal", [wait(2, "days"), step(notify("sales@solar.example", "follow up"))], { enroll: on("created") });
const original = program({ rules: [welcome, reminder], workflows: [followUp] });

const history = events(
  ["2026-03-02T09:00:00Z", "deal/D1", "created", { title: "Roof", amount: 100, channel: "web", contact: "contact/C1" }],
  ["2026-03-02T10:00:00Z", "deal/D1", "stage.opened", { stage: "Documentation pending" }],
);

function savedAfterHistory(): Snapshot {
  const engine = createEngine(original);
  for (const input of history) engine.process(input);
  return JSON.parse(JSON.stringify(engine.snapshot())) as Snapshot;
}

const summary = (outputs: OutputRecord[]) => outputs.map((o) => `${o.at} ${o.type} ${o.rule ?? "-"} ${JSON.stringify(o.data)}`);

describe("resuming a snapshot", () => {
  it("under reordered and moved rules fires the 4-day reminder and the workflow wait as before", () => {
    const straight = createEngine(original, { snapshot: savedAfterHistory() }).advanceTo("2026-03-10T00:00:00Z");
    const moved = { ...reminder, name: "moved.rules:12", location: { file: "moved.rules", line: 12, column: 1 } };
    const reordered: Program = { ...original, rules: [moved, welcome] };
    const resumed = createEngine(reordered, { snapshot: savedAfterHistory() }).advanceTo("2026-03-10T00:00:00Z");
    expect(summary(straight)).toEqual([
      '2026-03-04T09:00:00.000Z notify Follow up {"to":"sales@solar.example","text":"follow up"}',
      `2026-03-06T10:00:00.000Z email.send ${reminder.name} {"template":"Docs reminder","to":"contact/C1"}`,
    ]);
    // The same rule fires; only an unnamed rule's `file:line` follows it to where it now is.
    expect(summary(resumed)).toEqual(summary(straight).map((line) => line.replace(reminder.name, moved.name)));
  });

  it("under rules with one added above the reminder is refused, naming the added rule", () => {
    const added = rule("deal", onOpen("Documentation pending"), [notify("ops@solar.example", "docs opened")], { name: "Docs opened" });
    const edited: Program = { ...original, rules: [added, welcome, reminder] };
    let error: unknown;
    try {
      createEngine(edited, { snapshot: savedAfterHistory() });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ProgramChangedError);
    expect((error as ProgramChangedError).changes).toEqual({ added: ['rule "Docs opened"'], removed: [], changed: [] });
    expect((error as ProgramChangedError).message).toMatch(/the rules changed since it was saved \(added: rule "Docs opened"\)/);
  });

  it("under a program whose workflow waits longer is refused, naming the workflow", () => {
    const longer = { ...followUp, steps: [wait(3, "days"), ...followUp.steps.slice(1)] };
    expect(() => createEngine({ ...original, workflows: [longer] }, { snapshot: savedAfterHistory() })).toThrow(/changed: workflow "Follow up"/);
  });

  it("under a program without the reminder is refused, naming it by where it was written", () => {
    expect(() => createEngine({ ...original, rules: [welcome] }, { snapshot: savedAfterHistory() })).toThrow(
      new RegExp(`removed: rule at ${reminder.name}`),
    );
  });
});
