// `--data DIR` / `--database URL` (or STAGECRAFT_DATABASE_URL), shared by
// `serve` and `log export`: which store a command opens.
import { usageError } from "./errors";

export interface StoreFlags {
  data?: string;
  database?: string;
}

export function storeLocation(flags: StoreFlags, env: Readonly<Record<string, string | undefined>>): StoreFlags {
  if (flags.data !== undefined && flags.database !== undefined) throw usageError("give either --data or --database, not both");
  if (flags.data !== undefined) return { data: flags.data };
  const database = flags.database ?? (env.STAGECRAFT_DATABASE_URL || undefined);
  return database !== undefined ? { database } : {};
}
