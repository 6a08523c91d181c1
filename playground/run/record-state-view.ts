// One record's state at a point of the timeline: the engine's snapshot after
// the step that row belongs to (the runtime's own state, not a re-derivation).
import type { RecordState } from "../../runtime/types";
import type { Replay, TimelineRow } from "./replay";
import { formatInZone } from "./calendar-time";

/** Every record the run touched, in order of first appearance. */
export function recordsOf(run: Replay): string[] {
  const refs = new Set<string>();
  for (const row of run.rows) {
    if (row.kind === "input") refs.add(row.event.entity);
    if (row.kind === "output") refs.add(row.record.entity);
  }
  return [...refs];
}

export function rowTime(row: TimelineRow | undefined): string | undefined {
  if (!row) return undefined;
  if (row.kind === "input") return row.event.at;
  if (row.kind === "output") return row.record.at;
  if (row.kind === "until") return row.at;
  return undefined;
}

export function recordAt(run: Replay, rowIndex: number, ref: string): RecordState | undefined {
  const row = run.rows[rowIndex];
  const snapshot = row ? run.snapshots[row.step] : undefined;
  return snapshot?.records.find((r) => r.ref === ref);
}

export function renderRecordState(view: HTMLElement, record: RecordState | undefined, ref: string, zone: string): void {
  if (!record) {
    const note = document.createElement("div");
    note.className = "muted";
    note.textContent = ref ? `${ref} does not exist at this point.` : "";
    view.replaceChildren(note);
    return;
  }
  const table = document.createElement("table");
  const addRow = (name: string, value: Node | string) => {
    const tr = document.createElement("tr");
    const key = document.createElement("td");
    key.textContent = name;
    const cell = document.createElement("td");
    cell.append(value);
    tr.append(key, cell);
    table.append(tr);
  };
  const stages = document.createElement("span");
  const open = Object.entries(record.open);
  if (open.length === 0) stages.textContent = "none";
  for (const [stage, openedAt] of open) {
    const badge = document.createElement("span");
    badge.className = "stage";
    badge.textContent = stage;
    badge.title = `open since ${formatInZone(new Date(openedAt).toISOString(), zone)}`;
    stages.append(badge);
  }
  addRow("open stages", stages);
  for (const [name, value] of Object.entries(record.fields)) addRow(name, JSON.stringify(value));
  view.replaceChildren(table);
}
