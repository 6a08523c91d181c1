// A deploy that changes the schema, through the service (docs/versions.md
// "Schema changes"): records the new rules cannot hold make PUT /v1/rules
// answer 422 SC4008 with the records and what to do, and change nothing; the
// dry run shows the same; once the records are moved under the current rules
// the deploy goes through, dropping the values of removed fields; a deploy
// stored by a Stagecraft that did not refuse it still replays on a restart.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createEngine, deployRules, formatOutputLine, parseInstant, type InputEvent } from "../../runtime/index";
import { deployEntry, readVersions, saveDeploy } from "../../service/store/rule-versions";
import { rulesFingerprint, storedRules } from "../../service/rules-identity";
import type { Store } from "../../service/store/store";
import { root } from "../backend/harness";
import { cli } from "../cli/run-cli";
import { FakeClock } from "./fake-clock";
import { programOf, startService, type Running } from "./harness";
import { storeKinds, testStore, type TestStore } from "./stores";

const SLOW = 180_000;
const fixture = join(root, "test", "fixtures", "deploy-schema");
const headFiles = [{ path: "rules.rules", text: readFileSync(join(fixture, "head", "rules.rules"), "utf8") }];
const lines = (file: string) => readFileSync(join(fixture, file), "utf8");

const put = (running: Running, query = "") => running.putRules({ files: headFiles }, query);

const UNFIT = [
  {
    record: "opportunity/O3",
    misfits: [
      { kind: "stage", name: "Documentation pending", problem: 'stage "Documentation pending" is open, and the new pipeline of opportunity has no such stage' },
      { kind: "field", name: "region", value: "south", problem: 'field "region" holds "south", which does not fit its new type enum(east, west)' },
    ],
  },
  { record: "lead/L1", misfits: [{ kind: "entity", name: "lead", problem: "entity type lead is not in the new rules" }] },
];

describe.each(storeKinds)("a schema-changing deploy on %s", (kind) => {
  let handle: TestStore;
  let store: Store;
  let clock: FakeClock;
  let running: Running;

  beforeEach(async () => {
    handle = await testStore(kind);
    store = await handle.open();
    clock = new FakeClock(Date.parse("2026-03-02T11:00:00Z"));
    running = await startService(programOf([join(fixture, "base")]), store, { clock });
    expect((await running.post(lines("events.jsonl"))).status).toBe(200);
  }, SLOW);

  afterEach(async () => {
    await running.stop();
    await store.close();
    await handle.remove();
  });

  it("is refused with 422 SC4008 listing the records and what to do; the dry run says the same; nothing changes", async () => {
    const before = (await running.get("/v1/records/opportunity/O3")).body;
    const dry = await put(running, "?dry_run=1");
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ version: 2, deployed: false, unchanged: false, outputs: [], refused: { code: "SC4008" } });
    expect(dry.body.plan.schema).toMatchObject({ entities: ["lead", "opportunity"], checked: 4, unfit: 2, records: UNFIT, dropped: [{ entity: "opportunity", field: "note", records: 1 }] });

    const refused = await put(running);
    expect(refused.status).toBe(422);
    expect(refused.body.error).toEqual({
      code: "SC4008",
      message:
        'the new rules cannot hold 2 records: opportunity/O3 (stage "Documentation pending" is open, and the new pipeline of opportunity has no such stage; ' +
        'field "region" holds "south", which does not fit its new type enum(east, west)), and 1 more; ' +
        "keep what they hold in the new rules, or first change them with events under the current rules; nothing was deployed",
    });
    expect(refused.body.schema).toEqual(dry.body.plan.schema);
    expect(refused.body.schema.problems.map((problem: { kind: string; name?: string; fix: string }) => `${problem.kind} ${problem.name ?? "-"}: ${problem.fix}`)).toEqual([
      "entity -: keep entity lead in the new rules, or first delete these records under the current rules (a deleted event each)",
      'stage Documentation pending: keep stage "Documentation pending" in the pipeline of opportunity, or first move these records out of it under the current rules (stage.closed, or stage.opened of a stage the new rules keep)',
      'field region: let field "region" of opportunity hold these values in the new rules, or first change them under the current rules (an updated event each, with a value both versions accept)',
    ]);
    expect((await running.get("/v1/rules")).body).toMatchObject({ active: 1, versions: [{ version: 1 }] });
    expect((await running.get("/v1/records/opportunity/O3")).body).toEqual(before);
    // The old rules still run: the stage can be closed, the record changed.
    expect((await running.post(lines("fix.jsonl"))).status).toBe(200);
  });

  it("goes through once the records are moved under the current rules, dropping the values of the removed field", async () => {
    expect((await running.post(lines("fix.jsonl"))).status).toBe(200);
    clock.set(Date.parse("2026-03-03T00:00:00Z"));
    const answer = await put(running);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ version: 2, deployed: true });
    expect(answer.body.refused).toBeUndefined();
    expect(answer.body.plan.schema).toMatchObject({ checked: 3, unfit: 0, dropped: [{ entity: "opportunity", field: "note", records: 1 }] });
    expect((await running.get("/v1/records/opportunity/O1")).body.fields).toEqual({ title: "Roof", region: "east" });
    const opened = await running.post('{"id":"n1","at":"2026-03-03T00:00:00Z","entity":"opportunity/O3","type":"stage.opened","data":{"stage":"Docs pending"}}\n');
    expect(opened.status).toBe(200);
    expect((await running.get("/v1/records/opportunity/O3")).body).toMatchObject({ open: { "Docs pending": expect.any(String) } });
  });

  it("`stagecraft deploy` prints the records and what to do, and exits 2, the dry run too; moved first, it deploys", async () => {
    await running.app.listen({ host: "127.0.0.1", port: 0 });
    const address = running.app.server.address();
    const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
    const head = join("test", "fixtures", "deploy-schema", "head");
    const findings = [
      '  unfit     opportunity/O3: stage "Documentation pending" is open, and the new pipeline of opportunity has no such stage',
      '  unfit     opportunity/O3: field "region" holds "south", which does not fit its new type enum(east, west)',
      "  unfit     lead/L1: entity type lead is not in the new rules",
    ].join("\n");

    const dry = await cli(["deploy", head, "--to", url, "--dry-run"]);
    expect(dry.code).toBe(2);
    const text = dry.stdout.replaceAll(url, "URL");
    expect(text).toMatch(/^dry run: version 2 \(fingerprint [0-9a-f]{16}\) would be refused by URL at 2026-03-02T11:00:00.000Z \(SC4008: records the new rules cannot hold, below\); nothing changed\n/);
    expect(text).toContain(`records: 4 of changed entities (lead, opportunity) checked, 2 the new rules cannot hold\n${findings}\n  dropped   field "note" of opportunity (1 record)`);
    expect(text).toContain("what to do (these rules are refused until they hold every record):\n  entity lead (1 record): keep entity lead in the new rules");
    expect(text).not.toContain("outputs the deploy would store");
    expect(dry.stderr).toMatch(/^stagecraft: the deploy would be refused: SC4008 the new rules cannot hold 2 records: opportunity\/O3 .*\n$/);

    const json = await cli(["deploy", head, "--to", url, "--dry-run", "--format", "json"]);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({ refused: { code: "SC4008" }, plan: { schema: { unfit: 2, records: UNFIT } } });

    const refused = await cli(["deploy", head, "--to", url]);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe("");
    const stderr = refused.stderr.replaceAll(url, "URL");
    expect(stderr).toMatch(/^stagecraft: URL refused the deploy \(422\): SC4008 the new rules cannot hold 2 records: .*; nothing was deployed\n/);
    expect(stderr).toContain(`\n${findings}\nwhat to do (these rules are refused until they hold every record):\n`);
    expect((await running.get("/v1/rules")).body.active).toBe(1);

    expect((await running.post(lines("fix.jsonl"))).status).toBe(200);
    const deployed = await cli(["deploy", head, "--to", url]);
    expect(deployed.stderr).toBe("");
    expect(deployed.code).toBe(0);
    expect(deployed.stdout).toContain('records: 3 of changed entities (lead, opportunity) checked, 0 the new rules cannot hold\n  dropped   field "note" of opportunity (1 record): the new rules removed it\n');
    expect((await running.get("/v1/rules")).body.active).toBe(2);
  });

  it("replays on a restart a deploy an older Stagecraft stored though the records did not fit", async () => {
    // What a Stagecraft without the check stored: the deploy, its outputs, the new version.
    const base = programOf([join(fixture, "base")]);
    const head = programOf([join(fixture, "head")]);
    await running.stop();
    const engine = createEngine(base);
    for (const line of lines("events.jsonl").trim().split("\n")) engine.process(JSON.parse(line) as InputEvent);
    const at = "2026-03-03T00:00:00.000Z";
    const deployed = deployRules(engine, head, parseInstant(at), {}, true);
    const positions = await store.lastPositions();
    const entry = deployEntry(positions.log + 1, at, 2);
    const outputs = deployed.outputs.map((output, i) => ({ position: positions.output + i + 1, logPosition: entry.position, id: output.id, line: formatOutputLine(output) }));
    await saveDeploy(store, { version: 2, fingerprint: rulesFingerprint(head), rules: storedRules(head), sources: headFiles, logPosition: entry.position, at }, entry, outputs);
    expect((await readVersions(store)).map((version) => version.version)).toEqual([1, 2]);

    clock.set(Date.parse("2026-03-03T01:00:00Z"));
    running = await startService(head, store, { clock });
    expect((await running.get("/v1/health")).body).toMatchObject({ status: "ok", outputs: positions.output + outputs.length });
    expect((await running.get("/v1/records/opportunity/O3")).body).toMatchObject({ open: { "Documentation pending": expect.any(String) }, fields: { region: "south" } });
  });
});
