// A receiving HTTP server for webhook tests and the webhook benchmark: on
// 127.0.0.1, on a free port it keeps across restarts (the serve under test
// was given its URL), answering a seeded share of requests with 500. It
// records every request it read (headers, body, when, the status it
// answered), and can hold its answers to catch requests in flight.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { seededRandom } from "./service-workload";

export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  body: string;
  /** Epoch millis when it was read. */
  at: number;
  status: number;
}

export interface ReceiverOptions {
  /** The share of requests answered 500, drawn from a seeded generator. */
  failRate?: number;
  seed?: number;
  /** Keep the requests (tests); a benchmark counts them only. */
  record?: boolean;
}

export class WebhookReceiver {
  readonly requests: ReceivedRequest[] = [];
  count = 0;
  /** The share of requests answered 500 from now on. */
  failRate: number;
  private server: Server | undefined;
  private port = 0;
  private readonly random: () => number;
  private readonly listeners = new Set<() => void>();
  private held: Array<() => void> | undefined;

  constructor(private readonly options: ReceiverOptions = {}) {
    this.random = seededRandom(options.seed ?? 1);
    this.failRate = options.failRate ?? 0;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks`;
  }

  /** Listens (again, on the same port after a stop). */
  async start(): Promise<void> {
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        const status = this.random() < this.failRate ? 500 : 200;
        this.count++;
        if (this.options.record !== false) this.requests.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8"), at: Date.now(), status });
        const answer = (): void => void response.writeHead(status, { "content-type": "text/plain" }).end(status === 200 ? "ok" : "try again");
        if (this.held) this.held.push(answer);
        else answer();
        for (const listener of [...this.listeners]) listener();
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.port, "127.0.0.1", () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Stops listening and drops open connections: requests now fail until the next start. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  }

  /** Requests are read but not answered until `release`. */
  hold(): void {
    this.held ??= [];
  }

  release(): void {
    const held = this.held ?? [];
    this.held = undefined;
    for (const answer of held) answer();
  }

  /** Resolves once `count` requests have been read in all. */
  received(count: number): Promise<void> {
    return new Promise((resolve) => {
      const check = (): void => {
        if (this.count < count) return;
        this.listeners.delete(check);
        resolve();
      };
      this.listeners.add(check);
      check();
    });
  }
}
