// The outbox's rows (stagecraft_deliveries, migrations 4 and 5): what the
// dispatcher reads and marks, and what GET /v1/deliveries lists. Results of a
// round are written in one statement.
import type { Row } from "../store/driver";
import type { Store } from "../store/store";
import type { OutboxEntry } from "./outbox-entry";

export type DeliveryStatus = "pending" | "delivered" | "failed";

/** A row of the outbox: what was written, and how its sending stands. */
export interface Delivery extends OutboxEntry {
  id: number;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  /** Pending behind an earlier delivery of its record and webhook (it goes once that one is delivered or given up). */
  waiting: boolean;
  deliveredAt: number | null;
}

/** The outcome of one attempt: delivered, tried again at `nextAttemptAt`, or failed (`nextAttemptAt` null). */
export interface AttemptResult {
  id: number;
  delivered: boolean;
  nextAttemptAt: number | null;
  error: string | null;
  at: number;
}

/** New deliveries sorted per statement. */
const SORT_BATCH = 1000;
const COLUMNS = "id, output_position, output_id, type, entity, endpoint, payload, status, attempts, since, next_attempt_at, last_error, delivered_at, place";

export class DeliveryStore {
  constructor(private readonly store: Store) {}

  private get sql() {
    return this.store.driver;
  }

  private get workspace(): string {
    return this.store.workspace;
  }

  /**
   * Sorts the deliveries written or retried since the last call into their
   * record and webhook's queue (migration 5): the earliest pending one is the
   * head, the others wait behind it; a retried one ahead of the head makes
   * the head wait. Each is sorted once, with an index probe, so the cost
   * follows what was written, not what is stored.
   */
  async sortNew(): Promise<void> {
    for (;;) {
      // Each look-up is the first pending of one record and webhook, in
      // output order, which only the order index answers: a plan cannot turn
      // it into a scan of every pending delivery, with or without statistics
      // (PGlite never gathers them).
      const rows = await this.sql.query(
        `WITH batch AS (
           SELECT id, endpoint, entity FROM stagecraft_deliveries
            WHERE workspace = $1 AND status = 'pending' AND place = 'new' ORDER BY id LIMIT $2),
         sorted AS (
           SELECT b.id, b.endpoint, b.entity, first.id <> b.id AS behind
             FROM batch b,
                  LATERAL (SELECT e.id FROM stagecraft_deliveries e
                            WHERE e.workspace = $1 AND e.status = 'pending' AND e.endpoint = b.endpoint AND e.entity = b.entity
                            ORDER BY e.output_position LIMIT 1) AS first),
         placed AS (
           UPDATE stagecraft_deliveries d SET place = CASE WHEN s.behind THEN 'behind' ELSE 'head' END
             FROM sorted s WHERE d.workspace = $1 AND d.id = s.id RETURNING d.id),
         overtaken AS (
           UPDATE stagecraft_deliveries d SET place = 'behind'
             FROM sorted s,
                  LATERAL (SELECT e.id FROM stagecraft_deliveries e
                            WHERE e.workspace = $1 AND e.status = 'pending' AND e.endpoint = s.endpoint AND e.entity = s.entity
                              AND e.place = 'head' AND e.id <> s.id
                            ORDER BY e.output_position LIMIT 1) AS head
            WHERE NOT s.behind AND d.workspace = $1 AND d.id = head.id
            RETURNING d.id)
         SELECT (SELECT count(*) FROM placed) AS placed, (SELECT count(*) FROM overtaken) AS overtaken`,
        [this.workspace, SORT_BATCH],
      );
      if (Number(rows[0]!.placed) < SORT_BATCH) return;
    }
  }

  /**
   * The heads due at `now` (sortNew first), earliest due first, at most
   * `limit`: one per record and webhook, so a record with many effects at
   * once sends one per round, and the record whose head came due earlier goes
   * first. Reads the index of heads only.
   */
  async due(now: number, limit: number): Promise<Delivery[]> {
    const rows = await this.sql.query(
      `SELECT ${COLUMNS} FROM stagecraft_deliveries
        WHERE workspace = $1 AND status = 'pending' AND place = 'head' AND next_attempt_at <= $2
        ORDER BY next_attempt_at, output_position LIMIT $3`,
      [this.workspace, now, limit],
    );
    return rows.map(deliveryOf);
  }

  /** When the next round is due: now when some are not sorted yet, else the earliest head's time; null when none is pending. */
  async nextDue(now: number): Promise<number | null> {
    const rows = await this.sql.query(
      `SELECT CASE WHEN EXISTS (SELECT 1 FROM stagecraft_deliveries WHERE workspace = $1 AND status = 'pending' AND place = 'new') THEN $2
                   ELSE (SELECT min(next_attempt_at) FROM stagecraft_deliveries WHERE workspace = $1 AND status = 'pending' AND place = 'head') END AS due`,
      [this.workspace, now],
    );
    return rows[0]?.due === null || rows[0]?.due === undefined ? null : Number(rows[0].due);
  }

  /**
   * Writes the outcomes of a round of attempts, and makes the next delivery
   * of each record whose head was delivered or given up its head, due at
   * `now`, in the same transaction.
   */
  async record(results: readonly AttemptResult[], now: number): Promise<void> {
    if (results.length === 0) return;
    await this.sql.transaction(async (sql) => {
      const finished = await sql.query(
        `UPDATE stagecraft_deliveries d
            SET attempts = d.attempts + 1,
                status = CASE WHEN r.delivered THEN 'delivered' WHEN r.next_at IS NULL THEN 'failed' ELSE 'pending' END,
                next_attempt_at = coalesce(r.next_at, d.next_attempt_at),
                last_error = CASE WHEN r.delivered THEN d.last_error ELSE r.error END,
                delivered_at = CASE WHEN r.delivered THEN r.at ELSE d.delivered_at END
           FROM unnest($2::bigint[], $3::boolean[], $4::bigint[], $5::text[], $6::bigint[]) AS r(id, delivered, next_at, error, at)
          WHERE d.workspace = $1 AND d.id = r.id AND d.status = 'pending'
          RETURNING d.endpoint, d.entity, d.status`,
        [
          this.workspace,
          results.map((result) => result.id),
          results.map((result) => result.delivered),
          results.map((result) => result.nextAttemptAt),
          results.map((result) => result.error),
          results.map((result) => result.at),
        ],
      );
      const done = finished.filter((row) => row.status !== "pending");
      if (done.length === 0) return;
      await sql.query(
        `UPDATE stagecraft_deliveries d SET place = 'head', next_attempt_at = $4
           FROM unnest($2::text[], $3::text[]) AS f(endpoint, entity),
                LATERAL (SELECT e.id FROM stagecraft_deliveries e
                          WHERE e.workspace = $1 AND e.status = 'pending' AND e.endpoint = f.endpoint AND e.entity = f.entity
                          ORDER BY e.output_position LIMIT 1) AS first
          WHERE d.workspace = $1 AND d.id = first.id AND d.place = 'behind'`,
        [this.workspace, done.map((row) => String(row.endpoint)), done.map((row) => String(row.entity)), now],
      );
    });
  }

  /** Deliveries with this status after id `after`, by id, at most `limit`. */
  async list(status: DeliveryStatus, after: number, limit: number): Promise<Delivery[]> {
    const rows = await this.sql.query(`SELECT ${COLUMNS} FROM stagecraft_deliveries WHERE workspace = $1 AND status = $2 AND id > $3 ORDER BY id LIMIT $4`, [
      this.workspace,
      status,
      after,
      limit,
    ]);
    return rows.map(deliveryOf);
  }

  async get(id: number): Promise<Delivery | undefined> {
    const rows = await this.sql.query(`SELECT ${COLUMNS} FROM stagecraft_deliveries WHERE workspace = $1 AND id = $2`, [this.workspace, id]);
    return rows[0] ? deliveryOf(rows[0]) : undefined;
  }

  /**
   * Makes a failed or pending delivery due at `now`; a failed one gets a new
   * window of retries from `now`, and is sorted into its record's queue
   * again. Returns the delivery as it is then (a delivered one unchanged),
   * undefined when there is none with this id.
   */
  async retry(id: number, now: number): Promise<Delivery | undefined> {
    const rows = await this.sql.query(
      `UPDATE stagecraft_deliveries
          SET status = 'pending', next_attempt_at = $3,
              place = CASE WHEN status = 'failed' THEN 'new' ELSE place END,
              attempts = CASE WHEN status = 'failed' THEN 0 ELSE attempts END,
              since = CASE WHEN status = 'failed' THEN $3 ELSE since END
        WHERE workspace = $1 AND id = $2 AND status <> 'delivered'
        RETURNING ${COLUMNS}`,
      [this.workspace, id, now],
    );
    return rows[0] ? deliveryOf(rows[0]) : await this.get(id);
  }
}

function deliveryOf(row: Row): Delivery {
  return {
    id: Number(row.id),
    outputPosition: Number(row.output_position),
    outputId: String(row.output_id),
    type: String(row.type),
    entity: String(row.entity),
    endpoint: String(row.endpoint),
    payload: String(row.payload),
    status: String(row.status) as DeliveryStatus,
    attempts: Number(row.attempts),
    since: Number(row.since),
    nextAttemptAt: Number(row.next_attempt_at),
    lastError: row.last_error === null ? null : String(row.last_error),
    deliveredAt: row.delivered_at === null ? null : Number(row.delivered_at),
    waiting: row.status === "pending" && row.place === "behind",
  };
}
