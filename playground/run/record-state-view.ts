// One record's state at a point of the timeline: the engine's own state after
// the step that row belongs to (replayed in the worker, not re-derived here).
import { formatInZone } from "../../runtime/time/zone-time";
import type { RecordState } from "../../runtime/types";

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
