// One suite, both drivers: the store behaves the same on PGlite and on
// PostgreSQL (migrations, the log and outputs written together or not at all,
// snapshots, consistent reads, workspaces apart, one writer at a time).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openStore } from "../../service/open-store";
import { ServeError, StoreLockedError } from "../../service/store/errors";
import { migrations } from "../../service/store/migrations";
import { DEFAULT_WORKSPACE, Store, type LogEntry, type StoredOutput } from "../../service/store/store";
import { freshSchema, postgresAvailable, storeKinds, testStore, type TestStore } from "./stores";

const event = (position: number, id: string): LogEntry => ({
  position,
  kind: "event",
  at: "2026-01-01T08:00:00.000Z",
  eventId: id,
  event: JSON.stringify({ id, at: "2026-01-01T09:00:00+01:00", entity: "deal/D1", type: "updated", data: { amount: position } }),
});
const tick = (position: number): LogEntry => ({ position, kind: "tick", at: "2026-01-02T08:00:00.000Z", eventId: null, event: null });
const output = (position: number, logPosition: number, id: string): StoredOutput => ({ position, logPosition, id, line: `{"id":"${id}"}` });

describe.each(storeKinds)("the store on %s", (kind) => {
  let handle: TestStore;
  let store: Store;

  beforeEach(async () => {
    handle = await testStore(kind);
    store = await handle.open();
    await store.migrate();
  });

  afterEach(async () => {
    await store.close();
    await handle.remove();
  });

  it("migrates once: a second migrate changes nothing", async () => {
    await store.migrate();
    const rows = await store.driver.query("SELECT version FROM stagecraft_migrations ORDER BY version");
    expect(rows.map((row) => Number(row.version))).toEqual(migrations.map((migration) => migration.version));
  });

  it("is empty before any serve wrote rules, and keeps the rules it is given", async () => {
    expect(await store.exists()).toBe(false);
    await store.saveRules({ fingerprint: "sha256:ab", rules: '{"rules":[]}' });
    expect(await store.exists()).toBe(true);
    expect(await store.rules()).toEqual({ fingerprint: "sha256:ab", rules: '{"rules":[]}' });
  });

  it("appends entries with their outputs and reads them back in order", async () => {
    await store.append([event(1, "e1"), event(2, "e2")], [output(1, 2, "e2.1")]);
    await store.append([tick(3)], [output(2, 3, "t1"), output(3, 3, "t1.1")]);
    await store.append([event(4, "e3")], []);
    expect(await store.readLog(0, 10)).toEqual([event(1, "e1"), event(2, "e2"), tick(3), event(4, "e3")]);
    expect(await store.readLog(2, 1)).toEqual([tick(3)]);
    expect(await store.readOutputs(1, 10)).toEqual([output(2, 3, "t1"), output(3, 3, "t1.1")]);
    expect(await store.lastPositions()).toEqual({ log: 4, output: 3 });
    const stored = await store.storedEvents(["e2", "nope", "e3"]);
    expect([...stored.keys()].sort()).toEqual(["e2", "e3"]);
    expect(stored.get("e2")).toBe(event(2, "e2").event);
  });

  it("stores a write whole or not at all: an output id stored before fails the entries with it", async () => {
    await store.append([event(1, "e1")], [output(1, 1, "e1.1")]);
    await expect(store.append([event(2, "e2")], [output(2, 2, "e1.1")])).rejects.toThrow();
    await expect(store.append([event(2, "e1")], [])).rejects.toThrow();
    expect(await store.readLog(0, 10)).toEqual([event(1, "e1")]);
    expect(await store.lastPositions()).toEqual({ log: 1, output: 1 });
  });

  it("writes a thousand rows in one statement", async () => {
    const entries = Array.from({ length: 1000 }, (_, i) => event(i + 1, `e${i + 1}`));
    const outputs = Array.from({ length: 3000 }, (_, i) => output(i + 1, Math.floor(i / 3) + 1, `o${i}`));
    await store.append(entries, outputs);
    expect(await store.lastPositions()).toEqual({ log: 1000, output: 3000 });
  });

  it("keeps only the newest complete snapshot: parts count once their head is written", async () => {
    const head = (logPosition: number, parts: number) => ({ logPosition, outputPosition: logPosition + 2, events: logPosition - 1, fingerprint: "f", head: `{"at":${logPosition}}`, parts });
    expect(await store.latestSnapshot()).toBeUndefined();
    await store.saveSnapshotPart(5, 0, "[5,0]");
    await store.saveSnapshotPart(5, 1, "[5,1]");
    expect(await store.latestSnapshot()).toBeUndefined();
    await store.completeSnapshot(head(5, 2));
    expect(await store.latestSnapshot()).toEqual(head(5, 2));
    expect(await store.readSnapshotParts(5, 0, 10)).toEqual(["[5,0]", "[5,1]"]);
    expect(await store.readSnapshotParts(5, 1, 10)).toEqual(["[5,1]"]);
    // A write at 9 cut short after two parts, then written again with one.
    await store.saveSnapshotPart(9, 0, "[9,0]");
    await store.saveSnapshotPart(9, 1, "[9,1]");
    await store.saveSnapshotPart(9, 0, "[9,0 again]");
    await store.completeSnapshot(head(9, 1));
    expect(await store.latestSnapshot()).toEqual(head(9, 1));
    const rows = await store.driver.query("SELECT (SELECT count(*)::int FROM stagecraft_snapshots) AS heads, (SELECT count(*)::int FROM stagecraft_snapshot_parts) AS parts");
    expect(rows[0]).toEqual({ heads: 1, parts: 1 });
    expect(await store.readSnapshotParts(9, 0, 10)).toEqual(["[9,0 again]"]);
  });

  it("keeps workspaces apart", async () => {
    const other = new Store(store.driver, "other");
    await store.append([event(1, "e1")], [output(1, 1, "e1.1")]);
    await other.append([event(1, "e1")], [output(1, 1, "e1.1")]);
    await other.append([event(2, "e2")], []);
    expect(await store.lastPositions()).toEqual({ log: 1, output: 1 });
    expect(await other.lastPositions()).toEqual({ log: 2, output: 1 });
  });

  it("reads one consistent view", async () => {
    await store.append([event(1, "e1")], [output(1, 1, "e1.1")]);
    const seen = await store.consistentRead(async (view) => ({ log: await view.readLog(0, 10), outputs: await view.readOutputs(0, 10) }));
    expect(seen.log).toHaveLength(1);
    expect(seen.outputs).toHaveLength(1);
  });

  it("refuses a second writer, naming the one that holds the store", async () => {
    const error = await handle.open().then(
      async (second) => {
        await second.close();
        return undefined;
      },
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(StoreLockedError);
    expect((error as Error).message).toMatch(/is in use by .*stagecraft serve.*pid \d+/);
    expect((error as Error).message).toContain("stop that process first");
  });

  it("lets the next writer in once the first has closed", async () => {
    await store.close();
    store = await handle.open();
    expect(await store.lastPositions()).toEqual({ log: 0, output: 0 });
  });
});

describe.skipIf(!postgresAvailable)("the PostgreSQL writer lock", () => {
  it("tells the writer when its lock's connection is lost, so it stops", async () => {
    const { url, remove } = await freshSchema();
    const lost: Error[] = [];
    const store = await openStore({ database: url }, { command: "stagecraft serve (test)", writer: true, onLockLost: (error) => lost.push(error) });
    try {
      // An administrator (or a failover) ends the session that holds the lock: this
      // schema's lock only (the key postgres-driver.ts takes), never the writers of
      // other tests or processes that share the server.
      await store.driver.query(
        `SELECT pg_terminate_backend(l.pid) FROM pg_locks l
          WHERE l.locktype = 'advisory' AND l.objsubid = 1 AND l.granted AND l.pid <> pg_backend_pid()
            AND ((l.classid::bigint << 32) | l.objid::bigint) = hashtextextended('stagecraft writer ' || current_schema() || ' ' || $1, 0)`,
        [DEFAULT_WORKSPACE],
      );
      for (let waited = 0; lost.length === 0 && waited < 5000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(lost[0]).toBeInstanceOf(ServeError);
      expect(lost[0]!.message).toMatch(/^lost the writer lock of .*; stopping, since another writer may now start$/);
    } finally {
      await store.close();
      await remove();
    }
    expect(lost).toHaveLength(1);
  });
});
