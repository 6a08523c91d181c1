// The page's side of the checker worker: debounces edits, keeps only the newest
// answer (an older one arriving late is dropped), and offers an immediate check
// for Run and for the timing hook the end-to-end tests use.
import CheckWorker from "./check.worker?worker";
import { isCheckResponse, type CheckResponse, type EventsResponse, type RulesSource, type TestsResponse, type WorkerRequest, type WorkerResponse } from "./protocol";

const debounceMs = 150;

export interface CheckInput {
  sources: RulesSource[];
  /** The events to validate with the check; null to leave them (Run validates them as it reads them). */
  events: string | null;
}

export interface CheckListeners {
  onCheck(response: CheckResponse): void;
  onEvents(response: EventsResponse): void;
  onTests(response: TestsResponse): void;
}

export class CheckClient {
  /** Shared with the run client (run/run-client.ts): one worker loads the compiler and the runtime once. */
  readonly worker = new CheckWorker();
  private nextId = 1;
  private newestCheck = 0;
  private newestEvents = 0;
  private checkTimer: ReturnType<typeof setTimeout> | undefined;
  private eventsTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly pending = new Map<number, (response: WorkerResponse) => void>();

  constructor(listeners: CheckListeners) {
    this.worker.onmessage = (message: MessageEvent<WorkerResponse>) => {
      const response = message.data;
      // The run and the language service share this worker: their answers go to their own clients.
      if (!isCheckResponse(response)) return;
      if (response.kind === "tests") {
        if (response.id === this.newestCheck) listeners.onTests(response);
        return;
      }
      this.pending.get(response.id)?.(response);
      this.pending.delete(response.id);
      if (response.kind === "check" && response.id === this.newestCheck) listeners.onCheck(response);
      // Events answers are newest-only too; a newer check also re-validated them.
      if (response.kind === "events" && response.id === this.newestEvents && response.id > this.newestCheck) listeners.onEvents(response);
    };
  }

  /** Checks the rules (and the events against them) after the typing pauses. */
  schedule(input: () => CheckInput): void {
    clearTimeout(this.checkTimer);
    clearTimeout(this.eventsTimer);
    this.checkTimer = setTimeout(() => void this.checkNow(input()), debounceMs);
  }

  /** Validates the events against the last checked rules after the typing pauses. */
  scheduleEvents(events: () => string): void {
    clearTimeout(this.eventsTimer);
    this.eventsTimer = setTimeout(() => {
      const id = this.nextId++;
      this.newestEvents = id;
      void this.send({ kind: "events", id, events: events() });
    }, debounceMs);
  }

  /** Checks at once (Run checks first: the worker runs the program of the newest check). */
  checkNow(input: CheckInput): Promise<CheckResponse> {
    clearTimeout(this.checkTimer);
    const id = this.nextId++;
    this.newestCheck = id;
    return this.send({ kind: "check", id, sources: input.sources, events: input.events, aside: false }) as Promise<CheckResponse>;
  }

  /** A check whose answer goes only to the caller (timing), not to the editors. */
  checkAside(sources: RulesSource[]): Promise<CheckResponse> {
    return this.send({ kind: "check", id: this.nextId++, sources, events: null, aside: true }) as Promise<CheckResponse>;
  }

  private send(request: WorkerRequest): Promise<WorkerResponse> {
    return new Promise((resolve) => {
      this.pending.set(request.id, resolve);
      this.worker.postMessage(request);
    });
  }
}
