// Deploys through the service (PUT /v1/rules, GET /v1/rules): rules with
// errors change nothing; a dry run answers the plan and the diff over the log
// and changes nothing; a deploy moves timers and workflows at the wall clock
// (which the service's clock then reads), stores its outputs, and survives a restart, which runs the deployed
// version (and refuses the rules of an older one).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeClock } from "./fake-clock";
import { storedRules } from "../../service/rules-identity";
import { ServeError } from "../../service/store/errors";
import type { Store } from "../../service/store/store";
import { root } from "../backend/harness";
import { programOf, rulesOf, startService, type Running } from "./harness";
import { storeKinds, testStore, type TestStore } from "./stores";
import { cli } from "../cli/run-cli";

const SLOW = 180_000;
const fixture = join(root, "test", "fixtures", "deploy");
const files = (version: "base" | "head") =>
  ["schema.rules", "rules.rules"].map((name) => ({ path: name, text: readFileSync(join(fixture, version, name), "utf8") }));
const events = readFileSync(join(fixture, "events.jsonl"), "utf8");
const more = readFileSync(join(fixture, "more.jsonl"), "utf8");

const put = (running: Running, body: unknown, query = "") => running.putRules(body, query);

async function outputLines(running: Running): Promise<string[]> {
  const body = (await running.get("/v1/outputs?limit=10000")).body as { outputs: Array<Record<string, unknown>> };
  return body.outputs.map(({ position: _position, ...output }) => JSON.stringify(output));
}

const base = rulesOf([join(fixture, "base")]);

describe.each(storeKinds)("deploys on %s", (kind) => {
  let handle: TestStore;
  let store: Store;
  let clock: FakeClock;
  let running: Running;

  beforeEach(async () => {
    handle = await testStore(kind);
    store = await handle.open();
    clock = new FakeClock(Date.parse("2026-03-02T12:00:00Z"));
    running = await startService(base.program, store, { clock, sources: base.sources });
    expect((await running.post(events)).status).toBe(200);
    clock.set(Date.parse("2026-03-03T00:00:00Z"));
    await running.service.idle();
  }, SLOW);

  afterEach(async () => {
    await running.stop();
    await store.close();
    await handle.remove();
  });

  it("refuses rules with errors with 422 and their diagnostics, and changes nothing", async () => {
    const broken = files("head").map((file) => (file.path === "rules.rules" ? { ...file, text: file.text.replace('"Docs reminder" to', '"Docs reminderr" to') } : file));
    const answer = await put(running, { files: broken });
    expect(answer.status).toBe(422);
    expect(answer.body.error).toEqual({ code: "SC3040", message: "the rules have 1 error; nothing was deployed" });
    expect(answer.body.diagnostics).toEqual([expect.objectContaining({ file: "rules.rules", line: 1, severity: "error" })]);
    expect((await running.get("/v1/rules")).body).toMatchObject({ active: 1, versions: [{ version: 1 }] });
  });

  it("refuses a body that is not files with 400", async () => {
    expect(await put(running, { files: [{ path: "a.rules" }] })).toMatchObject({ status: 400, body: { error: { code: "SC3041" } } });
    expect(await put(running, { rules: "x" })).toMatchObject({ status: 400, body: { error: { code: "SC3041" } } });
  });

  it("answers a dry run with the plan, the outputs it would store and the diff over the log, and changes nothing", async () => {
    const before = await outputLines(running);
    const answer = await put(running, { files: files("head") }, "?dry_run=1");
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ version: 2, deployed: false, unchanged: false, at: "2026-03-03T00:00:00.000Z" });
    expect(answer.body.plan.rules).toEqual({ added: [], removed: ['rule "Nudge"'], changed: ['rule "Docs reminder"', 'rule "Ping"', 'workflow "Follow up"'] });
    expect(answer.body.plan.timers.map((change: { change: string; timer: string }) => `${change.change} ${change.timer}`)).toEqual(["cancelled t1", "moved t2", "moved t3"]);
    expect(answer.body.outputs.map((line: string) => JSON.parse(line).type)).toEqual(["rules.deployed", "timer.cancelled", "timer.moved", "timer.moved", "notify"]);
    expect(answer.body.diff).toMatchObject({ different: true });
    expect(await outputLines(running)).toEqual(before);
    expect((await running.get("/v1/rules")).body.active).toBe(1);
  });

  it("deploys at the wall clock, which becomes the service's clock: an event sent after it from before it is processed at the deploy's instant", async () => {
    // The last entry so far is a timer or event of 2026-03-02; the wall clock reads 2026-03-03T00:00.
    const before = (await running.get("/v1/health")).body.clock as string;
    expect(Date.parse(before)).toBeLessThan(Date.parse("2026-03-03T00:00:00Z"));
    expect((await put(running, { files: files("head") })).body).toMatchObject({ deployed: true, at: "2026-03-03T00:00:00.000Z" });
    expect((await running.get("/v1/health")).body.clock).toBe("2026-03-03T00:00:00.000Z");
    const late = '{"id":"late1","at":"2026-03-02T23:30:00Z","entity":"deal/D1","type":"updated","data":{"amount":600}}';
    expect((await running.post(late)).status).toBe(200);
    const log = await store.readLog(0, 1000);
    expect(log.slice(-2).map((entry) => [entry.kind, entry.at])).toEqual([
      ["deploy", "2026-03-03T00:00:00.000Z"],
      ["event", "2026-03-03T00:00:00.000Z"],
    ]);
  }, SLOW);

  it("deploys: stores the deploy's outputs, runs the new rules, and a restart goes on with them", async () => {
    const answer = await put(running, { files: files("head") });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ version: 2, deployed: true, at: "2026-03-03T00:00:00.000Z" });
    const deployOutputs = (await outputLines(running)).slice(-answer.body.outputs.length);
    expect(deployOutputs).toEqual(answer.body.outputs);
    expect((await running.get("/v1/rules")).body).toMatchObject({
      active: 2,
      versions: [
        { version: 1, at: null, files: ["rules.rules", "schema.rules"] },
        { version: 2, at: "2026-03-03T00:00:00.000Z", files: ["schema.rules", "rules.rules"] },
      ],
    });
    expect((await running.get("/v1/rules/1")).body.files).toEqual(base.sources);
    expect((await running.get("/v1/rules/2")).body.files).toEqual(files("head"));
    expect((await running.get("/v1/rules/3")).status).toBe(404);

    // The same rules again are no deploy.
    expect((await put(running, { files: files("head") })).body).toMatchObject({ version: 2, deployed: false, unchanged: true });

    clock.set(Date.parse("2026-03-03T12:00:00Z"));
    expect((await running.post(more)).status).toBe(200);
    await running.stop();
    await store.close();

    // Restarted with the old rules: refused, pointing to deploy.
    store = await handle.open();
    const refused = await startService(programOf([join(fixture, "base")]), store, { clock }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(ServeError);
    expect((refused as Error).message).toContain("stagecraft deploy");
    await store.close();

    // Restarted with the deployed rules, without the snapshot: the log replays through the deploy.
    store = await handle.open();
    await store.driver.query("DELETE FROM stagecraft_snapshots");
    running = await startService(programOf([join(fixture, "head")]), store, { clock });
    clock.set(Date.parse("2026-03-20T00:00:00Z"));
    await running.service.idle();
    const texts = (await outputLines(running)).map((line) => JSON.parse(line) as { entity: string; data: { text?: string } });
    expect(texts.filter((output) => output.data.text !== undefined).map((output) => `${output.entity} ${output.data.text}`)).toEqual([
      "deal/D1 first Roof",
      "deal/D1 ping Roof",
      "deal/D2 ping Shed",
      "deal/D2 first Shed",
      "deal/D2 second Shed",
      "deal/D1 second Roof",
      "deal/D2 third Shed",
      "deal/D1 third Roof",
    ]);

    // `log replay` recomputes every stored output, through the deploy, with the rules of each version.
    await running.stop();
    await store.close();
    const flags = handle.location.data !== undefined ? ["--data", handle.location.data] : ["--database", handle.location.database!];
    const same = await cli(["log", "replay", ...flags]);
    expect(same.stderr).toBe("");
    expect(same.code).toBe(0);
    expect(same.stdout).toMatch(/: replayed \d+ log entries \(1 deploy, 2 versions of the rules\): \d+ outputs, all as stored\n$/);
    store = await handle.open();
    await store.driver.query("UPDATE stagecraft_outputs SET line = replace(line, 'third Roof', 'third roof') WHERE line LIKE '%third Roof%'");
    await store.close();
    const differs = await cli(["log", "replay", ...flags]);
    expect(differs.code).toBe(1);
    expect(differs.stdout).toContain("1 position differs from the stored outputs:");
    expect(differs.stdout).toMatch(/stored: {3}.*third roof.*\n {4}replayed: .*third Roof/);
    store = await handle.open();
    running = await startService(programOf([join(fixture, "head")]), store, { clock });
  }, SLOW);

  it("keeps the first version's files; a store from before they were kept gets them from the next start with its rules", async () => {
    expect((await running.get("/v1/rules/1")).body).toMatchObject({ version: 1, files: base.sources });
    await running.stop();
    await store.driver.query("UPDATE stagecraft_versions SET sources = '[]'");
    await store.close();
    const flags = handle.location.data !== undefined ? ["--data", handle.location.data] : ["--database", handle.location.database!];
    const old = await cli(["log", "replay", ...flags]);
    expect(old.code).toBe(0);
    expect(old.stdout).toMatch(/all as stored\n {2}version 1: replayed with its stored IR \(its files were not kept: the store is older than that\)\n$/);

    // Started without files (as by code that kept none): still none; then with them: version 1 has them.
    store = await handle.open();
    running = await startService(base.program, store, { clock });
    expect((await running.get("/v1/rules/1")).body.files).toEqual([]);
    await running.stop();
    running = await startService(base.program, store, { clock, sources: base.sources });
    expect((await running.get("/v1/rules/1")).body.files).toEqual(base.sources);
    await running.stop();
    await store.close();
    const filled = await cli(["log", "replay", ...flags]);
    expect(filled.code).toBe(0);
    expect(filled.stdout).toMatch(/\(0 deploys, 1 version of the rules\): \d+ outputs, all as stored\n$/);

    // The replay runs the files, not the stored IR: with other IR stored, it still gives the stored outputs, and says so.
    store = await handle.open();
    const [{ rules: ir }] = (await store.driver.query("SELECT rules FROM stagecraft_versions WHERE version = 1")) as Array<{ rules: string }>;
    await store.driver.query("UPDATE stagecraft_versions SET rules = $1 WHERE version = 1", [storedRules(programOf([join(fixture, "head")]))]);
    await store.close();
    const files1 = await cli(["log", "replay", ...flags]);
    expect(files1.code).toBe(0);
    expect(files1.stdout).toMatch(/all as stored\n {2}version 1: its stored files compile to other IR than stored .*; replayed with the files\n$/);
    store = await handle.open();
    await store.driver.query("UPDATE stagecraft_versions SET rules = $1 WHERE version = 1", [ir]);
    running = await startService(base.program, store, { clock, sources: base.sources });
  }, SLOW);
});
