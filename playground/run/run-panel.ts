// The right-hand side: the timeline of a run, the record-state slider over it,
// and the "why (not)?" pane. The run itself happens in the worker (run-session.ts);
// this panel shows its rows as they arrive, its progress and a Cancel button,
// and asks the worker for a record's state or an explanation when one is wanted.
import { formatInZone } from "../../runtime/time/zone-time";
import { renderRecordState } from "./record-state-view";
import { RunClient, type RunOptions } from "./run-client";
import type { RunProgress, RunSummary, TimelineRow } from "./run-protocol";
import { rowTime, TimelineView } from "./timeline-view";
import { renderWhyText } from "./why-not-view";
import { renderBoard } from "./board-view";
import { OneAtATime } from "./one-at-a-time";

export interface RunPanelElements {
  timelineWrap: HTMLElement;
  timeline: HTMLTableElement;
  timelineFilter: HTMLInputElement;
  timelineCount: HTMLElement;
  runStatus: HTMLElement;
  runProgress: HTMLProgressElement;
  cancel: HTMLButtonElement;
  stateRecord: HTMLSelectElement;
  stateSlider: HTMLInputElement;
  stateTime: HTMLElement;
  stateView: HTMLElement;
  whyRecord: HTMLSelectElement;
  whyRule: HTMLSelectElement;
  whyView: HTMLElement;
  board: HTMLElement;
}

/** The record pickers list this many records; a select of ten thousand options costs the page a second of layout. */
const pickerLimit = 500;
/** Runs up to this many outputs explain their first record at once; longer ones wait to be asked. */
const explainAtOnceOutputs = 5000;

export class RunPanel {
  private readonly timeline: TimelineView;
  private readonly client: RunClient;
  private summary: RunSummary | null = null;
  private running: { finish: () => void; progress: RunProgress } | null = null;
  private readonly stateQuestion = new OneAtATime(() => this.fetchState());
  private readonly boardQuestion = new OneAtATime(() => this.fetchBoard());
  private boardShown = false;
  /** Finished runs so far. */
  runCount = 0;

  constructor(
    private readonly ui: RunPanelElements,
    worker: Worker,
  ) {
    this.client = new RunClient(worker);
    this.timeline = new TimelineView(ui.timelineWrap, ui.timeline, (index) => this.selectRow(index), (shown, total) => {
      ui.timelineCount.textContent = shown === total ? `${total.toLocaleString("en")} rows` : `${shown.toLocaleString("en")} of ${total.toLocaleString("en")} rows`;
    });
    ui.timelineFilter.addEventListener("input", () => this.timeline.setFilter(ui.timelineFilter.value));
    ui.stateSlider.addEventListener("input", () => this.showState());
    ui.stateRecord.addEventListener("change", () => this.showState());
    ui.whyRecord.addEventListener("change", () => void this.showWhy());
    ui.whyRule.addEventListener("change", () => void this.showWhy());
    ui.cancel.addEventListener("click", () => this.cancel());
  }

  /** The rows of the last run, for the test hooks. */
  rows(): Iterable<TimelineRow> {
    return this.timeline.allRows();
  }

  lastSummary(): RunSummary | null {
    return this.summary;
  }

  isRunning(): boolean {
    return this.running !== null;
  }

  clear(): void {
    if (this.running) this.cancel();
    this.summary = null;
    this.ui.timeline.classList.remove("stale");
    this.timeline.reset("UTC");
    this.setStatus("", false);
    for (const select of [this.ui.stateRecord, this.ui.whyRecord, this.ui.whyRule]) select.replaceChildren();
    this.ui.stateSlider.max = "0";
    this.ui.stateTime.textContent = "";
    this.ui.stateView.replaceChildren();
    this.ui.whyView.replaceChildren();
    this.ui.board.replaceChildren();
  }

  /** The rules or events changed since the last run: its timeline no longer shows them. */
  markStale(): void {
    if (!this.summary || this.ui.timeline.classList.contains("stale")) return;
    this.ui.timeline.classList.add("stale");
    this.ui.runStatus.textContent += " · edited: Run again";
  }

  showNotRunnable(reason: string): void {
    this.clear();
    this.setStatus(reason, true);
  }

  /** Runs in the worker; resolves when the run has finished, been refused or been cancelled. */
  run(options: RunOptions): Promise<void> {
    this.clear();
    this.ui.timeline.classList.remove("stale");
    return new Promise((finish) => {
      this.running = { finish, progress: { done: 0, total: 0, outputs: 0, zone: "UTC" } };
      this.showProgress();
      let shown = performance.now();
      this.client.start(options, {
        onRows: (rows, progress) => {
          this.timeline.setZone(progress.zone);
          this.timeline.append(rows);
          if (this.running) this.running.progress = progress;
          // The bar moves a few times a second: each update costs the page a layout.
          if (performance.now() - shown > 250) {
            shown = performance.now();
            this.showProgress();
          }
        },
        onDone: (summary) => this.finish(summary),
        onRefused: (reason) => {
          this.endRunning();
          this.showNotRunnable(reason);
        },
      });
    });
  }

  cancel(): void {
    if (!this.running) return;
    const { done, total, outputs } = this.running.progress;
    this.client.cancel();
    this.endRunning();
    this.setStatus(`cancelled after ${done.toLocaleString("en")} of ${total.toLocaleString("en")} input events (${outputs.toLocaleString("en")} outputs)`, true);
  }

  private finish(summary: RunSummary): void {
    this.endRunning();
    this.summary = summary;
    const zone = summary.zone;
    const counts = `${summary.outputs.toLocaleString("en")} output${summary.outputs === 1 ? "" : "s"} from ${summary.events.toLocaleString("en")} input event${summary.events === 1 ? "" : "s"}`;
    const status = summary.failure
      ? `${counts}; stopped: error ${summary.failure.code}: ${summary.failure.message}`
      : summary.stopped === "bound"
        ? `stopped after ${counts} (a shared link runs only a little at first): press Run for the whole run`
        : `${counts} in ${(summary.ms / 1000).toFixed(1)} s · times in ${zone}`;
    if (summary.warning !== undefined) this.setStatus(`${status} · warning: ${summary.warning}`, false, true);
    else this.setStatus(status, Boolean(summary.failure || summary.stopped));

    let firstOutput: TimelineRow | undefined;
    for (const row of this.timeline.allRows()) {
      if (row.kind !== "output") continue;
      firstOutput = row;
      break;
    }
    // Unless a record was already picked, start on the first one the rules acted on: the one worth watching.
    const watched = firstOutput?.kind === "output" ? firstOutput.record.entity : undefined;
    const records = summary.records.slice(0, pickerLimit).map((r): [string, string] => [r, r]);
    const more = summary.records.length - records.length;
    if (more > 0) records.push(["", `… ${more.toLocaleString("en")} more: click a row of the timeline to pick one`]);
    fillSelect(this.ui.stateRecord, records, watched);
    fillSelect(this.ui.whyRecord, records, watched);
    fillSelect(this.ui.whyRule, [["", "all rules"], ...summary.rules.map((r): [string, string] => [r, r]), ...summary.workflows.map((w): [string, string] => [w, `workflow ${w}`])]);
    this.ui.stateSlider.max = String(Math.max(0, this.timeline.length - 1));
    this.ui.stateSlider.value = this.ui.stateSlider.max;
    this.showState();
    if (summary.outputs <= explainAtOnceOutputs) void this.showWhy();
    else this.ui.whyView.textContent = "Pick a record or a rule (or click a row) to explain it.";
    this.runCount++;
  }

  private endRunning(): void {
    const running = this.running;
    this.running = null;
    this.ui.runProgress.hidden = true;
    this.ui.cancel.hidden = true;
    running?.finish();
  }

  private showProgress(): void {
    if (!this.running) return;
    const { done, total, outputs } = this.running.progress;
    this.ui.runProgress.hidden = false;
    this.ui.cancel.hidden = false;
    this.ui.runProgress.max = Math.max(1, total);
    this.ui.runProgress.value = done;
    this.setStatus(total === 0 ? "running…" : `running: ${done.toLocaleString("en")} of ${total.toLocaleString("en")} input events, ${outputs.toLocaleString("en")} outputs`, false);
  }

  private selectRow(index: number): void {
    const row = this.timeline.row(index);
    if (!row) return;
    const ref = row.kind === "input" ? row.event.entity : row.kind === "output" ? row.record.entity : null;
    if (ref && this.summary) {
      pick(this.ui.stateRecord, ref);
      pick(this.ui.whyRecord, ref);
      if (row.kind === "output" && row.record.rule) this.ui.whyRule.value = row.record.rule;
      void this.showWhy();
    }
    this.ui.stateSlider.value = String(index);
    this.showState();
  }

  /** Asks the worker for the picked record after the slider's row; one question at a time, the newest wins. */
  private showState(): void {
    if (!this.summary) return;
    const index = Number(this.ui.stateSlider.value);
    const total = this.timeline.length;
    const row = this.timeline.row(index);
    const zone = this.summary.zone;
    // An until before the last event moved no clock: the state there is the last event's, not the until's.
    const at = row?.kind === "until" && row.passed !== undefined ? undefined : rowTime(row);
    // Read after the slider's label "State of the record at"; a screen reader hears it as the slider's value.
    const rowOfRows = `row ${(index + 1).toLocaleString("en")} of ${total.toLocaleString("en")}`;
    this.ui.stateTime.textContent = at ? `${formatInZone(at, zone)} ${zone} (after ${rowOfRows})` : `the end of ${rowOfRows}`;
    this.ui.stateSlider.setAttribute("aria-valuetext", this.ui.stateTime.textContent);
    this.timeline.select(index);
    this.stateQuestion.request();
    if (this.boardShown) this.boardQuestion.request();
  }

  private async fetchState(): Promise<void> {
    const row = this.timeline.row(Number(this.ui.stateSlider.value));
    const ref = this.ui.stateRecord.value;
    const zone = this.summary?.zone ?? "UTC";
    if (!row || !ref) {
      renderRecordState(this.ui.stateView, undefined, ref, zone);
      return;
    }
    const state = await this.client.stateAfter(row.step, ref);
    if (state !== undefined) renderRecordState(this.ui.stateView, state ?? undefined, ref, zone);
  }

  /** The board is asked only while it is on screen: a hidden one would cost the worker a replay per slider move. */
  showBoard(shown: boolean): void {
    this.boardShown = shown;
    if (shown && this.summary) this.boardQuestion.request();
  }

  private async fetchBoard(): Promise<void> {
    const row = this.timeline.row(Number(this.ui.stateSlider.value));
    if (!this.summary || !row) return;
    const board = await this.client.board(row.step);
    if (board) renderBoard(this.ui.board, board, `At ${this.ui.stateTime.textContent}: drag the record state's slider to watch the records move.`, (ref) => this.pickRecord(ref));
  }

  /** A card of the board was clicked: its record is the one to watch. */
  private pickRecord(ref: string): void {
    pick(this.ui.stateRecord, ref);
    pick(this.ui.whyRecord, ref);
    this.showState();
    void this.showWhy();
  }

  private async showWhy(): Promise<void> {
    const record = this.ui.whyRecord.value;
    if (!this.summary || !record) {
      this.ui.whyView.replaceChildren();
      return;
    }
    this.ui.whyView.textContent = "explaining…";
    const text = await this.client.why(record, this.ui.whyRule.value);
    if (text !== undefined) renderWhyText(this.ui.whyView, text);
  }

  private setStatus(text: string, isError: boolean, isWarning = false): void {
    this.ui.runStatus.textContent = text;
    this.ui.runStatus.title = text;
    this.ui.runStatus.classList.toggle("error", isError);
    this.ui.runStatus.classList.toggle("warning", isWarning);
  }
}

/** Selects `value`, adding it first when the picker does not list it (past `pickerLimit`). */
function pick(select: HTMLSelectElement, value: string): void {
  if (![...select.options].some((option) => option.value === value)) {
    const option = document.createElement("option");
    option.value = value;
    option.textContent = value;
    select.prepend(option);
  }
  select.value = value;
}

/** Keeps the picked value when it is still offered, else picks `fallback` (or the first option). */
function fillSelect(select: HTMLSelectElement, options: Array<[string, string]>, fallback?: string): void {
  const previous = select.value;
  const fragment = document.createDocumentFragment();
  for (const [value, label] of options) {
    const option = document.createElement("option");
    option.value = value;
    option.textContent = label;
    // The "… N more" line says where the rest are; it is not a choice.
    option.disabled = value === "" && label.startsWith("… ");
    fragment.append(option);
  }
  select.replaceChildren(fragment);
  if (options.some(([value]) => value === previous)) select.value = previous;
  else if (fallback !== undefined) select.value = fallback;
}
