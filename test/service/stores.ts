// Real stores for the service tests: PGlite in a temporary folder, and
// PostgreSQL from STAGECRAFT_TEST_DATABASE_URL, each test in its own schema,
// removed afterwards. A fresh PGlite folder costs an initdb (seconds), so the
// first one is kept as a template and later folders are copies of it.
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { openStore, type StoreLocation } from "../../service/open-store";
import type { Store } from "../../service/store/store";

// The installed PGlite's version names the template, so an upgrade builds a new one.
// The path is from the repository root (where tests and benchmarks run), so it
// holds when bench/ bundles this module elsewhere.
const pgliteVersion = (JSON.parse(readFileSync(join("node_modules", "@electric-sql", "pglite", "package.json"), "utf8")) as { version: string }).version;
const template = join(tmpdir(), `stagecraft-test-pgdata-${pgliteVersion}`);

/** A new `--data` folder whose PGlite database exists already (empty, as after its first start). */
export async function freshDataDir(): Promise<{ dir: string; remove: () => void }> {
  if (!existsSync(template)) {
    const building = mkdtempSync(join(tmpdir(), "stagecraft-test-pgdata-build-"));
    const db = await PGlite.create(join(building, "pgdata"));
    await db.close();
    try {
      renameSync(join(building, "pgdata"), template);
    } catch {
      // Another test file built it at the same time: theirs is as good.
    }
    rmSync(building, { recursive: true, force: true });
  }
  const dir = mkdtempSync(join(tmpdir(), "stagecraft-test-data-"));
  cpSync(template, join(dir, "pgdata"), { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

const databaseUrl = process.env.STAGECRAFT_TEST_DATABASE_URL;

/** Whether a PostgreSQL server is there; without one the PostgreSQL tests skip, saying so once, unless CI is set. */
export const postgresAvailable: boolean = await (async () => {
  const reason = databaseUrl === undefined ? "STAGECRAFT_TEST_DATABASE_URL is not set" : await unreachable(databaseUrl);
  if (reason === undefined) return true;
  if (process.env.CI) throw new Error(`PostgreSQL tests cannot run: ${reason} (CI is set, so this fails the run)`);
  // Said once per run: the test files' workers share the runner as their parent process.
  try {
    writeFileSync(join(tmpdir(), `stagecraft-test-postgres-skipped-${process.ppid}`), reason, { flag: "wx" });
    console.log(`PostgreSQL tests skipped: ${reason}`);
  } catch {
    // another test file of this run has said it
  }
  return false;
})();

async function unreachable(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return undefined;
  } catch (error) {
    return `no server at ${url} (${(error as Error).message})`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A schema of its own in the test database, and the URL that uses it. */
export async function freshSchema(): Promise<{ url: string; remove: () => Promise<void> }> {
  const schema = `stagecraft_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const url = new URL(databaseUrl!);
  url.searchParams.set("options", `-c search_path=${schema}`);
  return {
    url: url.toString(),
    remove: async () => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      await client.query(`DROP SCHEMA ${schema} CASCADE`);
      await client.end();
    },
  };
}

export interface TestStore {
  name: string;
  /** Where it is, as `--data` / `--database` give it to a command. */
  location: StoreLocation;
  /** Opens the store as `serve` does (taking the writer lock); a second open before close is refused. */
  open(): Promise<Store>;
  remove(): Promise<void>;
}

export type StoreKind = "PGlite" | "PostgreSQL";

/** The kinds to run a suite on: PGlite always, PostgreSQL when a server is there. */
export const storeKinds: StoreKind[] = postgresAvailable ? ["PGlite", "PostgreSQL"] : ["PGlite"];

export async function testStore(kind: StoreKind): Promise<TestStore> {
  if (kind === "PGlite") {
    const { dir, remove } = await freshDataDir();
    return { name: kind, location: { data: dir }, open: () => openStore({ data: dir }, { command: "stagecraft serve (test)", writer: true }), remove: async () => remove() };
  }
  const { url, remove } = await freshSchema();
  return { name: kind, location: { database: url }, open: () => openStore({ database: url }, { command: "stagecraft serve (test)", writer: true }), remove };
}
