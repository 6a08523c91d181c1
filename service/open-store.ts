// Where a command's store is: `--data DIR` (PGlite, the default `./.stagecraft`)
// or `--database URL` / STAGECRAFT_DATABASE_URL (a PostgreSQL server).
import { DEFAULT_WORKSPACE, Store } from "./store/store";
import { openPglite } from "./store/pglite-driver";
import { openPostgres } from "./store/postgres-driver";

export const DEFAULT_DATA_DIR = "./.stagecraft";

export interface StoreLocation {
  data?: string;
  database?: string;
}

export interface OpenOptions {
  /** The command line, shown to whoever finds the store locked. */
  command: string;
  /** Take the writer lock (serve). PGlite takes it for readers too: one process at a time opens its files. */
  writer: boolean;
  onLockLost?: (error: Error) => void;
}

export async function openStore(location: StoreLocation, options: OpenOptions): Promise<Store> {
  if (location.database !== undefined) {
    const driver = await openPostgres(location.database, {
      command: options.command,
      ...(options.writer ? { writerOf: DEFAULT_WORKSPACE } : {}),
      ...(options.onLockLost ? { onLockLost: options.onLockLost } : {}),
    });
    return new Store(driver);
  }
  return new Store(await openPglite(location.data ?? DEFAULT_DATA_DIR, options.command));
}
