// The timeline table: input events (shaded) between the derived events and
// effects they led to. Every text from rules or events goes in via textContent.
import type { Replay, TimelineRow } from "./replay";
import { formatInZone, offsetInZone } from "./calendar-time";

const effectTypes = new Set(["email.send", "sms.send", "task.create", "activity.create", "report.generate", "signature.request", "notify"]);

export function renderTimeline(body: HTMLTableSectionElement, run: Replay, zone: string, onSelect: (index: number) => void): void {
  body.replaceChildren(...run.rows.map((row, index) => rowElement(row, zone, () => onSelect(index))));
}

export function markSelectedRow(body: HTMLTableSectionElement, index: number): void {
  body.querySelectorAll("tr.selected").forEach((row) => row.classList.remove("selected"));
  const row = body.children[index];
  if (row) {
    row.classList.add("selected");
    row.scrollIntoView({ block: "nearest" });
  }
}

function rowElement(row: TimelineRow, zone: string, select: () => void): HTMLTableRowElement {
  const tr = document.createElement("tr");
  tr.addEventListener("click", select);
  const cells = (...values: string[]) => {
    const names = ["time", "record", "type", "data", "rule", "cause"];
    values.forEach((value, i) => {
      const td = document.createElement("td");
      td.className = names[i]!;
      td.textContent = value;
      tr.append(td);
    });
  };
  const at = row.kind === "input" ? row.event.at : row.kind === "output" ? row.record.at : row.kind === "until" ? row.at : "";
  const timeTitle = (time: string) => `${time} (UTC${offsetInZone(time, zone)} in ${zone})`;
  switch (row.kind) {
    case "input":
      tr.className = "input";
      tr.title = `input event ${row.event.id}`;
      cells(formatInZone(row.event.at, zone), row.event.entity, row.event.type, dataText(row.event.data), "input", row.event.id);
      break;
    case "output":
      tr.className = effectTypes.has(row.record.type) ? "effect" : "change";
      tr.title = `${row.record.id}`;
      cells(formatInZone(row.record.at, zone), row.record.entity, row.record.type, dataText(row.record.data), row.record.rule ?? "—", row.record.cause);
      break;
    case "until":
      tr.className = "until";
      cells(formatInZone(row.at, zone), "", "until", "timers due by now have fired", "", "");
      break;
    case "failure":
      tr.className = "failure";
      cells("", "", `error ${row.code}`, row.message, "", "");
      break;
  }
  const timeCell = tr.querySelector("td.time") as HTMLElement | null;
  if (timeCell && at) timeCell.title = timeTitle(at);
  return tr;
}

function dataText(data: Record<string, unknown> | undefined): string {
  if (!data || Object.keys(data).length === 0) return "";
  return Object.entries(data)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join(", ");
}
