// `git:REF[:PATH]`: the `.rules` files of a commit, read with git from the
// repository the command runs in, without touching the working tree. PATH is
// relative to the current folder, as in `git show REF:./PATH`, and defaults to
// it, so `stagecraft diff git:main . …` compares the same folder at main and
// now. A folder means every `.rules` file under it, as for paths on disk.
import { execFileSync } from "node:child_process";
import { posix } from "node:path";
import { usageError } from "./errors";
import { isSkippedFolder, type LoadedSource } from "./sources";

export const GIT_PREFIX = "git:";

export interface GitSpec {
  /** As given, for messages. */
  given: string;
  ref: string;
  path: string;
}

/** `git:REF[:PATH]` → its parts; undefined for a path on disk. A ref never holds `:` (git check-ref-format). */
export function parseGitSpec(given: string): GitSpec | undefined {
  if (!given.startsWith(GIT_PREFIX)) return undefined;
  const rest = given.slice(GIT_PREFIX.length);
  const colon = rest.indexOf(":");
  const ref = colon === -1 ? rest : rest.slice(0, colon);
  const path = colon === -1 ? "." : rest.slice(colon + 1);
  if (ref === "") throw usageError(`${given}: name a commit after git: (git:main, git:HEAD~1, git:v1.2:rules)`);
  return { given, ref, path: path === "" ? "." : path };
}

/** The rule files of the spec's commit, named as `loadSources` names files on disk; shown as `git:REF:path`. */
export function loadGitSources(spec: GitSpec): LoadedSource[] {
  const shown = spec.given;
  if (git(["rev-parse", "--is-inside-work-tree"], shown) === undefined) {
    throw usageError(`${shown}: not inside a git repository (git:REF reads a commit of the repository of the current folder)`);
  }
  const commit = git(["rev-parse", "--verify", "--quiet", `${spec.ref}^{commit}`], shown)?.trim();
  if (!commit) throw usageError(`${shown}: no commit "${spec.ref}" in this repository`);
  const object = `${commit}:./${spec.path === "." ? "" : spec.path}`;
  const kind = git(["cat-file", "-t", object], shown)?.trim();
  if (kind === undefined) throw usageError(`${shown}: no such file or folder in ${spec.ref}`);
  const source = (path: string, name: string, blob: string): LoadedSource => {
    const diskPath = `${GIT_PREFIX}${spec.ref}:${path}`;
    return { path: name, diskPath, location: diskPath, text: gitText(["cat-file", "blob", blob], shown) };
  };
  if (kind === "blob") return [source(spec.path, spec.path, object)];
  if (kind !== "tree") throw usageError(`${shown}: not a file or folder in ${spec.ref}`);
  const files = listRulesBlobs(commit, spec.path, shown);
  if (files.length === 0) throw usageError(`${shown}: the folder has no .rules files in ${spec.ref}`);
  return files.map((file) => source(file.path, posix.relative(spec.path, file.path), file.blob));
}

/** `.rules` files under the folder, sorted by path; like a folder on disk, node_modules and dot folders are skipped. */
function listRulesBlobs(commit: string, folder: string, shown: string): Array<{ path: string; blob: string }> {
  const listing = gitText(["ls-tree", "-r", "-z", commit, "--", folder], shown);
  const files: Array<{ path: string; blob: string }> = [];
  for (const entry of listing.split("\0")) {
    // `<mode> <type> <object>\t<path>`; symbolic links (mode 120000) hold a target, not rules.
    const match = /^(\d+) (\w+) ([0-9a-f]+)\t(.*)$/s.exec(entry);
    if (!match || match[2] !== "blob" || match[1] === "120000" || !match[4]!.endsWith(".rules")) continue;
    const path = match[4]!;
    const inside = posix.relative(folder, path).split("/");
    if (inside.slice(0, -1).some(isSkippedFolder)) continue;
    files.push({ path, blob: match[3]! });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The first line git wrote on stderr when it last said no: what `gitText` reports. */
let lastGitError = "";

/** git's standard output, or undefined when git says no (exit code other than 0). */
function git(args: string[], shown: string): string | undefined {
  try {
    return execFileSync("git", args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 1 << 30 });
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { status?: number | null };
    if (failure.code === "ENOENT") throw usageError(`${shown}: git is not installed (or not on PATH); git:REF needs it`);
    if (typeof failure.status === "number") {
      lastGitError = String((failure as { stderr?: unknown }).stderr ?? "").trim().split("\n")[0] ?? "";
      return undefined;
    }
    throw error;
  }
}

function gitText(args: string[], shown: string): string {
  const text = git(args, shown);
  if (text === undefined) throw usageError(`${shown}: git ${args.join(" ")} failed${lastGitError ? `: ${lastGitError}` : ""}`);
  return text;
}
