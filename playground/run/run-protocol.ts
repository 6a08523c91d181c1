// Messages of a run between the page and the worker (the checker's worker, so
// the compiler and the runtime load once). The worker runs in slices and sends
// the timeline in chunks; it keeps the events and a few engine snapshots, and
// answers the record-state slider and "Why (not)?" on demand. Only plain data crosses.
import type { InputEvent } from "../../runtime/program/ir";
import type { CoverageEntry } from "../../runtime/index";
import type { OutputRecord, RecordState } from "../../runtime/types";
import type { PipelineBoard } from "./pipeline-board";

/**
 * One row of the timeline. `step` numbers the engine's steps: 2i is the timers
 * due before input event i, 2i+1 the event itself, 2n the timers due by `until`.
 */
export type TimelineRow =
  | { kind: "input"; step: number; event: InputEvent }
  | { kind: "output"; step: number; record: OutputRecord }
  /** `shown`: the until as written (with its instant when local); `passed`: the warning when it is before the last event. */
  | { kind: "until"; step: number; at: string; shown: string; passed?: string }
  | { kind: "failure"; step: number; code: string; message: string };

export type RunRequest =
  /** Runs the events (JSON Lines) with the program of the last check. */
  | { kind: "run"; run: number; events: string; until: string; bound: number | null }
  | { kind: "run-cancel"; run: number }
  /** One record's state after a step of a finished run. */
  | { kind: "run-state"; run: number; query: number; step: number; record: string }
  /** Every pipeline's records by stage after one step of a finished run (the board). */
  | { kind: "run-board"; run: number; query: number; step: number }
  /** The runtime's explanation of one record (narrowed to one rule when `rule` is set). */
  | { kind: "run-why"; run: number; query: number; record: string; rule: string };

export interface RunProgress {
  /** Input events done, of `total`. */
  done: number;
  total: number;
  outputs: number;
  /** The calendar's zone: the timeline shows times in it. */
  zone: string;
}

export interface RunSummary {
  outputs: number;
  events: number;
  zone: string;
  /** Every record the run touched, in order of first appearance. */
  records: string[];
  rules: string[];
  workflows: string[];
  /** Set when the runtime stopped the run (a cascade, an invalid event line, …). */
  failure?: { code: string; message: string };
  /** The CLI's warning of the run, when it has one: an until before the last event fires no timer. */
  warning?: string;
  /** Set when the run stopped before the end: cancelled, or past its bound of work. */
  stopped?: "cancelled" | "bound";
  /** Each rule, workflow and workflow step with how often it ran in this run (the gutter's coverage marks). */
  coverage: CoverageEntry[];
  ms: number;
}

export type RunResponse =
  | { kind: "run-rows"; run: number; rows: TimelineRow[]; progress: RunProgress }
  | { kind: "run-done"; run: number; summary: RunSummary }
  /** The run could not start (no runnable program, a bad `until`). */
  | { kind: "run-refused"; run: number; reason: string }
  | { kind: "run-state"; run: number; query: number; state: RecordState | null }
  | { kind: "run-board"; run: number; query: number; board: PipelineBoard[] }
  | { kind: "run-why"; run: number; query: number; text: string };

export function isRunRequest(request: { kind: string }): request is RunRequest {
  return request.kind === "run" || request.kind.startsWith("run-");
}

export function isRunResponse(response: { kind: string }): response is RunResponse {
  return response.kind.startsWith("run-");
}
