// The page's side of runs in the worker: starts a run, forwards its chunks of
// rows while it is the newest, cancels it, and asks the finished run questions
// (record state, why) keeping only the newest answer to each kind of question.
import type { RecordState } from "../../runtime/types";
import type { PipelineBoard } from "./pipeline-board";
import { isRunResponse, type RunProgress, type RunRequest, type RunResponse, type RunSummary, type TimelineRow } from "./run-protocol";

export interface RunListeners {
  onRows(rows: TimelineRow[], progress: RunProgress): void;
  onDone(summary: RunSummary): void;
  onRefused(reason: string): void;
}

export interface RunOptions {
  events: string;
  until: string;
  /** Stop (and say so) past this many input events plus outputs: a shared link's run stays small until asked. */
  bound: number | null;
}

export class RunClient {
  private newestRun = 0;
  private nextQuery = 1;
  private readonly questions = new Map<string, { query: number; resolve: (answer: RunResponse | null) => void }>();
  private listeners: RunListeners | null = null;

  constructor(private readonly worker: Worker) {
    worker.addEventListener("message", (message: MessageEvent<{ kind: string }>) => {
      if (isRunResponse(message.data)) this.receive(message.data);
    });
  }

  /** Starts a run; an earlier one still going is cancelled and its messages dropped. */
  start(options: RunOptions, listeners: RunListeners): number {
    const run = ++this.newestRun;
    this.listeners = listeners;
    this.post({ kind: "run", run, ...options });
    return run;
  }

  cancel(): void {
    this.post({ kind: "run-cancel", run: this.newestRun });
    this.listeners = null;
  }

  stateAfter(step: number, record: string): Promise<RecordState | null | undefined> {
    return this.ask("state", { kind: "run-state", run: this.newestRun, query: this.nextQuery++, step, record }).then((answer) =>
      answer?.kind === "run-state" ? answer.state : undefined,
    );
  }

  board(step: number): Promise<PipelineBoard[] | undefined> {
    return this.ask("board", { kind: "run-board", run: this.newestRun, query: this.nextQuery++, step }).then((answer) =>
      answer?.kind === "run-board" ? answer.board : undefined,
    );
  }

  why(record: string, rule: string): Promise<string | undefined> {
    return this.ask("why", { kind: "run-why", run: this.newestRun, query: this.nextQuery++, record, rule }).then((answer) =>
      answer?.kind === "run-why" ? answer.text : undefined,
    );
  }

  /** Resolves with the answer, or null when a newer question of the same kind superseded it. */
  private ask(topic: string, request: Extract<RunRequest, { query: number }>): Promise<RunResponse | null> {
    this.questions.get(topic)?.resolve(null);
    return new Promise((resolve) => {
      this.questions.set(topic, { query: request.query, resolve });
      this.post(request);
    });
  }

  private receive(response: RunResponse): void {
    if (response.run !== this.newestRun) return;
    switch (response.kind) {
      case "run-rows":
        this.listeners?.onRows(response.rows, response.progress);
        return;
      case "run-done":
        this.listeners?.onDone(response.summary);
        return;
      case "run-refused":
        this.listeners?.onRefused(response.reason);
        return;
      case "run-state":
      case "run-board":
      case "run-why": {
        const topic = response.kind.slice("run-".length);
        const waiting = this.questions.get(topic);
        if (waiting?.query !== response.query) return;
        this.questions.delete(topic);
        waiting.resolve(response);
        return;
      }
    }
  }

  private post(request: RunRequest): void {
    this.worker.postMessage(request);
  }
}
