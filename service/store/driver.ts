// What the store needs from a database: statements with parameters, run one
// at a time or together in one transaction. PGlite and node-postgres each
// implement it in a few lines (pglite-driver.ts, postgres-driver.ts).

export type Row = Record<string, unknown>;

export interface SqlRunner {
  /** One statement, with `$1`… parameters. */
  query(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Several statements without parameters (a migration). */
  script(sql: string): Promise<void>;
}

export interface SqlDriver extends SqlRunner {
  /** How the start line and errors name the store, e.g. `PGlite in ./.stagecraft`. */
  readonly description: string;
  /** Runs `work` in one transaction: committed when it returns, rolled back when it throws. */
  transaction<T>(work: (sql: SqlRunner) => Promise<T>): Promise<T>;
  /** Closes the connection and releases the store's writer lock when this driver holds it. */
  close(): Promise<void>;
}
