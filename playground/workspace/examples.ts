// The project's examples (examples/<name>/*.rules + events.jsonl), bundled at
// build time, so a new example folder appears in the menu without code changes.
import type { Workspace } from "./workspace";

const exampleFiles = import.meta.glob<string>(["../../examples/*/*.rules", "../../examples/*/events.jsonl"], {
  query: "?raw",
  import: "default",
  eager: true,
});

export interface Example {
  name: string;
  workspace: Workspace;
}

export function listExamples(): Example[] {
  const byName = new Map<string, Workspace>();
  for (const [path, text] of Object.entries(exampleFiles)) {
    const [name, file] = path.split("/").slice(-2) as [string, string];
    const workspace = byName.get(name) ?? { files: [], events: "", until: "" };
    if (file === "events.jsonl") workspace.events = text;
    else workspace.files.push({ path: file, text });
    byName.set(name, workspace);
  }
  return [...byName.entries()]
    .filter(([, workspace]) => workspace.files.length > 0)
    .map(([name, workspace]) => ({ name, workspace: { ...workspace, files: sortByPath(workspace.files), until: untilAfter(workspace.events) } }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

// The CLI reads a folder's files sorted by path; rule order follows file order.
function sortByPath<T extends { path: string }>(files: T[]): T[] {
  return [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** An example runs until a week after its last event: late enough for its reminders and timeouts to show. */
const untilMargin = 7 * 24 * 3_600_000;

function untilAfter(events: string): string {
  let last = Number.NaN;
  for (const line of events.split("\n")) {
    const at = /"at"\s*:\s*"([^"]+)"/.exec(line)?.[1];
    const time = at === undefined ? Number.NaN : Date.parse(at);
    if (!Number.isNaN(time) && !(time <= last)) last = time;
  }
  return Number.isNaN(last) ? "" : new Date(last + untilMargin).toISOString().replace(".000Z", "Z");
}
