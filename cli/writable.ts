// A file a command writes at its end (a snapshot, a module) is checked before
// the work: a run that prints its whole output and then fails to save wastes
// the run and leaves its reader with output and an error.
import { accessSync, constants, statSync } from "node:fs";
import { dirname } from "node:path";
import { cannotWrite } from "./errors";

export function checkWritable(what: string, path: string): void {
  try {
    const stats = statSync(path, { throwIfNoEntry: false });
    if (stats?.isDirectory()) throw Object.assign(new Error("is a folder"), { code: "EISDIR" });
    // A new file needs a folder to be made in; an existing one must be writable itself.
    const target = stats ? path : dirname(path);
    if (!stats && !statSync(target).isDirectory()) throw Object.assign(new Error("not a folder"), { code: "ENOTDIR" });
    accessSync(target, constants.W_OK);
  } catch (error) {
    throw cannotWrite(what, path, error);
  }
}
