// Determinism has its own test file: same input, same bytes;
// snapshot + resume = one full run (also from a snapshot stored in parts),
// also under the same rules moved and
// reordered (snapshots name rules by identity); records that rules do not link
// are independent; records created when timers come due keep their ids when
// unrelated rules are added.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { createEngine, formatOutputLine, runEvents, snapshotHead, snapshotParts, SnapshotAssembler, type OutputRecord, type Snapshot, type SnapshotPart } from "../../runtime/index";
import type { InputEvent, Program, RuleDef } from "../../runtime/program/ir";
import { programFingerprint, ruleIdentities } from "../../runtime/program/identity";
import {
  after,
  assign,
  cmp,
  create,
  field,
  ifStep,
  lit,
  moveTo,
  notify,
  on,
  onClose,
  onEvent,
  onOpen,
  open,
  program,
  rule,
  sendEmail,
  set,
  step,
  wait,
  workflow,
  becomes,
} from "./program-builder";

const stages = ["New", "Documentation pending", "Validation", "Won", "Lost"];

/** Rules that only ever touch their own record. */
const unlinkedRules = [
  rule("deal", onClose("Documentation pending"), [open("Validation")], { name: "docs closed" }),
  rule("deal", onOpen("Documentation pending"), [sendEmail("Docs reminder", ["contact"])], { name: "docs reminder", delay: after(2, "days") }),
  rule("deal", onOpen("Validation"), [notify("ops@solar.example", "validate ", ["title"])], { name: "validate", delay: after(3, "hours", { withinWorkingHours: true }) }),
  rule("deal", onEvent("invoice.paid"), [moveTo("Won")], { name: "paid" }),
  rule("deal", onEvent("email.opened"), [moveTo("Documentation pending", { allowBack: true, as: "alice@solar.example" })], {
    name: "opened",
    when: cmp(">", field("amount"), lit(1000)),
  }),
  rule("deal", on("updated"), [set("title", lit("large"))], { name: "large", when: cmp(">", field("amount"), lit(5000)) }),
  rule("deal", becomes(cmp("==", field("title"), lit("large"))), [notify("boss@solar.example", "large deal")], { name: "became large" }),
];
const unlinked = program({
  rules: unlinkedRules,
  workflows: [workflow("Follow up", "deal", [step(notify("sales@solar.example", "hello")), wait(1, "days"), ifStep(cmp(">", field("amount"), lit(500)), [step(notify("sales@solar.example", "big"))])])],
});
/**
 * Records made when timers come due, the timers scheduled on events rules
 * derived (Validation opens when "docs closed" fires): a delayed rule, and a
 * workflow step after a wait, whose instance may also exit on its goal.
 */
const timerCreations = {
  rule: rule("deal", onOpen("Validation"), [create("installation", { deal: { kind: "this" } })], { name: "install later", delay: after(1, "days") }),
  workflow: {
    ...workflow("Install", "deal", [wait(2, "days"), step(create("installation", { deal: { kind: "this" } }))], { enroll: onOpen("Validation") }),
    exits: [cmp(">", field("amount"), lit(8000))],
  },
};
const linked: Program = {
  ...unlinked,
  rules: [...unlinkedRules, rule("deal", onOpen("Validation"), [assign("installer", "installers")], { name: "assign" }), timerCreations.rule],
  workflows: [...unlinked.workflows, timerCreations.workflow],
};

/** The rule without its name: it is known by its `file:line` and its identity is its behaviour's digest. */
function unnamed(def: RuleDef): RuleDef {
  const name = `${def.location.file}:${def.location.line}`;
  return { ...def, name, id: ruleIdentities([{ writtenName: undefined, rule: def }])[0]! };
}

/** Linked, with two rules unnamed: the delayed reminder and the `becomes` rule. */
const withUnnamed: Program = {
  ...linked,
  rules: linked.rules.map((def) => (def.name === "docs reminder" || def.name === "became large" ? unnamed(def) : def)),
};

/** Two rules that can meet the same event keep their order; any other pair may swap. */
function mayMeetTheSameEvent(a: RuleDef, b: RuleDef): boolean {
  if (a.entity !== b.entity) return false;
  return a.trigger.kind === "becomes" || b.trigger.kind === "becomes" || JSON.stringify(a.trigger) === JSON.stringify(b.trigger);
}

/**
 * The program as someone might edit it without changing what it does: every
 * rule moved to another file and line, and the rules reordered by `priorities`
 * wherever their order cannot decide anything.
 */
function movedAndReordered(source: Program, priorities: number[]): Program {
  const rules = source.rules.map((def, index) => {
    const location = { file: "moved.rules", line: 100 + index * 3, column: 5 };
    return def.id === def.name ? { ...def, location } : { ...def, location, name: `${location.file}:${location.line}` };
  });
  const remaining = rules.map((_, index) => index);
  const order: RuleDef[] = [];
  while (remaining.length > 0) {
    const ready = remaining.filter((i) => !remaining.some((j) => j < i && mayMeetTheSameEvent(rules[j]!, rules[i]!)));
    const pick = ready.reduce((best, i) => ((priorities[i] ?? 0) > (priorities[best] ?? 0) ? i : best));
    order.push(rules[pick]!);
    remaining.splice(remaining.indexOf(pick), 1);
  }
  return { ...source, rules: order };
}

const eventKind = fc.oneof(
  fc.record({ type: fc.constant("updated"), data: fc.record({ amount: fc.integer({ min: 0, max: 9000 }) }) }),
  fc.record({ type: fc.constant("stage.opened"), data: fc.record({ stage: fc.constantFrom(...stages) }) }),
  fc.record({ type: fc.constant("stage.closed"), data: fc.record({ stage: fc.constantFrom(...stages) }) }),
  fc.record({ type: fc.constant("invoice.paid"), data: fc.record({ amount: fc.integer({ min: 1, max: 100 }) }) }),
  fc.record({ type: fc.constant("email.opened"), data: fc.constant({}) }),
);

const inputArbitrary = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 36 * 60 }), fc.integer({ min: 0, max: 3 }), eventKind), { minLength: 1, maxLength: 40 })
  .map((steps) => {
    const start = Date.parse("2026-03-27T08:00:00Z");
    let minutes = 0;
    const created: InputEvent[] = [0, 1, 2, 3].map((i) => ({
      id: `c${i}`,
      at: new Date(start).toISOString(),
      entity: `deal/D${i}`,
      type: "created",
      data: { title: `deal ${i}`, amount: 100 * i, channel: "web", contact: `contact/C${i}` },
    }));
    const rest = steps.map(([delta, record, kind], index): InputEvent => {
      minutes += delta;
      return { id: `e${index + 1}`, at: new Date(start + minutes * 60_000).toISOString(), entity: `deal/D${record}`, type: kind.type, data: kind.data };
    });
    return [...created, ...rest];
  });

const until = "2026-04-30T00:00:00Z";

/** An engine after the whole input and the advance to `until`. */
function runEngine(input: InputEvent[]) {
  const engine = createEngine(linked);
  for (const event of input) engine.process(event);
  engine.advanceTo(until);
  return engine;
}
const lines = (outputs: OutputRecord[]) => outputs.map(formatOutputLine);

describe("determinism", () => {
  it("the same input gives byte-identical output", () => {
    fc.assert(
      fc.property(inputArbitrary, (input) => {
        const first = lines(runEvents(linked, input, { until }));
        const second = lines(runEvents(structuredClone(linked), structuredClone(input), { until }));
        expect(second).toEqual(first);
      }),
      { numRuns: 60 },
    );
  });

  it("a snapshot at any event index, resumed, gives exactly the rest of a full run", () => {
    fc.assert(
      fc.property(inputArbitrary, fc.nat(), (input, cut) => {
        const full = lines(runEvents(linked, input, { until }));
        const index = cut % (input.length + 1);
        const before = createEngine(linked);
        const head: OutputRecord[] = [];
        for (const event of input.slice(0, index)) head.push(...before.process(event));
        const snapshot = JSON.parse(JSON.stringify(before.snapshot()));
        const after = createEngine(linked, { snapshot });
        const tail: OutputRecord[] = [];
        for (const event of input.slice(index)) tail.push(...after.process(event));
        tail.push(...after.advanceTo(until));
        expect(lines([...head, ...tail])).toEqual(full);
      }),
      { numRuns: 60 },
    );
  });

  it("a snapshot stored in parts of any size and put back together is the snapshot, and resumes as it does", () => {
    fc.assert(
      fc.property(inputArbitrary, fc.nat(), fc.integer({ min: 1, max: 7 }), (input, cut, rowsPerPart) => {
        const full = lines(runEvents(linked, input, { until }));
        const index = cut % (input.length + 1);
        const before = createEngine(linked);
        const head: OutputRecord[] = [];
        for (const event of input.slice(0, index)) head.push(...before.process(event));
        const whole = before.snapshot();
        // Each part goes through JSON on its own, as a store keeps it.
        const assembler = new SnapshotAssembler(JSON.parse(JSON.stringify(snapshotHead(whole))));
        for (const part of snapshotParts(whole, rowsPerPart)) assembler.add(JSON.parse(JSON.stringify(part)) as SnapshotPart);
        const assembled: Snapshot = assembler.finish();
        expect(JSON.stringify(assembled)).toBe(JSON.stringify(whole));
        const after = createEngine(linked, { snapshot: assembled });
        const tail: OutputRecord[] = [];
        for (const event of input.slice(index)) tail.push(...after.process(event));
        tail.push(...after.advanceTo(until));
        expect(lines([...head, ...tail])).toEqual(full);
        expect(JSON.stringify(after.snapshot())).toBe(JSON.stringify(runEngine(input).snapshot()));
      }),
      { numRuns: 60 },
    );
  });

  it("a snapshot resumed under the same rules moved and reordered gives the rest of their full run", () => {
    fc.assert(
      fc.property(inputArbitrary, fc.nat(), fc.array(fc.nat(), { minLength: withUnnamed.rules.length, maxLength: withUnnamed.rules.length }), (input, cut, priorities) => {
        const edited = movedAndReordered(withUnnamed, priorities);
        expect(programFingerprint(edited)).toBe(programFingerprint(withUnnamed));
        const index = cut % (input.length + 1);
        const before = createEngine(withUnnamed);
        const head: OutputRecord[] = [];
        for (const event of input.slice(0, index)) head.push(...before.process(event));
        const after = createEngine(edited, { snapshot: JSON.parse(JSON.stringify(before.snapshot())) });
        const tail: OutputRecord[] = [];
        for (const event of input.slice(index)) tail.push(...after.process(event));
        tail.push(...after.advanceTo(until));
        // The head was written under the old positions; from the resume on, unnamed rules carry their new `file:line`.
        const full = runEvents(withUnnamed, input, { until });
        const fullEdited = runEvents(edited, input, { until });
        expect(lines(head)).toEqual(lines(full.slice(0, head.length)));
        expect(lines(tail)).toEqual(lines(fullEdited.slice(head.length)));
        expect(tail.length + head.length).toBe(full.length);
      }),
      { numRuns: 60 },
    );
  });

  it("records created when timers come due keep their ids when unrelated rules are added", () => {
    // Output before the Validation opening (shifting its event id), and timers scheduled before the creating ones.
    const added: Program = {
      ...linked,
      rules: [
        rule("deal", onClose("Documentation pending"), [notify("ops@solar.example", "docs done")], { name: "docs done" }),
        rule("deal", onOpen("Validation"), [notify("ops@solar.example", "validating")], { name: "validating", delay: after(1, "hours") }),
        ...linked.rules,
      ],
    };
    const created = (outputs: OutputRecord[]) => outputs.filter((o) => o.type === "created").map((o) => `${o.at} ${o.entity} ${o.rule} ${JSON.stringify(o.data)}`);
    let timerCreated = 0;
    fc.assert(
      fc.property(inputArbitrary, (input) => {
        const before = created(runEvents(linked, input, { until }));
        timerCreated += before.length;
        expect(created(runEvents(added, input, { until }))).toEqual(before);
      }),
      { numRuns: 60 },
    );
    expect(timerCreated).toBeGreaterThan(0);
  });

  it("for rules that do not link records, a record's output does not depend on other records' events", () => {
    const essence = (outputs: OutputRecord[], entity: string) =>
      outputs.filter((o) => o.entity === entity).map((o) => JSON.stringify([o.at, o.type, o.data, o.rule]));
    fc.assert(
      fc.property(inputArbitrary, fc.integer({ min: 0, max: 3 }), (input, record) => {
        const entity = `deal/D${record}`;
        const alone = runEvents(unlinked, input.filter((event) => event.entity === entity), { until });
        const together = runEvents(unlinked, input, { until });
        expect(essence(together, entity)).toEqual(essence(alone, entity));
      }),
      { numRuns: 60 },
    );
  });
});
