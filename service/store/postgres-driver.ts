// The store in a PostgreSQL server (node-postgres). The writer holds a session
// advisory lock on its own connection for as long as it runs; the lock's key
// derives from the schema and the workspace, so two stores in one database
// do not block each other. Readers take no lock: they read committed rows.
import { hostname } from "node:os";
import pg from "pg";
import type { Row, SqlDriver, SqlRunner } from "./driver";
import { ServeError, StoreLockedError } from "./errors";

export interface PostgresOptions {
  /** `serve …` or `log export`: shown to whoever finds the lock taken. */
  command: string;
  /** Take the writer lock of this workspace (serve); omitted for readers. */
  writerOf?: string;
  /** Called when the lock's connection is lost: another writer may now start, so this one must stop. */
  onLockLost?: (error: Error) => void;
}

export async function openPostgres(url: string, options: PostgresOptions): Promise<SqlDriver> {
  // PostgreSQL keeps 63 bytes of a name: the command's first words, then who runs it.
  const command = options.command.split(" ").slice(0, 2).join(" ");
  const config = { connectionString: url, application_name: `${command} (pid ${process.pid} on ${hostname()})`.slice(0, 63) };
  const pool = new pg.Pool({ ...config, max: 4 });
  // An idle connection that drops is replaced on the next query; it must not end the process.
  pool.on("error", () => undefined);
  let releaseLock: (() => Promise<void>) | undefined;
  try {
    await pool.query("SELECT 1");
    if (options.writerOf !== undefined) releaseLock = await takeWriterLock(config, options.writerOf, url, options.onLockLost);
  } catch (error) {
    await pool.end();
    if (error instanceof ServeError) throw error;
    throw new ServeError(`cannot connect to the PostgreSQL server at ${redact(url)}: ${(error as Error).message}`);
  }
  const runner = (target: pg.Pool | pg.PoolClient): SqlRunner => ({
    query: async (sql, params) => (await target.query<Row>(sql, params ? [...params] : undefined)).rows,
    script: async (sql) => {
      await target.query(sql);
    },
  });
  return {
    description: `PostgreSQL at ${redact(url)}`,
    ...runner(pool),
    transaction: async (work) => {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await work(runner(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: async () => {
      try {
        await pool.end();
      } finally {
        await releaseLock?.();
      }
    },
  };
}

/** Takes the lock on a connection of its own; returns its release (ending the session releases the lock). */
async function takeWriterLock(config: pg.ClientConfig, workspace: string, url: string, onLost: ((error: Error) => void) | undefined): Promise<() => Promise<void>> {
  const client = new pg.Client(config);
  await client.connect();
  const key = "hashtextextended('stagecraft writer ' || current_schema() || ' ' || $1, 0)";
  const taken = await client.query<{ taken: boolean }>(`SELECT pg_try_advisory_lock(${key}) AS taken`, [workspace]);
  if (taken.rows[0]!.taken) {
    let lost = false;
    const lose = (why: string): void => {
      if (lost) return;
      lost = true;
      onLost?.(new ServeError(`lost the writer lock of ${redact(url)}: ${why}; stopping, since another writer may now start`));
    };
    client.on("error", (error) => lose(error.message));
    client.on("end", () => lose("its connection closed"));
    // Our own close ends the connection too: that is not a loss.
    return async () => {
      lost = true;
      await client.end();
    };
  }
  const holder = await client.query<{ pid: number; application_name: string; client_addr: string | null; backend_start: Date }>(
    `SELECT a.pid, a.application_name, host(a.client_addr) AS client_addr, a.backend_start
       FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'advisory' AND l.objsubid = 1 AND l.granted
        AND ((l.classid::bigint << 32) | l.objid::bigint) = ${key}`,
    [workspace],
  );
  await client.end();
  const row = holder.rows[0];
  const who = row
    ? `\`${row.application_name || "an unnamed client"}\` (server pid ${row.pid}, from ${row.client_addr ?? "a local socket"}, since ${row.backend_start.toISOString()})`
    : "another session";
  throw new StoreLockedError(`the store at ${redact(url)} (workspace ${workspace}) is in use by ${who}; stop that process first`);
}

/** The URL without its password, for messages and logs. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "the given database URL";
  }
}
