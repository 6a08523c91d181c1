// The page's side of the checker worker: debounces edits, keeps only the newest
// answer (an older one arriving late is dropped), and offers an immediate check
// for Run and for the timing hook the end-to-end tests use.
import CheckWorker from "./check.worker?worker";
import type { CheckRequest, CheckResponse, RulesSource } from "./protocol";

const debounceMs = 150;

export class CheckClient {
  private readonly worker = new CheckWorker();
  private nextId = 1;
  private newestId = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly pending = new Map<number, (response: CheckResponse) => void>();

  constructor(private readonly onResult: (response: CheckResponse) => void) {
    this.worker.onmessage = (message: MessageEvent<CheckResponse>) => {
      const response = message.data;
      this.pending.get(response.id)?.(response);
      this.pending.delete(response.id);
      if (response.id === this.newestId) this.onResult(response);
    };
  }

  /** Checks after the typing pauses. */
  schedule(sources: () => RulesSource[]): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.checkNow(sources()), debounceMs);
  }

  /** Checks at once; the answer also reaches `onResult` unless a newer request overtakes it. */
  checkNow(sources: RulesSource[]): Promise<CheckResponse> {
    clearTimeout(this.timer);
    const id = this.nextId++;
    this.newestId = id;
    return this.send({ id, sources });
  }

  /** A check whose answer goes only to the caller (timing, not the editor's markers). */
  checkAside(sources: RulesSource[]): Promise<CheckResponse> {
    return this.send({ id: this.nextId++, sources });
  }

  private send(request: CheckRequest): Promise<CheckResponse> {
    return new Promise((resolve) => {
      this.pending.set(request.id, resolve);
      this.worker.postMessage(request);
    });
  }
}
