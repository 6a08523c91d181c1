// The timeline: input events (shaded) between the derived events and effects
// they led to. Virtualised: rows have one fixed height and only those in view
// (plus a margin) are in the DOM, between two spacer rows, so 200,000 rows cost
// what 60 do. A filter narrows the rows to those whose text contains it; it runs
// in slices, so filtering a long run never blocks the page. Every text from the
// rules or the events goes in via textContent.
import { formatInZone, offsetInZone } from "../../runtime/time/zone-time";
import type { TimelineRow } from "./run-protocol";

const rowHeight = 22;
const overscan = 10;
const filterSliceMs = 8;
const effectTypes = new Set(["email.send", "sms.send", "task.create", "activity.create", "report.generate", "signature.request", "notify"]);
const columns = ["time", "record", "type", "data", "rule", "cause"] as const;
/** The columns whose text may be cut: a tooltip holds the whole (the row's own tooltip, its id, shows over the others). */
const cutColumns = new Set<string>(["record", "type", "data", "rule"]);

export class TimelineView {
  private rows: TimelineRow[] = [];
  /** Indexes into `rows` that pass the filter; null when no filter is set. */
  private shown: number[] | null = null;
  private filter = "";
  private filterRun = 0;
  private filtered = 0;
  private selected = -1;
  private zone = "UTC";
  private renderQueued = false;
  /** The window of rows in the DOM, to skip re-rendering an unchanged one. */
  private rendered = "";
  private readonly body: HTMLTableSectionElement;

  constructor(
    private readonly wrap: HTMLElement,
    table: HTMLTableElement,
    private readonly onSelect: (index: number) => void,
    private readonly onCount: (shown: number, total: number) => void,
  ) {
    this.body = table.tBodies[0]!;
    wrap.addEventListener("scroll", () => this.queueRender());
    new ResizeObserver(() => this.queueRender()).observe(wrap);
    this.body.addEventListener("click", (event) => {
      const tr = (event.target as HTMLElement).closest("tr[data-index]");
      if (tr) this.onSelect(Number((tr as HTMLElement).dataset.index));
    });
    wrap.addEventListener("keydown", (event) => this.onKey(event));
  }

  get length(): number {
    return this.rows.length;
  }

  row(index: number): TimelineRow | undefined {
    return this.rows[index];
  }

  *allRows(): Iterable<TimelineRow> {
    yield* this.rows;
  }

  reset(zone: string): void {
    this.rows = [];
    this.shown = this.filter ? [] : null;
    this.filtered = 0;
    this.filterRun++;
    this.selected = -1;
    this.zone = zone;
    this.wrap.scrollTop = 0;
    this.queueRender();
  }

  /** Times show in the calendar's zone, known once the run has started. */
  setZone(zone: string): void {
    if (zone === this.zone) return;
    this.zone = zone;
    this.queueRender();
  }

  append(rows: readonly TimelineRow[]): void {
    for (const row of rows) this.rows.push(row);
    // Rows arriving after the filter has caught up are filtered here; before, the filter's own pass reaches them.
    if (this.shown && this.filtered === this.rows.length - rows.length) this.filterUpTo(this.rows.length);
    this.queueRender();
  }

  setFilter(text: string): void {
    this.filter = text.trim().toLowerCase();
    this.filterRun++;
    this.filtered = 0;
    this.shown = this.filter ? [] : null;
    this.wrap.scrollTop = 0;
    this.queueRender();
    if (this.filter) void this.filterInSlices(this.filterRun);
  }

  select(index: number): void {
    this.selected = index;
    const position = this.shown ? lowerBound(this.shown, index) : index;
    const top = position * rowHeight;
    const view = this.wrap.clientHeight - rowHeight; // less the header
    if (top < this.wrap.scrollTop) this.wrap.scrollTop = top;
    else if (top + rowHeight > this.wrap.scrollTop + view) this.wrap.scrollTop = top + rowHeight - view;
    this.queueRender();
  }

  private async filterInSlices(run: number): Promise<void> {
    while (run === this.filterRun && this.filtered < this.rows.length) {
      const started = performance.now();
      while (this.filtered < this.rows.length && performance.now() - started < filterSliceMs) this.filterUpTo(Math.min(this.rows.length, this.filtered + 2000));
      this.queueRender();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }

  private filterUpTo(end: number): void {
    for (let i = this.filtered; i < end; i++) if (rowText(this.rows[i]!).includes(this.filter)) this.shown!.push(i);
    this.filtered = end;
  }

  private queueRender(): void {
    if (this.renderQueued) return;
    this.renderQueued = true;
    requestAnimationFrame(() => {
      this.renderQueued = false;
      this.render();
    });
  }

  private render(): void {
    const count = this.shown ? this.shown.length : this.rows.length;
    const first = Math.max(0, Math.floor(this.wrap.scrollTop / rowHeight) - overscan);
    const last = Math.min(count, Math.ceil((this.wrap.scrollTop + this.wrap.clientHeight) / rowHeight) + overscan);
    this.onCount(count, this.rows.length);
    // Rows arriving below the view (a run streaming in) change only the bottom spacer.
    const window = `${first} ${last} ${this.selected} ${this.zone} ${this.filterRun} ${this.rows.length === 0}`;
    if (window === this.rendered) {
      (this.body.lastElementChild as HTMLElement).style.height = `${(count - last) * rowHeight}px`;
      return;
    }
    this.rendered = window;
    const fragment = document.createDocumentFragment();
    fragment.append(spacer(first * rowHeight));
    for (let position = first; position < last; position++) {
      const index = this.shown ? this.shown[position]! : position;
      const tr = rowElement(this.rows[index]!, this.zone);
      tr.dataset.index = String(index);
      if (index === this.selected) tr.classList.add("selected");
      fragment.append(tr);
    }
    fragment.append(spacer((count - last) * rowHeight));
    this.body.replaceChildren(fragment);
  }

  /** Arrow keys, Page Up/Down, Home and End move the selection through the shown rows. */
  private onKey(event: KeyboardEvent): void {
    const list = this.shown;
    const count = list ? list.length : this.rows.length;
    if (count === 0) return;
    const page = Math.max(1, Math.floor(this.wrap.clientHeight / rowHeight) - 1);
    const at = this.selected < 0 ? -1 : list ? lowerBound(list, this.selected) : this.selected;
    const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, PageDown: at + page, PageUp: at - page, Home: 0, End: count - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const position = Math.max(0, Math.min(count - 1, target));
    this.onSelect(list ? list[position]! : position);
  }
}

function lowerBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

function spacer(height: number): HTMLTableRowElement {
  const tr = document.createElement("tr");
  tr.className = "spacer";
  tr.style.height = `${height}px`;
  return tr;
}

/** What the filter searches: the row's record, type, rule, cause, id and data, in lower case. */
function rowText(row: TimelineRow): string {
  switch (row.kind) {
    case "input":
      return `${row.event.entity} ${row.event.type} input ${row.event.id} ${dataText(row.event.data)}`.toLowerCase();
    case "output":
      return `${row.record.entity} ${row.record.type} ${row.record.rule ?? ""} ${row.record.cause} ${row.record.id} ${dataText(row.record.data)}`.toLowerCase();
    case "until":
      return `until ${row.shown} ${row.passed ?? ""}`.toLowerCase();
    case "failure":
      return `error ${row.code} ${row.message}`.toLowerCase();
  }
}

export function rowTime(row: TimelineRow | undefined): string | undefined {
  if (!row) return undefined;
  if (row.kind === "input") return row.event.at;
  if (row.kind === "output") return row.record.at;
  if (row.kind === "until") return row.at;
  return undefined;
}

function rowElement(row: TimelineRow, zone: string): HTMLTableRowElement {
  const tr = document.createElement("tr");
  const cells = (...values: string[]) => {
    values.forEach((value, i) => {
      const column = columns[i]!;
      const td = document.createElement("td");
      td.className = column;
      // A narrow column keeps what tells rows apart: a record's id (`opportunity/O1`), a type's last word (`stage.opened`).
      if (column === "record") td.append(keepEnd(value, value.indexOf("/")));
      else if (column === "type") td.append(keepEnd(value, value.lastIndexOf(".")));
      else td.textContent = value;
      if (value && cutColumns.has(column)) td.title = value;
      tr.append(td);
    });
    // A row without rule or cause (the until, an error) gives their room to its text.
    (tr.lastElementChild as HTMLTableCellElement).colSpan = columns.length - values.length + 1;
  };
  switch (row.kind) {
    case "input":
      tr.className = "input";
      tr.title = `input event ${row.event.id}`;
      cells(formatInZone(row.event.at, zone), row.event.entity, row.event.type, dataText(row.event.data), "input", row.event.id);
      break;
    case "output":
      tr.className = effectTypes.has(row.record.type) ? "effect" : "change";
      tr.title = row.record.id;
      cells(formatInZone(row.record.at, zone), row.record.entity, row.record.type, dataText(row.record.data), row.record.rule ?? "—", row.record.cause);
      break;
    case "until":
      // The run's last step, after every event; one before the last event fired nothing, and says so.
      tr.className = row.passed === undefined ? "until" : "until passed";
      cells(formatInZone(row.at, zone), "", "until", row.passed === undefined ? "timers due by now have fired" : "fires no timer: before the last event");
      // The row's tooltip (the until as given, or the CLI's whole warning) over every cell.
      for (const td of tr.cells) td.removeAttribute("title");
      tr.title = row.passed ?? `until ${row.shown}`;
      break;
    case "failure":
      tr.className = "failure";
      cells("", "", `error ${row.code}`, row.message);
      tr.title = row.message;
      break;
  }
  const at = rowTime(row);
  const timeCell = tr.firstElementChild as HTMLElement | null;
  if (timeCell && at) timeCell.title = `${at} (UTC${offsetInZone(at, zone)} in ${zone})`;
  return tr;
}

/** The text from `split` on (all of it when -1) stays whole; the part before gives way first, cut with an ellipsis. */
function keepEnd(text: string, split: number): HTMLElement {
  const both = document.createElement("span");
  both.className = "keep-end";
  if (split > 0) {
    const head = document.createElement("span");
    head.className = "head";
    head.textContent = text.slice(0, split);
    both.append(head);
  }
  const tail = document.createElement("span");
  tail.className = "tail";
  tail.textContent = text.slice(Math.max(0, split));
  both.append(tail);
  return both;
}

function dataText(data: Record<string, unknown> | undefined): string {
  if (!data) return "";
  let text = "";
  for (const key in data) text += `${text ? ", " : ""}${key}: ${JSON.stringify(data[key])}`;
  return text;
}
