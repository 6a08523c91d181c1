// Sends the outbox's deliveries: in rounds, each the due heads of the records'
// queues (one per record and webhook, so a record's effects arrive in order
// and a record with many does not hold up the others) sent at once and their
// outcomes written in one statement. A delivery stays pending
// until its outcome is written, so one in flight when the process dies is sent
// again after the restart: at least once; the receiver tells a repeat by
// `Idempotency-Key`. Time and wake-ups come from the service's clock.
import type { Logger } from "pino";
import type { Clock } from "../clock";
import { DeliveryStore, type AttemptResult, type Delivery } from "./delivery-store";
import { nextAttempt } from "./retry-schedule";
import { signatureHeader } from "./signature";
import type { Store } from "../store/store";

/** Deliveries sent at once in a round. */
const ROUND = 64;
/** A receiver that has not answered by then has failed this attempt. */
const REQUEST_TIMEOUT_MS = 10_000;
/** After the store failed, the next round comes this much later. */
const STORE_RETRY_MS = 1_000;
const USER_AGENT = "stagecraft-webhooks";

export interface DispatcherOptions {
  store: Store;
  secret: string;
  clock: Clock;
  logger?: Logger;
  /** Jitter of the retry schedule, in [0, 1). */
  random?: () => number;
}

export class WebhookDispatcher {
  readonly deliveries: DeliveryStore;
  private readonly secret: string;
  private readonly clock: Clock;
  private readonly logger: Logger | undefined;
  private readonly random: () => number;
  private running: Promise<void> | undefined;
  private again = false;
  private closed = false;
  private started = false;
  private cancelWake: (() => void) | undefined;
  private readonly inFlight = new AbortController();

  constructor(options: DispatcherOptions) {
    this.deliveries = new DeliveryStore(options.store);
    this.secret = options.secret;
    this.clock = options.clock;
    this.logger = options.logger;
    this.random = options.random ?? Math.random;
  }

  /** Starts sending what is due (pending deliveries left by an earlier process included). */
  start(): void {
    this.started = true;
    this.kick();
  }

  /** There may be new work (deliveries written, a retry asked for): a round starts now, or after the one running. */
  kick(): void {
    if (this.closed || !this.started) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.pump().finally(() => {
      this.running = undefined;
      if (this.again) this.kick();
    });
  }

  /** Resolves once no round is running (tests with a fake clock wait on it). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Stops: requests in flight are cut off and stay pending, to be sent by the next start. */
  async close(): Promise<void> {
    this.closed = true;
    this.cancelWake?.();
    this.inFlight.abort();
    await this.running;
  }

  private async pump(): Promise<void> {
    this.again = false;
    this.cancelWake?.();
    this.cancelWake = undefined;
    try {
      for (;;) {
        await this.deliveries.sortNew();
        const due = await this.deliveries.due(this.clock.now(), ROUND);
        if (this.closed) return;
        if (due.length === 0) break;
        const results = await Promise.all(due.map((delivery) => this.attempt(delivery)));
        if (this.closed) return;
        await this.deliveries.record(results, this.clock.now());
      }
      if (this.again) return;
      const next = await this.deliveries.nextDue(this.clock.now());
      if (next !== null) this.wakeAt(next);
    } catch (error) {
      if (this.closed) return;
      this.logger?.error({ err: error }, "webhook deliveries: the store failed; trying again");
      this.wakeAt(this.clock.now() + STORE_RETRY_MS);
    }
  }

  private wakeAt(instant: number): void {
    if (this.closed) return;
    this.cancelWake?.();
    this.cancelWake = this.clock.wakeAt(instant, () => {
      this.cancelWake = undefined;
      this.kick();
    });
  }

  /** One POST; never throws: a failure is an outcome. */
  private async attempt(delivery: Delivery): Promise<AttemptResult> {
    const sentAt = this.clock.now();
    let error: string;
    try {
      const response = await fetch(delivery.endpoint, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": USER_AGENT,
          "idempotency-key": delivery.outputId,
          "stagecraft-signature": signatureHeader(this.secret, Math.floor(sentAt / 1000), delivery.payload),
          "stagecraft-delivery": String(delivery.id),
          "stagecraft-attempt": String(delivery.attempts + 1),
        },
        body: delivery.payload,
        signal: AbortSignal.any([this.inFlight.signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]),
      });
      // The answer's body is not used; reading it frees the connection for the next request.
      await response.arrayBuffer();
      if (response.ok) return { id: delivery.id, delivered: true, nextAttemptAt: null, error: null, at: this.clock.now() };
      error = `HTTP ${response.status}`;
    } catch (failure) {
      error = describeFailure(failure);
    }
    const at = this.clock.now();
    const next = nextAttempt(delivery.attempts + 1, at, delivery.since, this.random());
    if (next === null) this.logger?.warn({ delivery: delivery.id, output: delivery.outputId, endpoint: delivery.endpoint, error }, "webhook delivery failed for 24 hours: marked failed");
    return { id: delivery.id, delivered: false, nextAttemptAt: next, error, at };
  }
}

function describeFailure(failure: unknown): string {
  const error = failure as Error & { cause?: { code?: string; message?: string } };
  if (error.name === "TimeoutError") return `no answer within ${REQUEST_TIMEOUT_MS / 1000} s`;
  const cause = error.cause?.code ?? error.cause?.message;
  return cause ? `${error.message}: ${cause}` : error.message;
}
