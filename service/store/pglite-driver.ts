// The embedded store: PGlite (PostgreSQL compiled to WebAssembly) in a data
// directory, `<dir>/pgdata`, beside the writer lock file `<dir>/writer.lock`.
// PGlite runs in this process, so one process at a time may open the
// directory: readers (`log export`) take the lock too.
import { join, resolve } from "node:path";
import { PGlite, type Transaction } from "@electric-sql/pglite";
import type { Row, SqlDriver, SqlRunner } from "./driver";
import { lockDirectory } from "./dir-lock";

export async function openPglite(dir: string, command: string): Promise<SqlDriver> {
  const release = lockDirectory(dir, command);
  let db: PGlite;
  try {
    db = await PGlite.create(join(resolve(dir), "pgdata"));
  } catch (error) {
    release();
    throw error;
  }
  const runner = (target: PGlite | Transaction): SqlRunner => ({
    query: async (sql, params) => (await target.query<Row>(sql, params ? [...params] : undefined)).rows,
    script: async (sql) => {
      await target.exec(sql);
    },
  });
  return {
    description: `PGlite in ${dir}`,
    ...runner(db),
    transaction: (work) => db.transaction((tx) => work(runner(tx))),
    close: async () => {
      try {
        await db.close();
      } finally {
        release();
      }
    },
  };
}
