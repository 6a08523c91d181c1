// The outbox's rows (stagecraft_deliveries, migration 4): what the dispatcher
// reads and marks, and what GET /v1/deliveries lists. Results of a round are
// written in one statement.
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

/** How many due deliveries, per one sent, a round looks at. */
const LOOK_AHEAD = 4;
const COLUMNS = "id, output_position, output_id, type, entity, endpoint, payload, status, attempts, since, next_attempt_at, last_error, delivered_at";

export class DeliveryStore {
  constructor(private readonly store: Store) {}

  private get sql() {
    return this.store.driver;
  }

  private get workspace(): string {
    return this.store.workspace;
  }

  /**
   * Pending deliveries due at `now`, each the earliest pending one of its
   * record and webhook (a later effect of a record waits for the earlier),
   * in output order, at most `limit`. Only the first due ones in output order
   * are looked at (a few rounds' worth), so a round costs the same however
   * many are pending; one found waiting for the earliest of its record and
   * webhook, which is tried again later, is made due then, so it is not
   * looked at again before.
   */
  async due(now: number, limit: number): Promise<Delivery[]> {
    const rows = await this.sql.query(
      `SELECT ${COLUMNS},
              (SELECT e.next_attempt_at FROM stagecraft_deliveries e
                WHERE e.workspace = $1 AND e.status = 'pending' AND e.endpoint = d.endpoint
                  AND e.entity = d.entity AND e.output_position < d.output_position
                ORDER BY e.output_position LIMIT 1) AS waits_until
         FROM (SELECT ${COLUMNS} FROM stagecraft_deliveries
                WHERE workspace = $1 AND status = 'pending' AND next_attempt_at <= $2
                ORDER BY output_position, id LIMIT $3) d
        ORDER BY d.output_position, d.id`,
      [this.workspace, now, limit * LOOK_AHEAD],
    );
    const later = rows.filter((row) => row.waits_until !== null && Number(row.waits_until) > now);
    if (later.length > 0) {
      await this.sql.query(
        `UPDATE stagecraft_deliveries d SET next_attempt_at = w.at
           FROM unnest($2::bigint[], $3::bigint[]) AS w(id, at)
          WHERE d.workspace = $1 AND d.id = w.id AND d.status = 'pending'`,
        [this.workspace, later.map((row) => Number(row.id)), later.map((row) => Number(row.waits_until))],
      );
    }
    return rows
      .filter((row) => row.waits_until === null)
      .slice(0, limit)
      .map(deliveryOf);
  }

  /** When the next pending delivery is due; null when none is pending. */
  async nextDue(): Promise<number | null> {
    const rows = await this.sql.query("SELECT min(next_attempt_at) AS due FROM stagecraft_deliveries WHERE workspace = $1 AND status = 'pending'", [this.workspace]);
    return rows[0]?.due === null || rows[0]?.due === undefined ? null : Number(rows[0].due);
  }

  /** Writes the outcomes of a round of attempts. */
  async record(results: readonly AttemptResult[]): Promise<void> {
    if (results.length === 0) return;
    await this.sql.query(
      `UPDATE stagecraft_deliveries d
          SET attempts = d.attempts + 1,
              status = CASE WHEN r.delivered THEN 'delivered' WHEN r.next_at IS NULL THEN 'failed' ELSE 'pending' END,
              next_attempt_at = coalesce(r.next_at, d.next_attempt_at),
              last_error = CASE WHEN r.delivered THEN d.last_error ELSE r.error END,
              delivered_at = CASE WHEN r.delivered THEN r.at ELSE d.delivered_at END
         FROM unnest($2::bigint[], $3::boolean[], $4::bigint[], $5::text[], $6::bigint[]) AS r(id, delivered, next_at, error, at)
        WHERE d.workspace = $1 AND d.id = r.id AND d.status = 'pending'`,
      [
        this.workspace,
        results.map((result) => result.id),
        results.map((result) => result.delivered),
        results.map((result) => result.nextAttemptAt),
        results.map((result) => result.error),
        results.map((result) => result.at),
      ],
    );
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
   * window of retries from `now`. Returns the delivery as it is then (a
   * delivered one unchanged), undefined when there is none with this id.
   */
  async retry(id: number, now: number): Promise<Delivery | undefined> {
    const rows = await this.sql.query(
      `UPDATE stagecraft_deliveries
          SET status = 'pending', next_attempt_at = $3,
              attempts = CASE WHEN status = 'failed' THEN 0 ELSE attempts END,
              since = CASE WHEN status = 'failed' THEN $3 ELSE since END
        WHERE workspace = $1 AND id = $2 AND status <> 'delivered'
        RETURNING ${COLUMNS}`,
      [this.workspace, id, now],
    );
    const delivery = rows[0] ? deliveryOf(rows[0]) : await this.get(id);
    if (delivery?.status === "pending") {
      // What waits behind it goes as soon as it is delivered.
      await this.sql.query(
        `UPDATE stagecraft_deliveries SET next_attempt_at = $5
          WHERE workspace = $1 AND status = 'pending' AND endpoint = $2 AND entity = $3 AND output_position > $4 AND next_attempt_at > $5`,
        [this.workspace, delivery.endpoint, delivery.entity, delivery.outputPosition, now],
      );
    }
    return delivery;
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
  };
}
