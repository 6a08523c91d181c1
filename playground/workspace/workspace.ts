// What the playground edits: rules files (one shared namespace, like a folder
// given to the CLI), the input events, and the `--until` time.
export interface Workspace {
  files: Array<{ path: string; text: string }>;
  events: string;
  /** ISO time for `--until`, or "" for none. */
  until: string;
}

/**
 * A workspace read from outside (a link, the browser's storage): accepts only
 * the shape we write, and refuses two files with one name (the second would
 * silently replace the first in the shared namespace). The problem says which.
 */
export function readWorkspace(value: unknown): { workspace: Workspace } | { problem: string } {
  if (typeof value !== "object" || value === null) return { problem: "it holds no workspace" };
  const candidate = value as Partial<Workspace>;
  if (!Array.isArray(candidate.files) || typeof candidate.events !== "string") return { problem: "it holds no rules files and events" };
  const files = candidate.files.filter((f): f is { path: string; text: string } => typeof f?.path === "string" && typeof f?.text === "string");
  if (files.length === 0) return { problem: "it holds no rules file" };
  const seen = new Set<string>();
  for (const file of files) {
    if (seen.has(file.path)) return { problem: `it has two files named ${file.path}` };
    seen.add(file.path);
  }
  return { workspace: { files, events: candidate.events, until: typeof candidate.until === "string" ? candidate.until : "" } };
}

/** The same workspace, compared as the text a user edits. */
export function sameWorkspace(a: Workspace, b: Workspace): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
