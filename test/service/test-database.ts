// PostgreSQL for the service's tests: the server named by
// STAGECRAFT_TEST_DATABASE_URL (`.ci/run` sets it). Each test gets a database of
// its own, dropped when it ends. Without a server the PostgreSQL tests say so in one
// line and are skipped; with CI set, a missing server fails the run instead.
import pg from "pg";

export const testDatabaseUrl = process.env.STAGECRAFT_TEST_DATABASE_URL;

/** Why the PostgreSQL tests cannot run, or undefined when the server answers. */
export async function postgresUnavailable(): Promise<string | undefined> {
  if (testDatabaseUrl === undefined || testDatabaseUrl === "") return "STAGECRAFT_TEST_DATABASE_URL is not set";
  const client = new pg.Client({ connectionString: testDatabaseUrl, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query("select 1");
    return undefined;
  } catch (error) {
    return `no PostgreSQL server at ${testDatabaseUrl} (${(error as Error).message})`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A new, empty database on the test server; `drop` removes it even while connections remain. */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const name = `stagecraft_${label}_${process.pid}_${Date.now().toString(36)}`.toLowerCase().replace(/[^a-z0-9_]/g, "_");
  await adminQuery(`create database ${name}`);
  const url = new URL(testDatabaseUrl!);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => adminQuery(`drop database if exists ${name} with (force)`),
  };
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: testDatabaseUrl, connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
