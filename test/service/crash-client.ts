// The crash-safety test's moving parts: a supervisor that SIGKILLs `stagecraft
// serve` at seeded moments and restarts it on the same store, and a client that
// posts batches and re-posts a batch, unchanged, until one answer acknowledges it.
import { ServeProcess, describeExit, sleep, type ServeOptions } from "./serve-process";

export class Supervisor {
  private server: ServeProcess | undefined;
  private restarting: Promise<ServeProcess> | undefined;
  kills = 0;
  /** Kills that landed while the process was still starting (replaying its log). */
  startupKills = 0;
  /** Time spent from each kill to the next healthy answer. */
  restartMs = 0;
  private killsPlanned = new Set<ServeProcess>();

  constructor(private readonly options: ServeOptions) {}

  async start(): Promise<void> {
    this.server = new ServeProcess(this.options);
    await this.server.ready();
  }

  /** The server to talk to now: waits while a restart is under way. */
  async current(): Promise<ServeProcess> {
    if (this.restarting) return this.restarting;
    const server = this.server!;
    if (!server.alive) throw new Error(`serve ended without being killed (${describeExit(await server.exited)}):\n${server.stderr}`);
    return server;
  }

  /**
   * Kills `server` after `delayMs`, then restarts on the same store; with
   * `alsoDuringStartupMs`, the first restart is killed that long after it starts.
   * Requests wait for the restart from now on, so only the one in flight meets the kill.
   */
  killLater(server: ServeProcess, delayMs: number, alsoDuringStartupMs?: number): void {
    this.killsPlanned.add(server);
    this.restarting = (async () => {
      await sleep(delayMs);
      const started = performance.now();
      await this.crash(server);
      if (alsoDuringStartupMs !== undefined) {
        // A crash while the new process opens the store and replays its log.
        const starting = new ServeProcess(this.options);
        this.killsPlanned.add(starting);
        await sleep(alsoDuringStartupMs);
        if (starting.url === "") this.startupKills += 1;
        await this.crash(starting);
      }
      const next = new ServeProcess(this.options);
      await next.ready();
      this.restartMs += performance.now() - started;
      this.server = next;
      this.restarting = undefined;
      return next;
    })();
  }

  private async crash(server: ServeProcess): Promise<void> {
    if (!server.alive) throw new Error(`serve ended before it was killed (${describeExit(await server.exited)}):\n${server.stderr}`);
    const exit = await server.kill();
    if (exit.signal !== "SIGKILL") throw new Error(`serve ended on its own (${describeExit(exit)}) before the kill:\n${server.stderr}`);
    this.kills += 1;
  }

  /**
   * A request to `server` failed: the server that replaces it, when the failure is
   * one of the planned kills. Any other failure is the service's fault.
   */
  async replacementFor(server: ServeProcess, failure: unknown): Promise<ServeProcess> {
    if (!this.killsPlanned.has(server)) {
      throw new Error(`a request failed with no kill planned (${(failure as Error).message}); serve ${server.alive ? "is still running" : describeExit(await server.exited)}:\n${server.stderr}`);
    }
    return this.current();
  }

  /** SIGTERM: the clean stop must end with exit code 0. */
  async stop(): Promise<void> {
    const server = await this.current();
    const exit = await server.stop();
    if (exit.code !== 0) throw new Error(`serve stopped with ${describeExit(exit)} on SIGTERM:\n${server.stderr}`);
  }

  /** A last resort for a failed test: no process outlives it. */
  async killAll(): Promise<void> {
    await this.restarting?.catch(() => undefined);
    await this.server?.kill();
  }
}

export interface Acknowledgement {
  accepted: Array<{ id: string; position: number }>;
  duplicates: string[];
}

export interface PostOutcome extends Acknowledgement {
  /** How many times the batch was sent before an answer acknowledged it. */
  attempts: number;
}

/**
 * Posts one batch as JSON Lines until it is acknowledged. A lost connection (the
 * planned kill) or a 503 (the store went away) sends the same bytes again; any
 * other answer is an error.
 */
export async function postUntilAcknowledged(supervisor: Supervisor, body: string, onSend: (server: ServeProcess) => void): Promise<PostOutcome> {
  for (let attempts = 1; attempts <= 30; attempts++) {
    const server = await supervisor.current();
    onSend(server);
    let status: number;
    let text: string;
    try {
      const response = await fetch(`${server.url}/v1/events`, {
        method: "POST",
        headers: { "content-type": "application/x-ndjson" },
        body,
        signal: AbortSignal.timeout(30_000),
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      await supervisor.replacementFor(server, error);
      continue;
    }
    if (status === 503) {
      await sleep(50);
      continue;
    }
    if (status !== 200) throw new Error(`POST /v1/events answered ${status}: ${text}`);
    return { ...(JSON.parse(text) as Acknowledgement), attempts };
  }
  throw new Error("a batch was not acknowledged after 30 attempts");
}
