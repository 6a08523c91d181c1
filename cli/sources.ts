// Finds and reads the `.rules` files named on the command line. A folder means
// every `.rules` file under it, sorted by path; rule names (`file:line`) use the
// path as given, or relative to the folder given, as docs/contract.md says.
import { readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { SourceText } from "../compiler/index";
import { appendAll } from "../runtime/append-all";
import { cannotRead, FileError, usageError } from "./errors";
import { decodeUtf8, withoutBom } from "./text-encoding";

export interface LoadedSource extends SourceText {
  /** The path to show in diagnostics (relative to the working directory, as the user typed it). */
  diskPath: string;
}

export function loadSources(paths: readonly string[]): LoadedSource[] {
  if (paths.length === 0) throw usageError("no rule files given: pass .rules files or folders");
  const files: Array<{ name: string; diskPath: string }> = [];
  const seen = new Set<string>();
  for (const given of paths) {
    for (const file of expandPath(given)) {
      // A file named on its own and again inside a folder given is one file, read once.
      const real = realpathSync(file.diskPath);
      if (seen.has(real)) continue;
      seen.add(real);
      files.push(file);
    }
  }
  const shown = distinctPaths(files);
  return files.map((file, index) => ({ path: shown[index]!, diskPath: file.diskPath, location: file.diskPath, text: readRules(file.diskPath) }));
}

function readRules(path: string): string {
  const text = readText(path, "rules file");
  if (looksLikeEvents(text)) {
    throw new FileError(`${path} is an events file (JSON Lines), not rules: give it with --events, e.g. \`stagecraft run rules/ --events ${path}\``, path);
  }
  return text;
}

/** No rules item starts with `{`, and an event line is a JSON object with an `entity` or a `type`. */
function looksLikeEvents(text: string): boolean {
  const start = withoutBom(text).trimStart();
  if (!start.startsWith("{")) return false;
  const end = start.indexOf("\n");
  try {
    const first: unknown = JSON.parse(end === -1 ? start : start.slice(0, end));
    return typeof first === "object" && first !== null && ("entity" in first || "type" in first);
  } catch {
    // A pretty-printed events file: its first line is `{` alone.
    return /^\{\s*\n\s*"/.test(start);
  }
}

/**
 * Each file's path for rule names and diagnostics: its name in the folder given,
 * unless another file would show the same path; then the path as given, so that
 * rule names and diagnostics never mix two files up. (`check d b` with `d/b/x.rules`
 * and `b/x.rules`: the first is `b/x.rules` in d, the second is `b/x.rules` as given.)
 */
function distinctPaths(files: ReadonlyArray<{ name: string; diskPath: string }>): string[] {
  const paths = files.map((file) => file.name);
  for (;;) {
    const counts = new Map<string, number>();
    for (const path of paths) counts.set(path, (counts.get(path) ?? 0) + 1);
    let changed = false;
    files.forEach((file, index) => {
      if (counts.get(paths[index]!)! > 1 && paths[index] !== file.diskPath) {
        paths[index] = file.diskPath;
        changed = true;
      }
    });
    // paths as given are distinct (one per file read), so this ends
    if (!changed) return paths;
  }
}

function expandPath(given: string): Array<{ name: string; diskPath: string }> {
  let stats;
  try {
    stats = statSync(given);
  } catch {
    throw new FileError(`${given}: no such file or folder`, given);
  }
  if (!stats.isDirectory()) return [{ name: given, diskPath: given }];
  const files = listRulesFiles(given).sort();
  if (files.length === 0) throw new FileError(`${given}: the folder has no .rules files`, given);
  return files.map((diskPath) => ({ name: relative(given, diskPath).split("\\").join("/"), diskPath }));
}

/** Folders a rules folder never looks into: installed packages and dot folders (`.git`). */
export function isSkippedFolder(name: string): boolean {
  return name === "node_modules" || name.startsWith(".");
}

/** Every `.rules` file under a folder, skipping `node_modules` and dot folders (also what `stagecraft lsp` reads of a workspace). */
export function listRulesFiles(folder: string): string[] {
  return listFiles(folder, ".rules");
}

/** Every file whose name ends with `suffix` under a folder, skipping the folders `isSkippedFolder` names; unsorted. */
export function listFiles(folder: string, suffix: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!isSkippedFolder(entry.name)) appendAll(found, listFiles(path, suffix));
    } else if (entry.name.endsWith(suffix)) {
      found.push(path);
    }
  }
  return found;
}

/** A UTF-8 text file; `what` names it in errors ("rules file", "snapshot"). */
export function readText(path: string, what: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw cannotRead(what, path, error);
  }
  return decodeUtf8(bytes, what, path);
}
