// Restart = the newest snapshot + the log after it: a service stopped (or
// dropped without a word, as a crash would) and started again goes on exactly
// as one that ran throughout. Other rules are refused; a store that fails
// answers 503 and nothing is lost.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseInstant } from "../../runtime/index";
import { FakeClock } from "./fake-clock";
import { lockDirectory } from "../../service/store/dir-lock";
import { ServeError, StoreLockedError } from "../../service/store/errors";
import type { SqlDriver } from "../../service/store/driver";
import { Store } from "../../service/store/store";
import { root } from "../backend/harness";
import { expectReplayIdentity, programOf, rulesFolder, startService, type Running } from "./harness";
import { freshDataDir, storeKinds, testStore, type TestStore } from "./stores";

const HOUR = 3_600_000;
/** Each of these opens a store several times; a fresh PGlite may first need an initdb. */
const SLOW = 180_000;

/** Posts the events two at a time, the clock an hour past each pair; `between(i)` runs after pair i. */
async function feed(running: () => Running, lines: string[], between: (pair: number) => Promise<void>): Promise<void> {
  for (let i = 0; i < lines.length; i += 2) {
    const pair = lines.slice(i, i + 2);
    const last = Math.max(...pair.map((line) => parseInstant((JSON.parse(line) as { at: string }).at)));
    running().clock.set(last - 60_000);
    expect((await running().post(pair.join("\n"))).status).toBe(200);
    running().clock.set(last + HOUR);
    await running().service.idle();
    await between(i / 2);
  }
}

describe.each(storeKinds)("restart on %s", (kind) => {
  for (const example of ["solar-substates", "multiple-opportunities"]) {
    it(`${example}: stopped, crashed and started again = never interrupted`, async () => {
      const rules = join(root, "examples", example);
      const program = programOf([rules]);
      const lines = readFileSync(join(rules, "events.jsonl"), "utf8").split("\n").filter((line) => line.trim() !== "");
      const start = parseInstant((JSON.parse(lines[0]!) as { at: string }).at);
      const end = Date.parse("2026-12-31T00:00:00Z");

      const steady = await testStore(kind);
      const interrupted = await testStore(kind);
      try {
        const steadyStore = await steady.open();
        const once = await startService(program, steadyStore, { clock: new FakeClock(start) });
        await feed(() => once, lines, async () => undefined);
        once.clock.set(end);
        await once.service.idle();
        await once.stop();
        const expected = await expectReplayIdentity(steadyStore, [rules]);
        await steadyStore.close();

        const rebuilt: Array<{ fromSnapshot: boolean; replayed: number }> = [];
        const logger = pino({ level: "info" }, { write: (line: string) => void (JSON.parse(line).msg === "state rebuilt from the store" && rebuilt.push(JSON.parse(line))) });
        let store = await interrupted.open();
        const clock = new FakeClock(start);
        let running = await startService(program, store, { clock, snapshotEvery: 3, logger });
        await feed(
          () => running,
          lines,
          async (pair) => {
            if (pair % 2 === 0) {
              await running.stop(); // SIGTERM: a snapshot at the end
            } else {
              await running.service.idle(); // a crash: the store let go, nothing said to the service
              running.service.stopWaiting();
            }
            await store.close();
            store = await interrupted.open();
            running = await startService(program, store, { clock, snapshotEvery: 3, logger });
          },
        );
        clock.set(end);
        await running.service.idle();
        await running.stop();
        const after = await expectReplayIdentity(store, [rules]);
        await store.close();
        expect(after.events).toEqual(expected.events);
        expect(after.outputs).toBe(expected.outputs);
        expect(rebuilt.some((entry) => entry.fromSnapshot && entry.replayed > 0)).toBe(true);
      } finally {
        await steady.remove();
        await interrupted.remove();
      }
    }, SLOW);
  }

  it("after a restart, tells an event stored before the snapshot from a new one: duplicate, conflict or new", async () => {
    const program = programOf([join(root, "examples", "solar-substates")]);
    const contact = (id: string, name: string) => JSON.stringify({ id, at: "2026-01-02T08:00:00Z", entity: `contact/${id}`, type: "created", data: { name } });
    const handle = await testStore(kind);
    try {
      let store = await handle.open();
      let running = await startService(program, store, { clock: new FakeClock(Date.parse("2026-01-02T08:00:00Z")) });
      expect((await running.post([contact("c1", "Ana"), contact("c2", "Bo")].join("\n"))).status).toBe(200);
      await running.stop(); // the snapshot holds both: the restarted service has not seen their ids
      await store.close();
      store = await handle.open();
      running = await startService(program, store, { clock: new FakeClock(Date.parse("2026-01-02T08:00:00Z")) });
      expect(await running.post([contact("c3", "Cy"), contact("c1", "Ana")].join("\n"))).toEqual({ status: 200, body: { accepted: [{ id: "c3", position: 3 }], duplicates: ["c1"] } });
      const conflict = await running.post([contact("c4", "Di"), contact("c2", "Other")].join("\n"));
      expect(conflict.status).toBe(409);
      expect(conflict.body.error).toMatchObject({ code: "SC3010", line: 2 });
      expect((await running.get("/v1/health")).body).toMatchObject({ events: 3 });
      await running.stop();
      await store.close();
    } finally {
      await handle.remove();
    }
  }, SLOW);

  it("refuses to start on a store written by other rules, naming the rules that differ", async () => {
    const base = 'rule "Keep": on deal created -> send email "Docs reminder" to contact\nrule "Change": on deal updated -> send email "Docs reminder" to contact\nrule "Drop": on deal deleted -> send email "Docs reminder" to contact\n';
    const schema = readFileSync(join(root, "test", "fixtures", "contract", "schema.rules"), "utf8");
    const first = rulesFolder({ "schema.rules": schema, "rules.rules": base });
    const second = rulesFolder({
      "schema.rules": schema,
      "rules.rules": base.replace('rule "Drop": on deal deleted', 'rule "New": on deal deleted').replace('"Change": on deal updated', '"Change": on deal created'),
    });
    const handle = await testStore(kind);
    try {
      let store = await handle.open();
      const running = await startService(programOf([first.folder]), store);
      await running.stop();
      await store.close();
      store = await handle.open();
      const refused = await startService(programOf([second.folder]), store).then(
        () => undefined,
        (error: unknown) => error,
      );
      await store.close();
      expect(refused).toBeInstanceOf(ServeError);
      const message = (refused as Error).message;
      expect(message).toContain("was written by other rules");
      expect(message).toContain('added rule "New"');
      expect(message).toContain('removed rule "Drop"');
      expect(message).toContain('changed rule "Change"');
      expect(message).not.toContain('"Keep"');
    } finally {
      first.remove();
      second.remove();
      await handle.remove();
    }
  }, SLOW);
});

describe("a snapshot that cannot be read back", () => {
  /** Runs the example, stops (a snapshot of the end, in parts), damages the parts with `damage`, and starts again. */
  async function startAfter(damage: string): Promise<unknown> {
    const rules = join(root, "examples", "solar-substates");
    const program = programOf([rules]);
    const lines = readFileSync(join(rules, "events.jsonl"), "utf8");
    const handle = await testStore("PGlite");
    try {
      let store = await handle.open();
      const start = parseInstant((JSON.parse(lines.split("\n")[0]!) as { at: string }).at);
      const running = await startService(program, store, { clock: new FakeClock(start + 30 * 24 * HOUR) });
      expect((await running.post(lines)).status).toBe(200);
      await running.stop();
      await store.driver.query(damage);
      await store.close();
      store = await handle.open();
      const refused = await startService(program, store).then(
        () => undefined,
        (error: unknown) => error,
      );
      await store.close();
      return refused;
    } finally {
      await handle.remove();
    }
  }

  it("stops the start with a message naming the store, and is not taken for an empty state", async () => {
    const refused = await startAfter("DELETE FROM stagecraft_snapshot_parts WHERE part = 0");
    expect(refused).toBeInstanceOf(Error);
    expect((refused as Error).message).toMatch(/^PGlite in .*: the snapshot at log position \d+ cannot be read \(its parts together: it is incomplete: \d+ of its \d+ records were found\); the store was changed outside Stagecraft$/);
  }, SLOW);

  it("names the part that is damaged", async () => {
    const refused = await startAfter(`UPDATE stagecraft_snapshot_parts SET data = '{"records": ' WHERE part = 0`);
    expect(refused).toBeInstanceOf(Error);
    expect((refused as Error).message).toMatch(/cannot be read \(part 1 of \d+: .*JSON.*\); the store was changed outside Stagecraft$/);
  }, SLOW);
});

describe("a store that fails", () => {
  let handle: TestStore;
  let store: Store;
  let failing = false;
  let running: Running;

  beforeEach(async () => {
    handle = await testStore("PGlite");
    const real = await handle.open();
    // The same store, through a driver that fails while `failing` is set (a server gone away).
    const check = () => {
      if (failing) throw new Error("connection refused");
    };
    const driver: SqlDriver = {
      description: real.description,
      query: async (sql, params) => (check(), real.driver.query(sql, params)),
      script: async (sql) => (check(), real.driver.script(sql)),
      transaction: async (work) => (check(), real.driver.transaction(work)),
      close: () => real.close(),
    };
    store = new Store(driver);
    running = await startService(programOf([join(root, "examples", "solar-substates")]), store, { clock: new FakeClock(Date.parse("2026-01-02T08:00:00Z")) });
  });

  afterEach(async () => {
    failing = false;
    await running.stop();
    await store.close();
    await handle.remove();
  });

  it("answers 503 while the store is down, stores nothing, and goes on once it is back", async () => {
    const event = (id: string) => JSON.stringify({ id, at: "2026-01-02T08:00:00Z", entity: "contact/C1", type: "created", data: { name: "Ana" } });
    failing = true;
    const refused = await running.post(event("c1"));
    expect(refused.status).toBe(503);
    expect(refused.body.error.code).toBe("SC3018");
    expect(refused.body.error.message).toContain("nothing of this request was stored");
    expect((await running.get("/v1/outputs")).status).toBe(503);
    expect((await running.get("/v1/health")).status).toBe(503);
    failing = false;
    const accepted = await running.post(event("c1"));
    expect(accepted).toEqual({ status: 200, body: { accepted: [{ id: "c1", position: 1 }], duplicates: [] } });
    expect((await running.get("/v1/health")).body).toMatchObject({ status: "ok", events: 1 });
  });
});

describe("the data folder's writer lock", () => {
  it("is taken over from a process that no longer runs, and refused to one on another host", async () => {
    const { dir, remove } = await freshDataDir();
    try {
      writeFileSync(join(dir, "writer.lock"), JSON.stringify({ pid: 2 ** 22 + 12345, host: (await import("node:os")).hostname(), since: "2026-01-01T00:00:00Z", command: "stagecraft serve old" }));
      const release = lockDirectory(dir, "stagecraft serve new");
      expect(JSON.parse(readFileSync(join(dir, "writer.lock"), "utf8"))).toMatchObject({ pid: process.pid, command: "stagecraft serve new" });
      release();
      writeFileSync(join(dir, "writer.lock"), JSON.stringify({ pid: 1, host: "elsewhere.example", since: "2026-01-01T00:00:00Z", command: "stagecraft serve there" }));
      expect(() => lockDirectory(dir, "stagecraft serve new")).toThrow(StoreLockedError);
      expect(() => lockDirectory(dir, "stagecraft serve new")).toThrow(/in use by `stagecraft serve there` \(pid 1 on elsewhere.example/);
    } finally {
      remove();
    }
  }, SLOW);
});
