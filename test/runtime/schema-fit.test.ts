// A deploy that changes the schema (runtime/versions/schema-fit.ts): the
// records the new rules cannot hold are found and the deploy refused, with
// what to do; once those records are moved under the current rules it goes
// through, dropping the values of removed fields; no schema change, no pass.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createEngine, deployRules, formatPlanText, parseInstant, planMigration, resumeWithOtherRules, UnfitStateError, type Engine, type InputEvent, type Program, type Snapshot } from "../../runtime/index";
import { checkSchemaFit } from "../../runtime/versions/schema-fit";
import { programManifest } from "../../runtime/program/identity";
import { compileProgram, folderSources, root } from "../backend/harness";

const fixture = join(root, "test", "fixtures", "deploy-schema");
const base = compileProgram(folderSources(join(fixture, "base")));
const head = compileProgram(folderSources(join(fixture, "head")));
const events = (file: string) => readFileSync(join(fixture, file), "utf8").trim().split("\n").map((line) => JSON.parse(line) as InputEvent);
const DEPLOY_AT = parseInstant("2026-03-03T00:00:00Z");

function engineAfter(program: Program, ...files: string[]): Engine {
  const engine = createEngine(program);
  for (const file of files) for (const event of events(file)) engine.process(event);
  return engine;
}

const rules = (text: string) => compileProgram([{ path: "rules.rules", text }]);

describe("a deploy that changes the schema", () => {
  it("finds every record the new rules cannot hold, with what to do, and counts the values of removed fields", () => {
    const plan = planMigration(engineAfter(base, "events.jsonl").snapshot(), head, DEPLOY_AT);
    expect(plan.schema).toEqual({
      entities: ["lead", "opportunity"],
      checked: 4,
      unfit: 2,
      problems: [
        { entity: "lead", kind: "entity", records: 1, fix: "keep entity lead in the new rules, or first delete these records under the current rules (a deleted event each)" },
        {
          entity: "opportunity",
          kind: "stage",
          name: "Documentation pending",
          records: 1,
          fix: 'keep stage "Documentation pending" in the pipeline of opportunity, or first move these records out of it under the current rules (stage.closed, or stage.opened of a stage the new rules keep)',
        },
        {
          entity: "opportunity",
          kind: "field",
          name: "region",
          records: 1,
          fix: 'let field "region" of opportunity hold these values in the new rules, or first change them under the current rules (an updated event each, with a value both versions accept)',
        },
      ],
      records: [
        {
          record: "opportunity/O3",
          misfits: [
            { kind: "stage", name: "Documentation pending", problem: 'stage "Documentation pending" is open, and the new pipeline of opportunity has no such stage' },
            { kind: "field", name: "region", value: "south", problem: 'field "region" holds "south", which does not fit its new type enum(east, west)' },
          ],
        },
        { record: "lead/L1", misfits: [{ kind: "entity", name: "lead", problem: "entity type lead is not in the new rules" }] },
      ],
      dropped: [{ entity: "opportunity", field: "note", records: 1 }],
    });
  });

  it("is refused with SC4008 naming the first record, and so is a resume of the snapshot", () => {
    const engine = engineAfter(base, "events.jsonl");
    const saved = JSON.parse(JSON.stringify(engine.snapshot())) as Snapshot;
    let refusal: unknown;
    try {
      deployRules(engine, head, DEPLOY_AT);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(UnfitStateError);
    expect((refusal as UnfitStateError).code).toBe("SC4008");
    expect((refusal as UnfitStateError).message).toBe(
      'the new rules cannot hold 2 records: opportunity/O3 (stage "Documentation pending" is open, and the new pipeline of opportunity has no such stage; ' +
        'field "region" holds "south", which does not fit its new type enum(east, west)), and 1 more; ' +
        "keep what they hold in the new rules, or first change them with events under the current rules",
    );
    expect(() => resumeWithOtherRules(saved, head)).toThrow(UnfitStateError);
  });

  it("goes through once the records are moved under the current rules, and drops the values of removed fields", () => {
    const engine = engineAfter(base, "events.jsonl", "fix.jsonl");
    const deployed = deployRules(engine, head, DEPLOY_AT);
    expect(deployed.plan.schema).toMatchObject({ checked: 3, unfit: 0, problems: [], records: [], dropped: [{ entity: "opportunity", field: "note", records: 1 }] });
    expect(deployed.engine.record("opportunity/O1")?.fields).toEqual({ title: "Roof", region: "east" });
    expect(deployed.engine.record("opportunity/O3")).toMatchObject({ stage: null, open: {}, fields: { title: "Shed", region: "east" } });
    const opened = deployed.engine.process({ id: "n1", at: "2026-03-03T01:00:00Z", entity: "opportunity/O3", type: "stage.opened", data: { stage: "Docs pending" } });
    expect(opened).toEqual([]);
    expect(deployed.engine.record("opportunity/O3")?.open).toEqual({ "Docs pending": parseInstant("2026-03-03T01:00:00Z") });
    expect(formatPlanText(deployed.plan)).toContain(
      'records: 3 of changed entities (lead, opportunity) checked, 0 the new rules cannot hold\n  dropped   field "note" of opportunity (1 record): the new rules removed it\n',
    );
  });

  it("is carried out when replayed from a log that holds it, whatever the records hold", () => {
    const deployed = deployRules(engineAfter(base, "events.jsonl"), head, DEPLOY_AT, {}, true);
    expect(deployed.plan.schema?.unfit).toBe(2);
    expect(deployed.engine.record("opportunity/O1")?.fields).toEqual({ title: "Roof", region: "east" });
  });

  it("lists the first 20 unfit records and counts them all", () => {
    const old = rules("entity deal {\n  region: enum(east, south)\n}\n");
    const next = rules("entity deal {\n  region: enum(east)\n}\n");
    const engine = createEngine(old);
    for (let i = 1; i <= 25; i++) engine.process({ id: `e${i}`, at: "2026-03-02T09:00:00Z", entity: `deal/D${i}`, type: "created", data: { region: i % 5 === 0 ? "east" : "south" } });
    const check = planMigration(engine.snapshot(), next, DEPLOY_AT).schema!;
    expect(check).toMatchObject({ checked: 25, unfit: 20, problems: [expect.objectContaining({ name: "region", records: 20 })] });
    for (let i = 26; i <= 30; i++) engine.process({ id: `e${i}`, at: "2026-03-02T09:00:00Z", entity: `deal/D${i}`, type: "created", data: { region: "south" } });
    const more = planMigration(engine.snapshot(), next, DEPLOY_AT);
    expect(more.schema).toMatchObject({ unfit: 25, problems: [expect.objectContaining({ records: 25 })] });
    expect(more.schema!.records.map((record) => record.record)).toEqual([1, 2, 3, 4, 6, 7, 8, 9, 11, 12, 13, 14, 16, 17, 18, 19, 21, 22, 23, 24].map((i) => `deal/D${i}`));
    expect(formatPlanText(more)).toContain("  … and 5 more records (the JSON form lists the first 20)\n");
  });

  it("finds a changed type, a reference to another entity type and a pipeline that became parallel", () => {
    const old = rules(
      'entity contact {\n  name: text\n}\nentity account {\n  name: text\n}\nentity deal {\n  size: text\n  owner: contact\n  pipeline {\n    stage "New"\n    stage "Won" won\n  }\n}\n',
    );
    const next = rules(
      'entity contact {\n  name: text\n}\nentity account {\n  name: text\n}\nentity deal {\n  size: number\n  owner: account?\n  pipeline parallel {\n    stage "New"\n    stage "Won" won\n  }\n}\n',
    );
    const engine = createEngine(old);
    engine.process({ id: "c1", at: "2026-03-02T09:00:00Z", entity: "contact/C1", type: "created", data: { name: "Ana" } });
    engine.process({ id: "d1", at: "2026-03-02T09:00:00Z", entity: "deal/D1", type: "created", data: { size: "large", owner: "contact/C1", stage: "New" } });
    const check = planMigration(engine.snapshot(), next, DEPLOY_AT).schema!;
    expect(check.entities).toEqual(["deal"]);
    expect(check.records).toEqual([
      {
        record: "deal/D1",
        misfits: [
          { kind: "pipeline", name: "New", problem: 'stage "New" is open, and the pipeline of deal is parallel in the new rules' },
          { kind: "field", name: "size", value: "large", problem: 'field "size" holds "large", which does not fit its new type number' },
          { kind: "field", name: "owner", value: "contact/C1", problem: 'field "owner" holds "contact/C1", which does not fit its new type a reference to account' },
        ],
      },
    ]);
    expect(check.problems.map((problem) => problem.fix)).toEqual([
      "keep the pipeline of deal sequential, or first close the stages open on these records under the current rules (stage.closed)",
      'let field "owner" of deal hold these values in the new rules, or first change them under the current rules (an updated event each, with a value both versions accept)',
      'let field "size" of deal hold these values in the new rules, or first change them under the current rules (an updated event each, with a value both versions accept)',
    ]);
  });

  it("holds a value a rule stored that input would not pass, when its field's type did not change", () => {
    // `set email = name` stores text no input event could carry in an email field: the deploy did not cause that.
    const old = rules('entity contact {\n  name: text\n  email: email?\n}\nrule "Copy": on contact created -> set email = name\n');
    const next = rules('entity contact {\n  name: text\n  email: email?\n  vip: bool?\n}\nrule "Copy": on contact created -> set email = name\n');
    const engine = createEngine(old);
    engine.process({ id: "c1", at: "2026-03-02T09:00:00Z", entity: "contact/C1", type: "created", data: { name: "Ana" } });
    expect(engine.record("contact/C1")?.fields.email).toBe("Ana");
    expect(planMigration(engine.snapshot(), next, DEPLOY_AT).schema).toEqual({ entities: ["contact"], checked: 1, unfit: 0, problems: [], records: [], dropped: [] });
  });

  it("does not look at the records when no entity declaration changed", () => {
    const engine = engineAfter(base, "events.jsonl");
    const snapshot = engine.snapshot();
    const untouchable = new Proxy(snapshot.records, {
      get(target, key, receiver) {
        if (key === Symbol.iterator || key === "length") throw new Error("the records were read");
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const sameSchema = compileProgram(folderSources(join(fixture, "base")).map((file) => ({ ...file, text: file.text.replace("open after 4 days", "open after 5 days") })));
    expect(checkSchemaFit({ ...snapshot, records: untouchable }, programManifest(base), sameSchema)).toBeUndefined();
    expect(planMigration(snapshot, sameSchema, DEPLOY_AT).schema).toBeUndefined();
  });

  it("refuses exactly when a record holds a value the new enum lacks", () => {
    const values = ["east", "west", "south", "north"] as const;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...values), { maxLength: 30 }), fc.subarray([...values], { minLength: 1 }), (held, kept) => {
        const old = rules(`entity deal {\n  region: enum(${values.join(", ")})\n}\n`);
        const next = rules(`entity deal {\n  region: enum(${kept.join(", ")})\n  stamp: text?\n}\n`);
        const engine = createEngine(old);
        held.forEach((region, i) => engine.process({ id: `e${i}`, at: "2026-03-02T09:00:00Z", entity: `deal/D${i}`, type: "created", data: { region } }));
        const unfit = held.filter((region) => !kept.includes(region)).length;
        expect(planMigration(engine.snapshot(), next, DEPLOY_AT).schema?.unfit).toBe(unfit);
        if (unfit > 0) expect(() => deployRules(engine, next, DEPLOY_AT)).toThrow(UnfitStateError);
        else expect(deployRules(engine, next, DEPLOY_AT).plan.schema?.checked).toBe(held.length);
      }),
      { numRuns: 50 },
    );
  });
});
