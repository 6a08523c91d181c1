// The right-hand side: the timeline of a run, the record-state slider over it,
// and the "why (not)?" pane. Holds the last run so the slider and the pickers
// read the same replay.
import type { InputEvent, Program } from "../../runtime/program/ir";
import type { EventsValidation } from "../checking/validate-events";
import { recordAt, recordsOf, renderRecordState, rowTime } from "./record-state-view";
import { replay, type Replay } from "./replay";
import { markSelectedRow, renderTimeline } from "./timeline-view";
import { formatInZone } from "./calendar-time";
import { renderWhyNot } from "./why-not-view";

export interface RunPanelElements {
  timeline: HTMLTableElement;
  runStatus: HTMLElement;
  stateRecord: HTMLSelectElement;
  stateSlider: HTMLInputElement;
  stateTime: HTMLElement;
  stateView: HTMLElement;
  whyRecord: HTMLSelectElement;
  whyRule: HTMLSelectElement;
  whyView: HTMLElement;
}

interface LastRun {
  program: Program;
  events: InputEvent[];
  until: string | undefined;
  replay: Replay;
}

export class RunPanel {
  private last: LastRun | null = null;
  /** Finished runs so far. */
  runCount = 0;

  constructor(private readonly ui: RunPanelElements) {
    ui.stateSlider.addEventListener("input", () => this.showState());
    ui.stateRecord.addEventListener("change", () => this.showState());
    ui.whyRecord.addEventListener("change", () => this.showWhy());
    ui.whyRule.addEventListener("change", () => this.showWhy());
  }

  /** The last run's output, as `stagecraft run` prints it. */
  lastReplay(): Replay | null {
    return this.last?.replay ?? null;
  }

  clear(): void {
    this.last = null;
    this.ui.timeline.classList.remove("stale");
    this.tbody().replaceChildren();
    this.ui.runStatus.textContent = "";
    this.ui.runStatus.classList.remove("error");
    for (const select of [this.ui.stateRecord, this.ui.whyRecord, this.ui.whyRule]) select.replaceChildren();
    this.ui.stateSlider.max = "0";
    this.ui.stateTime.textContent = "";
    this.ui.stateView.replaceChildren();
    this.ui.whyView.replaceChildren();
  }

  /** The rules or events changed since the last run: its timeline no longer shows them. */
  markStale(): void {
    if (!this.last || this.ui.timeline.classList.contains("stale")) return;
    this.ui.timeline.classList.add("stale");
    this.ui.runStatus.textContent += " · edited: Run again";
  }

  showNotRunnable(reason: string): void {
    this.clear();
    this.setStatus(reason, true);
  }

  /**
   * Runs the valid events; like the CLI, an invalid line stops the input there
   * (`firstProblem`), after everything before it has run.
   */
  run(program: Program, input: EventsValidation, until: string): void {
    const firstProblem = input.problems[0];
    const runnable = firstProblem ? input.events.filter((_, i) => input.eventLines[i]! < firstProblem.line) : input.events;
    const runUntil = firstProblem ? undefined : until || undefined;
    const result = replay(program, runnable, runUntil);
    if (firstProblem) {
      result.rows.push({
        kind: "failure",
        step: Math.max(0, result.snapshots.length - 1),
        code: firstProblem.code,
        message: `events.jsonl:${firstProblem.line}: ${firstProblem.message}`,
      });
    }
    this.last = { program, events: runnable, until: runUntil, replay: result };
    const zone = program.calendar.timezone;
    this.ui.timeline.classList.remove("stale");
    renderTimeline(this.tbody(), result, zone, (index) => this.selectRow(index));

    const counts = `${result.outputs.length} output${result.outputs.length === 1 ? "" : "s"} from ${this.last.events.length} input event${this.last.events.length === 1 ? "" : "s"}`;
    const failure = result.failure ?? (firstProblem ? { code: firstProblem.code, message: "stopped at an invalid event line" } : undefined);
    this.setStatus(failure ? `${counts}; stopped: ${failure.code}` : `${counts} · times in ${zone}`, Boolean(failure));

    const records = recordsOf(result);
    // Unless a record was already picked, start on the first one the rules acted on: the one worth watching.
    const firstActedOn = result.rows.find((row) => row.kind === "output");
    const watched = firstActedOn?.kind === "output" ? firstActedOn.record.entity : undefined;
    fillSelect(this.ui.stateRecord, records.map((r) => [r, r]), watched);
    fillSelect(this.ui.whyRecord, records.map((r) => [r, r]), watched);
    fillSelect(this.ui.whyRule, [["", "all rules"], ...program.rules.map((r): [string, string] => [r.name, r.name]), ...program.workflows.map((w): [string, string] => [w.name, `workflow ${w.name}`])]);
    this.ui.stateSlider.max = String(Math.max(0, result.rows.length - 1));
    this.ui.stateSlider.value = this.ui.stateSlider.max;
    this.showState();
    this.showWhy();
    this.runCount++;
  }

  private selectRow(index: number): void {
    const row = this.last?.replay.rows[index];
    if (!row) return;
    const ref = row.kind === "input" ? row.event.entity : row.kind === "output" ? row.record.entity : null;
    if (ref) {
      this.ui.stateRecord.value = ref;
      this.ui.whyRecord.value = ref;
      if (row.kind === "output" && row.record.rule) this.ui.whyRule.value = row.record.rule;
      this.showWhy();
    }
    this.ui.stateSlider.value = String(index);
    this.showState();
  }

  private showState(): void {
    if (!this.last) return;
    const index = Number(this.ui.stateSlider.value);
    const ref = this.ui.stateRecord.value;
    const zone = this.last.program.calendar.timezone;
    const at = rowTime(this.last.replay.rows[index]);
    this.ui.stateTime.textContent = at ? `after row ${index + 1}: ${formatInZone(at, zone)}` : `after row ${index + 1}`;
    markSelectedRow(this.tbody(), index);
    renderRecordState(this.ui.stateView, recordAt(this.last.replay, index, ref), ref, zone);
  }

  private showWhy(): void {
    if (!this.last) return;
    renderWhyNot(this.ui.whyView, this.last.program, this.last.events, this.last.until, this.ui.whyRecord.value, this.ui.whyRule.value);
  }

  private setStatus(text: string, isError: boolean): void {
    this.ui.runStatus.textContent = text;
    this.ui.runStatus.classList.toggle("error", isError);
  }

  private tbody(): HTMLTableSectionElement {
    return this.ui.timeline.tBodies[0]!;
  }
}

/** Keeps the picked value when it is still offered, else picks `fallback` (or the first option). */
function fillSelect(select: HTMLSelectElement, options: Array<[string, string]>, fallback?: string): void {
  const previous = select.value;
  select.replaceChildren(
    ...options.map(([value, label]) => {
      const option = document.createElement("option");
      option.value = value;
      option.textContent = label;
      return option;
    }),
  );
  if (options.some(([value]) => value === previous)) select.value = previous;
  else if (fallback !== undefined) select.value = fallback;
}
