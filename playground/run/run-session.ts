// The worker's side of a run. The run goes in slices of a few milliseconds and
// yields between them, so a cancel (or a check while typing) is read at once and
// the page gets the timeline in chunks with the progress. Timers are fired one
// due time at a time, so a timer loop months ahead is sliced like events are.
// After the run the worker keeps the events and an engine snapshot every
// `checkpointEvery` events, never one per step: the record-state slider replays
// from the nearest snapshot, and "Why (not)?" runs the runtime's `explain` once
// per question.
import { CoverageCounter, coverageReport, createEngine, describeUntil, explain, formatExplanation, parseInstant, readUntil, RuntimeError, untilPassed, UntilError } from "../../runtime/index";
import { formatWithUtc } from "../../runtime/time/zone-time";
import type { InputEvent, Program } from "../../runtime/program/ir";
import type { Engine, OutputRecord, Snapshot } from "../../runtime/types";
import { validateEventsText } from "../checking/validate-events";
import { pipelineBoard } from "./pipeline-board";
import type { RunRequest, RunResponse, RunSummary, TimelineRow } from "./run-protocol";

/** Work between two yields: short enough that a cancel is read within a frame or two. */
const sliceMs = 12;
/** Rows per message at most, so one message never costs the page a long task to receive. */
const chunkRows = 1000;
const checkpointEvery = 1000;

interface FinishedRun {
  id: number;
  program: Program;
  events: InputEvent[];
  until: string | undefined;
  /** checkpoints[k]: the engine before the timers of event k * checkpointEvery. */
  checkpoints: Snapshot[];
}

type Post = (response: RunResponse) => void;

let current: { id: number; cancelled: boolean } | null = null;
let finished: FinishedRun | null = null;

export function handleRunRequest(request: RunRequest, program: Program | null, post: Post): void {
  switch (request.kind) {
    case "run":
      if (current) current.cancelled = true;
      void execute(request, program, post);
      return;
    case "run-cancel":
      if (current?.id === request.run) current.cancelled = true;
      return;
    case "run-state":
      if (finished?.id !== request.run) return;
      post({ kind: "run-state", run: request.run, query: request.query, state: engineAfter(finished, request.step).record(request.record) ?? null });
      return;
    case "run-board":
      if (finished?.id !== request.run) return;
      post({ kind: "run-board", run: request.run, query: request.query, board: pipelineBoard(finished.program, engineAfter(finished, request.step).snapshot().records) });
      return;
    case "run-why":
      if (finished?.id !== request.run) return;
      post({ kind: "run-why", run: request.run, query: request.query, text: whyText(finished, request.record, request.rule) });
      return;
  }
}

async function execute(request: Extract<RunRequest, { kind: "run" }>, program: Program | null, post: Post): Promise<void> {
  const started = performance.now();
  if (!program) {
    post({ kind: "run-refused", run: request.run, reason: "The rules have errors: fix them to run (see Problems)." });
    return;
  }
  // The CLI's own reading of --until: a date or a local time is in the calendar's zone.
  let until: { shown: string; instant: string } | undefined;
  try {
    until = readRequestedUntil(request.until.trim(), program.calendar.timezone);
  } catch (error) {
    if (!(error instanceof UntilError)) throw error;
    post({ kind: "run-refused", run: request.run, reason: `${error.message}.` });
    return;
  }
  const session = { id: request.run, cancelled: false };
  current = session;
  finished = null;

  // Like the CLI, an invalid line stops the input there, after everything before it has run.
  const input = validateEventsText(program, request.events);
  const firstProblem = input.problems[0];
  const events = firstProblem ? input.events.filter((_, i) => input.eventLines[i]! < firstProblem.line) : input.events;
  const runUntil = firstProblem ? undefined : until;

  const coverage = new CoverageCounter();
  const engine = createEngine(program, { onCoverage: coverage.record });
  const checkpoints: Snapshot[] = [];
  const records = new Set<string>();
  let rows: TimelineRow[] = [];
  let outputs = 0;
  let done = 0;
  let failure: RunSummary["failure"];
  let stopped: RunSummary["stopped"];
  let warning: string | undefined;
  let sliceStart = performance.now();

  const flush = () => {
    post({ kind: "run-rows", run: session.id, rows, progress: { done, total: events.length, outputs, zone: program.calendar.timezone } });
    rows = [];
  };
  const addOutputs = (step: number, records_: OutputRecord[]) => {
    for (const record of records_) {
      rows.push({ kind: "output", step, record });
      records.add(record.entity);
    }
    outputs += records_.length;
    if (rows.length >= chunkRows) flush();
  };
  /** Between slices: false when the run must stop here (cancelled, or past its bound). */
  const keepGoing = async (): Promise<boolean> => {
    if (request.bound !== null && done + outputs >= request.bound) {
      stopped = "bound";
      return false;
    }
    if (performance.now() - sliceStart < sliceMs) return true;
    flush();
    await nextTask();
    sliceStart = performance.now();
    if (session.cancelled) stopped = "cancelled";
    return !session.cancelled;
  };
  /** Runs one engine call; a RuntimeError ends the run as a row (its outputs so far kept), as the CLI ends it. */
  const attempt = (step: number, call: () => OutputRecord[]): boolean => {
    try {
      addOutputs(step, call());
      return true;
    } catch (error) {
      if (!(error instanceof RuntimeError)) throw error;
      addOutputs(step, error.outputs);
      failure = { code: error.code, message: error.message };
      rows.push({ kind: "failure", step, ...failure });
      return false;
    }
  };
  /** Fires the timers due by `time`, one due time at a time, yielding between slices. */
  const advance = async (step: number, time: string): Promise<boolean> => {
    const target = parseInstant(time);
    for (let due = engine.nextDueAt(); due !== null && due <= target; due = engine.nextDueAt()) {
      if (!attempt(step, () => engine.advanceTo(new Date(due!).toISOString()))) return false;
      if (!(await keepGoing())) return false;
    }
    return attempt(step, () => engine.advanceTo(time));
  };

  try {
    let ok = true;
    for (const [index, event] of events.entries()) {
      if (index % checkpointEvery === 0) checkpoints.push(engine.snapshot());
      ok = (await advance(2 * index, event.at)) && attempt(2 * index + 1, () => {
        rows.push({ kind: "input", step: 2 * index + 1, event });
        records.add(event.entity);
        return engine.process(event);
      });
      if (!ok) break;
      done = index + 1;
      if (!(await keepGoing())) {
        ok = false;
        break;
      }
    }
    if (ok && runUntil) {
      // As the CLI warns on stderr: an until before the last event fires nothing, and the row and the status say so.
      const passed = untilPassed("until", runUntil.shown, runUntil.instant, events.at(-1)?.at, null);
      if (passed !== undefined) warning = passed;
      if (await advance(2 * events.length, runUntil.instant)) rows.push({ kind: "until", step: 2 * events.length, at: runUntil.instant, shown: runUntil.shown, ...(passed !== undefined ? { passed } : {}) });
    }
  } catch (error) {
    // Not the runtime's own stop: a bug, shown as one (never swallowed).
    failure = { code: "internal", message: `internal error: ${error instanceof Error ? error.message : String(error)}` };
    rows.push({ kind: "failure", step: 2 * done, ...failure });
  }
  if (firstProblem && !stopped && !failure) {
    failure = { code: firstProblem.code, message: `events.jsonl:${firstProblem.line}: ${firstProblem.message}` };
    rows.push({ kind: "failure", step: 2 * events.length, ...failure });
  }
  if (session.cancelled) stopped = "cancelled";
  flush();
  if (current === session) current = null;
  if (stopped === "cancelled") return;
  finished = { id: session.id, program, events: events.slice(0, stopped ? done : events.length), until: stopped ? undefined : runUntil?.instant, checkpoints };
  const summary: RunSummary = {
    outputs,
    events: events.length,
    zone: program.calendar.timezone,
    records: [...records],
    rules: program.rules.map((r) => r.name),
    workflows: program.workflows.map((w) => w.name),
    coverage: coverageReport(program, coverage).entries,
    ms: performance.now() - started,
  };
  if (failure) summary.failure = failure;
  if (stopped) summary.stopped = stopped;
  if (warning !== undefined) summary.warning = warning;
  post({ kind: "run-done", run: session.id, summary });
}

/** The until box's time as an instant, and as messages show it; undefined when the box is empty. */
function readRequestedUntil(given: string, zone: string): { shown: string; instant: string } | undefined {
  if (!given) return undefined;
  const until = readUntil(given, "until");
  const instant = until.in(zone);
  return { shown: describeUntil(until, instant), instant };
}

/** The engine after `step`: the nearest snapshot before it, then the steps between, replayed. */
function engineAfter(run: FinishedRun, step: number): Engine {
  const eventIndex = Math.min(Math.floor(step / 2), run.events.length);
  const checkpoint = Math.min(Math.floor(eventIndex / checkpointEvery), run.checkpoints.length - 1);
  const engine: Engine = checkpoint >= 0 ? createEngine(run.program, { snapshot: run.checkpoints[checkpoint]! }) : createEngine(run.program);
  try {
    for (let index = Math.max(0, checkpoint) * checkpointEvery; index <= eventIndex; index++) {
      const event = run.events[index];
      const time = event?.at ?? run.until;
      if (time === undefined) break;
      engine.advanceTo(time);
      if (index === eventIndex && step % 2 === 0) break;
      if (event) engine.process(event);
    }
  } catch (error) {
    // The run stopped at this step too: its state is the one left there.
    if (!(error instanceof RuntimeError)) throw error;
  }
  return engine;
}

function whyText(run: FinishedRun, record: string, rule: string): string {
  const explanation = explain(run.program, run.events, record, run.until ? { until: run.until } : {});
  const picked = rule ? explanation.rules.filter((r) => r.rule === rule) : explanation.rules;
  if (rule && picked.length === 0) return `"${rule}" does not watch ${record.split("/")[0]} records.`;
  const zone = run.program.calendar.timezone;
  return formatExplanation({ ...explanation, rules: picked }, { formatTime: (at) => formatWithUtc(at, zone) });
}

/** A macrotask boundary: lets the worker read the messages that arrived meanwhile. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
