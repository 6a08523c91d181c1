// The versions of the rules a workspace has run (stagecraft_versions,
// migration 3), and the one write that deploys a new one: its version row,
// its log entry with the outputs the deploy produced, and the workspace's
// active rules, in one transaction, so a deploy is stored whole or not at all.
import type { Row, SqlDriver } from "./driver";
import { Store, type LogEntry, type StoredOutput } from "./store";

export interface RuleVersion {
  version: number;
  fingerprint: string;
  /** The program's IR as JSON (service/rules-identity.ts `storedRules`). */
  rules: string;
  /** The files compiled to `rules`: deployed, or for version 1 those `serve` started the workspace with; empty for a version 1 stored before they were kept. */
  sources: Array<{ path: string; text: string }>;
  /** The deploy's log entry; 0 for the first version. */
  logPosition: number;
  /** The service's clock at the deploy (output form); null for the first version. */
  at: string | null;
}

/** The deploy entry of version N: what a replay reads to move to its rules. */
export function deployEntry(position: number, at: string, version: number): LogEntry {
  return { position, kind: "deploy", at, eventId: null, event: JSON.stringify({ version }) };
}

/** The version a deploy entry names. */
export function deployedVersion(entry: LogEntry): number {
  return (JSON.parse(entry.event!) as { version: number }).version;
}

/** Every version, oldest first. */
export async function readVersions(store: Store): Promise<RuleVersion[]> {
  const rows = await store.driver.query(
    "SELECT version, fingerprint, rules, sources, log_position, at FROM stagecraft_versions WHERE workspace = $1 ORDER BY version",
    [store.workspace],
  );
  return rows.map(versionOf);
}

/** A new workspace's first rules: the workspace row and version 1, with the files `serve` compiled them from. */
export async function saveFirstVersion(store: Store, first: Pick<RuleVersion, "fingerprint" | "rules" | "sources">): Promise<void> {
  const { fingerprint, rules, sources } = first;
  await store.driver.transaction(async (sql) => {
    await sql.query("INSERT INTO stagecraft_workspaces (workspace, fingerprint, rules) VALUES ($1, $2, $3)", [store.workspace, fingerprint, rules]);
    await sql.query("INSERT INTO stagecraft_versions (workspace, version, fingerprint, rules, sources, log_position) VALUES ($1, 1, $2, $3, $4, 0)", [
      store.workspace,
      fingerprint,
      rules,
      JSON.stringify(sources),
    ]);
  });
}

/**
 * Stores the files of version 1 when it has none (a workspace started before
 * they were kept) and `rules`, which they compile to, are version 1's: the
 * files `serve` starts with then are version 1's files.
 */
export async function fillFirstSources(store: Store, rules: string, sources: RuleVersion["sources"]): Promise<void> {
  await store.driver.query("UPDATE stagecraft_versions SET sources = $3 WHERE workspace = $1 AND version = 1 AND sources = '[]' AND rules = $2", [
    store.workspace,
    rules,
    JSON.stringify(sources),
  ]);
}

/** Stores a deploy whole: the version, its log entry and outputs (as `Store.append` writes them), and the active rules. */
export async function saveDeploy(store: Store, version: RuleVersion, entry: LogEntry, outputs: readonly StoredOutput[]): Promise<void> {
  await store.driver.transaction(async (sql) => {
    await sql.query(
      "INSERT INTO stagecraft_versions (workspace, version, fingerprint, rules, sources, log_position, at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
      [store.workspace, version.version, version.fingerprint, version.rules, JSON.stringify(version.sources), version.logPosition, version.at],
    );
    await sql.query("UPDATE stagecraft_workspaces SET fingerprint = $2, rules = $3 WHERE workspace = $1", [store.workspace, version.fingerprint, version.rules]);
    const inTransaction: SqlDriver = { description: store.driver.description, ...sql, transaction: (inner) => inner(sql), close: async () => undefined };
    await new Store(inTransaction, store.workspace).append([entry], outputs);
  });
}

function versionOf(row: Row): RuleVersion {
  return {
    version: Number(row.version),
    fingerprint: String(row.fingerprint),
    rules: String(row.rules),
    sources: JSON.parse(String(row.sources)) as RuleVersion["sources"],
    logPosition: Number(row.log_position),
    at: row.at === null ? null : String(row.at),
  };
}
