// The service's store: the log, the outputs, snapshots and the rules a
// workspace runs, over either driver. Every statement names its workspace;
// writes of one request go out as one statement (multi-row inserts through
// unnest), never one round trip per row.
import type { SqlDriver, Row } from "./driver";
import { migrations } from "./migrations";
import { EventIdTakenError } from "./errors";
import type { OutboxEntry } from "../webhooks/outbox-entry";

export const DEFAULT_WORKSPACE = "default";

export interface LogEntry {
  position: number;
  /** A deploy's `event` is `{"version":N}` (service/store/rule-versions.ts). */
  kind: "event" | "tick" | "deploy";
  /** The instant the entry was processed at, output form (UTC). */
  at: string;
  eventId: string | null;
  /** The input event as accepted (JSON); null for a tick. */
  event: string | null;
}

export interface StoredOutput {
  position: number;
  logPosition: number;
  id: string;
  /** The output as `run` prints it. */
  line: string;
  /** Webhook deliveries of the output (an effect), written with it. */
  deliveries?: OutboxEntry[];
}

/** A snapshot's head row: where in the log it stands, and its head (JSON; the runtime's SnapshotHead). */
export interface StoredSnapshot {
  logPosition: number;
  outputPosition: number;
  events: number;
  fingerprint: string;
  head: string;
  /** How many parts (rows of stagecraft_snapshot_parts, numbered from 0) it has. */
  parts: number;
}

export interface WorkspaceRules {
  fingerprint: string;
  /** The rules' IR as JSON. */
  rules: string;
}

export class Store {
  constructor(
    readonly driver: SqlDriver,
    readonly workspace: string = DEFAULT_WORKSPACE,
  ) {}

  get description(): string {
    return this.driver.description;
  }

  /** Applies the migrations this store lacks, each in its own transaction. */
  async migrate(): Promise<void> {
    await this.driver.query("CREATE TABLE IF NOT EXISTS stagecraft_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
    const applied = new Set((await this.driver.query("SELECT version FROM stagecraft_migrations")).map((row) => Number(row.version)));
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      await this.driver.transaction(async (sql) => {
        await sql.script(migration.sql);
        await sql.query("INSERT INTO stagecraft_migrations (version, name) VALUES ($1, $2)", [migration.version, migration.name]);
      });
    }
  }

  /** Fails when the database does not answer. */
  async ping(): Promise<void> {
    await this.driver.query("SELECT 1");
  }

  /** False when no `serve` has written here yet (nothing to export). */
  async exists(): Promise<boolean> {
    const rows = await this.driver.query("SELECT to_regclass('stagecraft_workspaces') IS NOT NULL AS present");
    if (rows[0]?.present !== true) return false;
    return (await this.rules()) !== undefined;
  }

  async rules(): Promise<WorkspaceRules | undefined> {
    const rows = await this.driver.query("SELECT fingerprint, rules FROM stagecraft_workspaces WHERE workspace = $1", [this.workspace]);
    const row = rows[0];
    return row ? { fingerprint: String(row.fingerprint), rules: String(row.rules) } : undefined;
  }

  async saveRules(rules: WorkspaceRules): Promise<void> {
    await this.driver.query("INSERT INTO stagecraft_workspaces (workspace, fingerprint, rules) VALUES ($1, $2, $3)", [this.workspace, rules.fingerprint, rules.rules]);
  }

  /** The newest complete snapshot: one whose head is written. */
  async latestSnapshot(): Promise<StoredSnapshot | undefined> {
    const rows = await this.driver.query(
      "SELECT log_position, output_position, events, fingerprint, state, parts FROM stagecraft_snapshots WHERE workspace = $1 ORDER BY log_position DESC LIMIT 1",
      [this.workspace],
    );
    const row = rows[0];
    if (!row) return undefined;
    return {
      logPosition: Number(row.log_position),
      outputPosition: Number(row.output_position),
      events: Number(row.events),
      fingerprint: String(row.fingerprint),
      head: String(row.state),
      parts: Number(row.parts),
    };
  }

  /** The parts `from`… of the snapshot at `logPosition`, in order, at most `limit`. */
  async readSnapshotParts(logPosition: number, from: number, limit: number): Promise<string[]> {
    const rows = await this.driver.query(
      "SELECT data FROM stagecraft_snapshot_parts WHERE workspace = $1 AND log_position = $2 AND part >= $3 ORDER BY part LIMIT $4",
      [this.workspace, logPosition, from, limit],
    );
    return rows.map((row) => String(row.data));
  }

  /** One part of a snapshot being written; it counts once `completeSnapshot` writes the head. */
  async saveSnapshotPart(logPosition: number, part: number, data: string): Promise<void> {
    await this.driver.query(
      "INSERT INTO stagecraft_snapshot_parts (workspace, log_position, part, data) VALUES ($1, $2, $3, $4) ON CONFLICT (workspace, log_position, part) DO UPDATE SET data = EXCLUDED.data",
      [this.workspace, logPosition, part, data],
    );
  }

  /**
   * Writes the head of a snapshot whose parts are written, and drops older
   * snapshots, with the parts of any left without a head (a write cut short):
   * restart reads the newest, the log holds the rest.
   */
  async completeSnapshot(snapshot: StoredSnapshot): Promise<void> {
    await this.driver.transaction(async (sql) => {
      await sql.query(
        "INSERT INTO stagecraft_snapshots (workspace, log_position, output_position, events, fingerprint, state, parts) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (workspace, log_position) DO UPDATE SET state = EXCLUDED.state, fingerprint = EXCLUDED.fingerprint, parts = EXCLUDED.parts",
        [this.workspace, snapshot.logPosition, snapshot.outputPosition, snapshot.events, snapshot.fingerprint, snapshot.head, snapshot.parts],
      );
      await sql.query("DELETE FROM stagecraft_snapshots WHERE workspace = $1 AND log_position < $2", [this.workspace, snapshot.logPosition]);
      await sql.query("DELETE FROM stagecraft_snapshot_parts WHERE workspace = $1 AND (log_position < $2 OR (log_position = $2 AND part >= $3))", [this.workspace, snapshot.logPosition, snapshot.parts]);
    });
  }

  /** The last log and output positions (0 when empty). */
  async lastPositions(): Promise<{ log: number; output: number }> {
    const rows = await this.driver.query(
      "SELECT (SELECT coalesce(max(position), 0) FROM stagecraft_log WHERE workspace = $1) AS log, (SELECT coalesce(max(position), 0) FROM stagecraft_outputs WHERE workspace = $1) AS output",
      [this.workspace],
    );
    return { log: Number(rows[0]!.log), output: Number(rows[0]!.output) };
  }

  /** Log entries after `after`, in order, at most `limit`. */
  async readLog(after: number, limit: number): Promise<LogEntry[]> {
    const rows = await this.driver.query(
      "SELECT position, kind, at, event_id, event FROM stagecraft_log WHERE workspace = $1 AND position > $2 ORDER BY position LIMIT $3",
      [this.workspace, after, limit],
    );
    return rows.map(logEntryOf);
  }

  /** The stored events among `ids`: id → the event as accepted (JSON). One query. */
  async storedEvents(ids: readonly string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    if (ids.length === 0) return found;
    const rows = await this.driver.query("SELECT event_id, event FROM stagecraft_log WHERE workspace = $1 AND event_id = ANY($2::text[])", [this.workspace, ids]);
    for (const row of rows) found.set(String(row.event_id), String(row.event));
    return found;
  }

  /**
   * Log entries, the outputs they produced and the outputs' webhook
   * deliveries, in one statement: all are stored or none. An event id the log holds already fails it with
   * EventIdTakenError.
   */
  async append(entries: readonly LogEntry[], outputs: readonly StoredOutput[]): Promise<void> {
    if (entries.length === 0) return;
    const log = columns(entries, ["position", "kind", "eventId", "at", "event"]);
    const out = columns(outputs, ["position", "logPosition", "id", "line"]);
    const deliveries = outputs.flatMap((output) => output.deliveries ?? []);
    try {
      await this.appendRows(log, out, columns(deliveries, ["outputPosition", "outputId", "type", "entity", "endpoint", "payload", "since"]));
    } catch (error) {
      const { code, constraint } = error as { code?: string; constraint?: string };
      if (code === "23505" && constraint === "stagecraft_log_event_id") throw new EventIdTakenError("an event id of this request is stored already");
      throw error;
    }
  }

  private async appendRows(log: unknown[][], out: unknown[][], deliveries: unknown[][]): Promise<void> {
    const entries = `INSERT INTO stagecraft_log (workspace, position, kind, event_id, at, event)
         SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[])`;
    const outputs = `INSERT INTO stagecraft_outputs (workspace, position, log_position, output_id, line)
         SELECT $1, * FROM unnest($7::bigint[], $8::bigint[], $9::text[], $10::text[])`;
    if (deliveries[0]!.length === 0) {
      await this.driver.query(`WITH entries AS (${entries}) ${outputs}`, [this.workspace, ...log, ...out]);
      return;
    }
    await this.driver.query(
      `WITH entries AS (${entries}), outputs AS (${outputs})
       INSERT INTO stagecraft_deliveries (workspace, output_position, output_id, type, entity, endpoint, payload, since, next_attempt_at)
       SELECT $1, p, i, t, e, u, b, s, s FROM unnest($11::bigint[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::bigint[]) AS d(p, i, t, e, u, b, s)`,
      [this.workspace, ...log, ...out, ...deliveries],
    );
  }

  /** Outputs after `after`, in order, at most `limit`. */
  async readOutputs(after: number, limit: number): Promise<StoredOutput[]> {
    const rows = await this.driver.query(
      "SELECT position, log_position, output_id, line FROM stagecraft_outputs WHERE workspace = $1 AND position > $2 ORDER BY position LIMIT $3",
      [this.workspace, after, limit],
    );
    return rows.map((row) => ({ position: Number(row.position), logPosition: Number(row.log_position), id: String(row.output_id), line: String(row.line) }));
  }

  /** Runs `work` over one view of the store that no concurrent write changes (a repeatable-read transaction). */
  consistentRead<T>(work: (view: Store) => Promise<T>): Promise<T> {
    return this.driver.transaction(async (sql) => {
      await sql.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
      const inTransaction: SqlDriver = {
        description: this.driver.description,
        ...sql,
        transaction: (inner) => inner(sql),
        close: async () => undefined,
      };
      return work(new Store(inTransaction, this.workspace));
    });
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}

function logEntryOf(row: Row): LogEntry {
  return {
    position: Number(row.position),
    kind: row.kind === "tick" || row.kind === "deploy" ? row.kind : "event",
    at: String(row.at),
    eventId: row.event_id === null ? null : String(row.event_id),
    event: row.event === null ? null : String(row.event),
  };
}

/** Rows as one array per column, for `unnest`. */
function columns<T, K extends keyof T>(rows: readonly T[], keys: readonly K[]): unknown[][] {
  const result = keys.map(() => new Array<unknown>(rows.length));
  for (let i = 0; i < rows.length; i++) {
    for (let k = 0; k < keys.length; k++) result[k]![i] = rows[i]![keys[k]!];
  }
  return result;
}
