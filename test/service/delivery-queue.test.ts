// The outbox's per-record queues (service/webhooks/delivery-store.ts,
// migration 5), on the store directly: a store written before migration 5
// opens and its pending deliveries are sorted into queues; a round reads one
// head per record and webhook; the next one becomes head when the head is
// delivered or given up; a failed one retried ahead of the head goes first.
// On PGlite and PostgreSQL.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrations } from "../../service/store/migrations";
import type { Store } from "../../service/store/store";
import { DeliveryStore, type AttemptResult } from "../../service/webhooks/delivery-store";
import { storeKinds, testStore, type TestStore } from "./stores";

const now = Date.parse("2026-01-02T08:30:00Z");
const hook = "http://127.0.0.1:9/hooks";

/** A store as the release before migration 5 left it. */
async function migrateUpTo(store: Store, last: number): Promise<void> {
  await store.driver.query("CREATE TABLE stagecraft_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
  for (const migration of migrations.filter((m) => m.version <= last)) {
    await store.driver.script(migration.sql);
    await store.driver.query("INSERT INTO stagecraft_migrations (version, name) VALUES ($1, $2)", [migration.version, migration.name]);
  }
}

/** Writes deliveries as migration 4's columns hold them, each [output position, entity, status]; returns their ids. */
async function writeOld(store: Store, rows: Array<[number, string, "pending" | "delivered"]>): Promise<number[]> {
  const ids: number[] = [];
  for (const [position, entity, status] of rows) {
    const written = await store.driver.query(
      `INSERT INTO stagecraft_deliveries (workspace, output_position, output_id, type, entity, endpoint, payload, status, since, next_attempt_at)
       VALUES ($1, $2, $3, 'sms.send', $4, $5, '{}', $6, $7, $7) RETURNING id`,
      [store.workspace, position, `e${position}.1`, entity, hook, status, now - 1000],
    );
    ids.push(Number(written[0]!.id));
  }
  return ids;
}

const delivered = (id: number): AttemptResult => ({ id, delivered: true, nextAttemptAt: null, error: null, at: now });
const givenUp = (id: number): AttemptResult => ({ id, delivered: false, nextAttemptAt: null, error: "HTTP 500", at: now });

describe.each(storeKinds)("delivery queues on %s", (kind) => {
  let handle: TestStore;
  let store: Store;
  let deliveries: DeliveryStore;

  beforeEach(async () => {
    handle = await testStore(kind);
    store = await handle.open();
    deliveries = new DeliveryStore(store);
  });

  afterEach(async () => {
    await store.close();
    await handle.remove();
  });

  const dueNow = async () => {
    await deliveries.sortNew();
    return (await deliveries.due(now, 64)).map((delivery) => delivery.outputPosition);
  };

  it("opens a store written before migration 5 and sends its pending deliveries one per record, in order", async () => {
    await migrateUpTo(store, 4);
    const [, a1, a2, a3, b1] = await writeOld(store, [
      [1, "deal/A", "delivered"],
      [2, "deal/A", "pending"],
      [3, "deal/A", "pending"],
      [4, "deal/A", "pending"],
      [5, "deal/B", "pending"],
    ]);
    await store.migrate();
    const applied = await store.driver.query("SELECT version FROM stagecraft_migrations ORDER BY version");
    expect(applied.map((row) => Number(row.version))).toEqual(migrations.map((migration) => migration.version));
    expect(await deliveries.nextDue(now)).toBe(now);

    expect(await dueNow()).toEqual([2, 5]);
    await deliveries.record([delivered(a1!), delivered(b1!)], now);
    expect(await dueNow()).toEqual([3]);
    await deliveries.record([delivered(a2!)], now);
    expect(await dueNow()).toEqual([4]);
    await deliveries.record([delivered(a3!)], now);
    expect(await dueNow()).toEqual([]);
    expect(await deliveries.nextDue(now)).toBeNull();
  });

  it("moves on when a head is given up, and sends a failed one retried ahead of the head first", async () => {
    await store.migrate();
    const [a1, a2, a3] = await writeOld(store, [
      [1, "deal/A", "pending"],
      [2, "deal/A", "pending"],
      [3, "deal/A", "pending"],
    ]);
    expect(await dueNow()).toEqual([1]);
    await deliveries.record([givenUp(a1!)], now);
    expect(await dueNow()).toEqual([2]);

    expect(await deliveries.retry(a1!, now)).toMatchObject({ status: "pending", attempts: 0 });
    expect(await dueNow()).toEqual([1]);
    await deliveries.record([delivered(a1!)], now);
    expect(await dueNow()).toEqual([2]);
    await deliveries.record([delivered(a2!)], now);
    expect(await dueNow()).toEqual([3]);
    await deliveries.record([delivered(a3!)], now);
    expect(await dueNow()).toEqual([]);
  });
});
