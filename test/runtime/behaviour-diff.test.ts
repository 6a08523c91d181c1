// The behavioural diff (runtime/versions/): the laws docs/versions.md states,
// as fast-check properties, and the matching of outputs whose ids shift.
//   - A rule set against itself (compiled again, under other file names) has no difference.
//   - Against a copy with one rule removed, the difference is exactly that rule's
//     outputs and the outputs they caused, all removed. The generated rules
//     share no state (they send, notify and create records; conditions read
//     only fields the input sets), so nothing else can change.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BehaviourDiffer, formatDiffText, PairedEventValidator, runEvents, validateEventLine, VersionRunError, type BehaviourDiff, type OutputDifference, type OutputRecord, type Program } from "../../runtime/index";
import { compileProgram } from "../backend/harness";
import { eventStream, ruleFile, schema } from "../backend/arbitrary-programs";

interface Diffed {
  diff: BehaviourDiff;
  differences: OutputDifference[];
}

/** What `stagecraft diff` does with the lines, without the CLI. */
function diffLines(base: Program, head: Program, lines: readonly string[], until?: string): Diffed {
  const validator = new PairedEventValidator(base, head);
  const differences: OutputDifference[] = [];
  const differ = new BehaviourDiffer(base, head, (difference) => differences.push(difference));
  lines.forEach((line, index) => {
    const checked = validator.check(line, index + 1);
    if ("error" in checked) throw new Error(`line ${index + 1}: ${checked.error.message}`);
    differ.process(checked.base, checked.head);
  });
  if (until !== undefined) differ.advanceTo(until);
  return { diff: differ.finish(), differences };
}

describe("diff of a rule set against itself", () => {
  it("is empty, whatever the rules and events (compiled again, under other file names)", () => {
    let withOutputs = 0;
    fc.assert(
      fc.property(ruleFile, eventStream, (rules, events) => {
        const base = compileProgram([
          { path: "schema.rules", text: schema },
          { path: "rules.rules", text: rules },
        ]);
        const head = compileProgram([
          { path: "a/schema.rules", text: schema },
          { path: "b/other.rules", text: rules },
        ]);
        let result: Diffed;
        try {
          result = diffLines(base, head, events.lines, events.until);
        } catch (error) {
          // An endless cascade stops both runs at the same event.
          if (error instanceof VersionRunError && error.side === "base") return;
          throw error;
        }
        expect(result.differences).toEqual([]);
        expect(result.diff.different).toBe(false);
        expect(result.diff.stages).toEqual([]);
        expect(result.diff.outputs.same).toBe(result.diff.base.outputs);
        expect(result.diff.head.outputs).toBe(result.diff.base.outputs);
        if (result.diff.outputs.same > 0) withOutputs++;
      }),
      { numRuns: 80 },
    );
    expect(withOutputs).toBeGreaterThan(40);
  }, 120_000);
});

// ---------------------------------------------------------------- one rule removed

const isolatedSchema = `
entity contact {
  name: text
  email: email?
  phone: phone?
}
entity deal {
  title: text
  amount: money
  contact: contact
  pipeline parallel {
    stage "Review"
    stage "Audit"
  }
}
entity task {
  deal: deal
  note: text?
}
template email "Hello" {
  subject "Hello"
  body "Hello {contact.name}, about {title}"
}
template sms "Ping" "Ping about {title}"
template email "Task" {
  subject "A task"
  body "A task for {deal.title}"
}
`;

const dealAction = fc.constantFrom(
  'send email "Hello" to contact',
  'send sms "Ping" to contact',
  'notify "desk@example.com" "Deal {title}"',
  "create task with { deal: this }",
  'create task with { deal: this, note: "big" }',
  'create activity call "Call about {title}"',
);
const taskAction = fc.constantFrom('notify "desk@example.com" "Task for {deal.title}"', 'create activity note "Task {note}"', 'send email "Task" to deal.contact');

interface Rule {
  body: string;
}

const dealRule: fc.Arbitrary<Rule> = fc
  .tuple(
    fc.constantFrom("created", "updated", "invoice.paid", "email.opened", 'stage "Review" open', 'stage "Audit" close'),
    fc.option(fc.constantFrom("after 2 hours", "after 1 day", "after 3 days at 09:00"), { nil: undefined }),
    fc.option(fc.constantFrom("amount > 0", "amount > 500", "amount >= 1000"), { nil: undefined }),
    fc.array(dealAction, { minLength: 1, maxLength: 3 }),
  )
  .map(([trigger, delay, condition, actions]) => ({
    body: `on deal ${trigger}${delay ? ` ${delay}` : ""}${condition ? ` when ${condition}` : ""} ${actions.length === 1 ? `-> ${actions[0]}` : `{\n${actions.map((a) => `  ${a}\n`).join("")}}`}`,
  }));

const taskRule: fc.Arbitrary<Rule> = fc
  .tuple(fc.option(fc.constantFrom("deal.amount > 500", 'note == "big"'), { nil: undefined }), fc.array(taskAction, { minLength: 1, maxLength: 2 }))
  .map(([condition, actions]) => ({
    body: `on task created${condition ? ` when ${condition}` : ""} ${actions.length === 1 ? `-> ${actions[0]}` : `{\n${actions.map((a) => `  ${a}\n`).join("")}}`}`,
  }));

/** Distinct rules (identical unnamed rules would trade identities when one goes), some named. */
const isolatedRules = fc.uniqueArray(fc.tuple(fc.oneof({ weight: 3, arbitrary: dealRule }, { weight: 1, arbitrary: taskRule }), fc.boolean()), {
  minLength: 2,
  maxLength: 7,
  selector: ([rule]) => rule.body,
});

const isolatedEvents: fc.Arbitrary<{ lines: string[]; until: string }> = fc
  .array(
    fc.tuple(
      fc.integer({ min: 0, max: 36 * 60 }),
      fc.constantFrom("deal/D0", "deal/D1", "deal/D2"),
      fc.oneof(
        fc.integer({ min: 0, max: 2000 }).map((amount) => ({ type: "updated", data: { amount } })),
        fc.constant({ type: "invoice.paid", data: { amount: 10 } }),
        fc.constant({ type: "email.opened" }),
        fc.constantFrom("Review", "Audit").chain((stage) => fc.constantFrom({ type: "stage.opened", data: { stage } }, { type: "stage.closed", data: { stage } })),
      ),
    ),
    { minLength: 1, maxLength: 25 },
  )
  .map((changes) => {
    const start = Date.parse("2026-03-02T08:00:00Z");
    const at = (minutes: number) => new Date(start + minutes * 60_000).toISOString();
    const lines = [
      { id: "s0", at: at(0), entity: "contact/C0", type: "created", data: { name: "Ana", email: "ana@example.com", phone: "+34 600 000 000" } },
      { id: "s1", at: at(0), entity: "deal/D0", type: "created", data: { title: "Roof", amount: 1500, contact: "contact/C0" } },
      { id: "s2", at: at(0), entity: "deal/D1", type: "created", data: { title: "Shed", amount: 300, contact: "contact/C0" } },
      { id: "s3", at: at(0), entity: "deal/D2", type: "created", data: { title: "Barn", amount: 900, contact: "contact/C0" } },
    ].map((event) => JSON.stringify(event));
    let minutes = 0;
    changes.forEach(([gap, entity, change], index) => {
      minutes += gap;
      lines.push(JSON.stringify({ id: `e${index}`, at: at(minutes), entity, ...change }));
    });
    return { lines, until: at(minutes + 10 * 24 * 60) };
  });

function ruleTexts(rules: ReadonlyArray<readonly [Rule, boolean]>): string[] {
  return rules.map(([rule, named], index) => (named ? `rule "R${index}": ${rule.body}` : rule.body));
}

/** The outputs of the rule with this display name and every output caused by them, by id. */
function outputsOfRuleAndCascade(outputs: readonly OutputRecord[], rule: string): Set<string> {
  const ids = new Set<string>();
  // Outputs come in processing order, each after its cause.
  for (const output of outputs) if (output.rule === rule || ids.has(output.cause)) ids.add(output.id);
  return ids;
}

describe("diff against a copy with one rule removed", () => {
  it("lists exactly that rule's outputs and their cascade, all removed", () => {
    let nonEmpty = 0;
    fc.assert(
      fc.property(isolatedRules, fc.nat(), isolatedEvents, (rules, pick, events) => {
        const texts = ruleTexts(rules);
        const removed = pick % texts.length;
        const base = compileProgram([
          { path: "schema.rules", text: isolatedSchema },
          { path: "rules.rules", text: texts.join("\n\n") + "\n" },
        ]);
        // Removing a rule moves the rules after it up: unnamed ones get another `file:line`.
        const head = compileProgram([
          { path: "schema.rules", text: isolatedSchema },
          { path: "rules.rules", text: texts.filter((_, index) => index !== removed).join("\n\n") + "\n" },
        ]);
        const ruleName = base.rules[removed]!.name;
        const expected = outputsOfRuleAndCascade(baseOutputs(base, events), ruleName);
        const { diff, differences } = diffLines(base, head, events.lines, events.until);
        expect(differences.filter((d) => d.kind !== "removed")).toEqual([]);
        expect(new Set(differences.map((d) => d.base!.id))).toEqual(expected);
        expect(differences.length).toBe(expected.size);
        expect(diff.rules.removed).toEqual([ruleName.includes(":") ? `rule at ${ruleName}` : `rule "${ruleName}"`]);
        expect(diff.rules.added).toEqual([]);
        expect(diff.stages).toEqual([]);
        expect(diff.outputs.same).toBe(diff.head.outputs);
        if (expected.size > 0) nonEmpty++;
      }),
      { numRuns: 120 },
    );
    expect(nonEmpty).toBeGreaterThan(40);
  }, 120_000);
});

function baseOutputs(program: Program, events: { lines: string[]; until: string }): OutputRecord[] {
  const input = events.lines.map((line) => {
    const checked = validateEventLine(program, line);
    if ("error" in checked) throw new Error(checked.error.message);
    return checked.event;
  });
  return runEvents(program, input, { until: events.until });
}

// ---------------------------------------------------------------- matching

describe("matching outputs between versions", () => {
  const flow = (wait: string) => `workflow "Nudge" per deal {\n  enroll on deal created\n  send sms "Ping" to contact\n  ${wait}\n  send sms "Ping" to contact\n  wait 1 day\n  send sms "Ping" to contact\n}\n`;
  const lines = [
    JSON.stringify({ id: "e1", at: "2026-03-02T08:00:00Z", entity: "contact/C0", type: "created", data: { name: "Ana", phone: "+34 600 000 000" } }),
    JSON.stringify({ id: "e2", at: "2026-03-02T09:00:00Z", entity: "deal/D0", type: "created", data: { title: "Roof", amount: 10, contact: "contact/C0" } }),
  ];
  const compile = (rules: string) =>
    compileProgram([
      { path: "schema.rules", text: isolatedSchema },
      { path: "flow.rules", text: rules },
    ]);

  it("tells apart the outputs of one cause and rule that come at different times (a workflow's steps after waits)", () => {
    const same = diffLines(compile(flow("wait 2 days")), compile(flow("wait 2 days")), lines, "2026-03-20T00:00:00Z");
    expect(same.differences).toEqual([]);
    expect(same.diff.outputs.same).toBe(3);
    const later = diffLines(compile(flow("wait 2 days")), compile(flow("wait 3 days")), lines, "2026-03-20T00:00:00Z");
    // The same three messages: the second and third come a day later.
    expect(later.differences.map((d) => [d.kind, d.base?.at, d.head?.at])).toEqual([
      ["changed", "2026-03-04T09:00:00.000Z", "2026-03-05T09:00:00.000Z"],
      ["changed", "2026-03-05T09:00:00.000Z", "2026-03-06T09:00:00.000Z"],
    ]);
    expect(later.diff.byRule).toMatchObject([{ id: "Nudge", rule: 'workflow "Nudge"', status: "changed", effects: { added: 0, removed: 0, changed: 2 } }]);
  });

  it("matches records created by rules whatever their ids", () => {
    const creates = 'rule "Make": on deal created -> create task with { deal: this }\nrule "Note": on task created -> notify "desk@example.com" "For {deal.title}"\n';
    const first = 'rule "First": on deal created -> create task with { deal: this, note: "first" }\n';
    const result = diffLines(compile(creates), compile(first + creates), lines);
    // Head's "Make" task keeps its id; "First" adds a task of its own, which "Note" tells about.
    const added = result.differences.map((d) => [d.kind, d.rule, d.record]);
    const firstTask = added[0]![2]!;
    expect(firstTask).toMatch(/^task\/e2~[0-9a-f]{12}$/);
    expect(added).toEqual([
      ["added", 'rule "First"', firstTask],
      ["added", 'rule "Note"', firstTask],
    ]);
  });
});

describe("the text report", () => {
  const compile = (rules: string) =>
    compileProgram([
      { path: "schema.rules", text: isolatedSchema },
      { path: "rules.rules", text: rules },
    ]);
  const deals = Array.from({ length: 25 }, (_, index) =>
    JSON.stringify({ id: `e${index}`, at: "2026-03-02T09:00:00Z", entity: `deal/D${index}`, type: "created", data: { title: `Deal ${index}`, amount: index * 100, contact: "contact/C0" } }),
  );
  const lines = [JSON.stringify({ id: "c0", at: "2026-03-02T08:00:00Z", entity: "contact/C0", type: "created", data: { name: "Ana" } }), ...deals];

  it("lists twenty records, counts the rest, and shows three examples per rule", () => {
    const { diff } = diffLines(compile('rule "Tell": on deal created -> notify "desk@example.com" "New {title}"\n'), compile(""), lines);
    const text = formatDiffText(diff, { base: "a", head: "b", events: "events.jsonl" });
    expect(text).toContain('  rule "Tell" (removed): effects 25 removed\n');
    expect(text.match(/^ {4}removed {2}- /gm)).toHaveLength(3);
    expect(text).toContain("    … and 22 more\n");
    expect(text.match(/^ {2}deal\/D\d+: effects 1 removed$/gm)).toHaveLength(20);
    expect(text).toContain("  … and 5 more records (--format json lists them all)\n");
    expect(text.endsWith("\ndifferent: 0 added, 25 removed, 0 changed outputs\n")).toBe(true);
    expect(diff.byRecord).toHaveLength(25);
  });

  it("names the closes input stage.opened events imply, which belong to no rule", () => {
    // Sequential pipelines: an input stage.opened closes the open stage, rule null.
    const sequential = compileProgram([
      { path: "schema.rules", text: 'entity deal {\n  title: text\n  pipeline {\n    stage "New"\n    stage "Won"\n  }\n}\n' },
      { path: "rules.rules", text: "" },
    ]);
    const moving = compileProgram([
      { path: "schema.rules", text: 'entity deal {\n  title: text\n  pipeline {\n    stage "New"\n    stage "Won"\n  }\n}\n' },
      { path: "rules.rules", text: 'on deal created -> open "New"\n' },
    ]);
    const input = [
      JSON.stringify({ id: "e1", at: "2026-03-02T09:00:00Z", entity: "deal/D1", type: "created", data: { title: "Roof" } }),
      JSON.stringify({ id: "e2", at: "2026-03-02T10:00:00Z", entity: "deal/D1", type: "stage.opened", data: { stage: "Won" } }),
    ];
    const { diff } = diffLines(sequential, moving, input);
    expect(diff.byRule.map((group) => [group.rule, group.status])).toEqual([
      [null, "unchanged"],
      ["rule at rules.rules:1", "added"],
    ]);
    expect(formatDiffText(diff, { base: "a", head: "b", events: "e" })).toContain("  closes implied by input stage.opened events: state changes 1 added\n");
  });
});

describe("rules by identity", () => {
  it("tells a removed unnamed rule from an added one written at the same line", () => {
    const compile = (rules: string) =>
      compileProgram([
        { path: "schema.rules", text: isolatedSchema },
        { path: "rules.rules", text: rules },
      ]);
    const lines = [
      JSON.stringify({ id: "e1", at: "2026-03-02T08:00:00Z", entity: "contact/C0", type: "created", data: { name: "Ana", phone: "+34 600 000 000" } }),
      JSON.stringify({ id: "e2", at: "2026-03-02T09:00:00Z", entity: "deal/D0", type: "created", data: { title: "Roof", amount: 10, contact: "contact/C0" } }),
    ];
    const { diff } = diffLines(compile('on deal created -> send sms "Ping" to contact\n'), compile('on deal created -> notify "desk@example.com" "New {title}"\n'), lines);
    expect(diff.rules).toMatchObject({ added: ["rule at rules.rules:1"], removed: ["rule at rules.rules:1"] });
    const groups = diff.byRule.map((group) => [group.status, group.effects]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(groups).toEqual([
      ["added", { added: 1, removed: 0, changed: 0 }],
      ["removed", { added: 0, removed: 1, changed: 0 }],
    ]);
  });
});
