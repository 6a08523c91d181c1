// One writer per data directory: a lock file created exclusively, holding the
// writer's pid, host and start time. A lock left by a process that no longer
// runs on this host (killed, crashed) is stale and taken over; one held by a
// live process, or by another host (which this host cannot check), refuses.
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { join, resolve } from "node:path";
import { StoreLockedError } from "./errors";

interface LockHolder {
  pid: number;
  host: string;
  since: string;
  command: string;
}

/** Directories this process holds: a second open from the same process is refused like any other. */
const heldHere = new Set<string>();

/** Takes the lock of `dir` (created when missing) for `command`; returns the release. */
export function lockDirectory(dir: string, command: string): () => void {
  const path = join(resolve(dir), "writer.lock");
  mkdirSync(dir, { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, "wx");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readHolder(path);
      if (holder && !isStale(holder, path)) {
        throw new StoreLockedError(
          `the store in ${dir} is in use by \`${holder.command}\` (pid ${holder.pid} on ${holder.host}, since ${holder.since}); stop that process first, or give another --data folder`,
        );
      }
      // Stale, or a file its writer never finished: the process that made it is gone.
      unlinkSync(path);
      continue;
    }
    const holder: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString(), command };
    writeSync(fd, JSON.stringify(holder) + "\n");
    closeSync(fd);
    heldHere.add(path);
    return () => {
      heldHere.delete(path);
      try {
        unlinkSync(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      }
    };
  }
  throw new StoreLockedError(`the store in ${dir} is being locked by another process at the same moment; try again`);
}

function readHolder(path: string): LockHolder | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, "utf8")) as Partial<LockHolder>;
    if (typeof parsed.pid !== "number" || typeof parsed.host !== "string") return undefined;
    return { pid: parsed.pid, host: parsed.host, since: String(parsed.since), command: String(parsed.command) };
  } catch {
    return undefined;
  }
}

function isStale(holder: LockHolder, path: string): boolean {
  if (holder.host !== hostname()) return false;
  // Our own pid: held by this process, or left by an earlier process that had the same pid.
  if (holder.pid === process.pid) return !heldHere.has(path);
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}
