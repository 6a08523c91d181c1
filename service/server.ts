// `stagecraft serve` as a process: opens the store (taking its writer lock),
// rebuilds the engine, listens, writes the start line, and on SIGTERM/SIGINT
// stops cleanly: in-flight requests finish, a snapshot is saved, the lock is
// released. Logs are pino JSON lines on stderr.
import { pino } from "pino";
import type { Program } from "../runtime/index";
import { buildHttp } from "./http";
import { openStore, type StoreLocation } from "./open-store";
import { RulesService } from "./rules-service";
import { ServeError } from "./store/errors";
import { systemClock } from "./clock";
import { createWebhooks, type WebhookOptions } from "./webhooks/create-webhooks";
import type { RuleVersion } from "./store/rule-versions";

export interface ServerOptions extends StoreLocation {
  program: Program;
  /** The rules files `program` was compiled from, in that order: kept as the first version's files. */
  sources: RuleVersion["sources"];
  host: string;
  port: number;
  token?: string;
  /** The command line, shown to a second serve that finds the store locked. */
  command: string;
  /** Where the start line goes (stderr). */
  announce(line: string): void;
  /** `--webhook` and its secret: effects are delivered by POST (docs/service.md "Webhooks"). */
  webhooks?: WebhookOptions;
}

/** Runs until SIGTERM or SIGINT (resolves then), or until the store's lock is lost (rejects). */
export async function runServer(options: ServerOptions): Promise<void> {
  const logger = pino({ base: { service: "stagecraft" } }, pino.destination({ fd: 2, sync: true }));
  let lockLost: ((error: Error) => void) | undefined;
  const lost = new Promise<never>((_resolve, reject) => {
    lockLost = reject;
  });
  lost.catch(() => undefined);
  const store = await openStore(options, { command: options.command, writer: true, onLockLost: (error) => lockLost?.(error) });
  const clock = systemClock;
  const webhooks = options.webhooks ? createWebhooks(store, clock, logger, options.webhooks) : undefined;
  let service: RulesService;
  try {
    service = await RulesService.open({ program: options.program, sources: options.sources, store, clock, logger, ...(webhooks ? { outbox: webhooks.outbox } : {}) });
  } catch (error) {
    await webhooks?.dispatcher.close();
    await store.close();
    throw error;
  }
  // Deliveries left pending by an earlier process (one killed mid-request included) go out again.
  webhooks?.dispatcher.start();
  const app = buildHttp(service, {
    logger,
    ...(options.token !== undefined ? { token: options.token } : {}),
    ...(webhooks ? { webhooks: { dispatcher: webhooks.dispatcher, clock } } : {}),
  });
  try {
    await app.listen({ host: options.host, port: options.port });
  } catch (error) {
    await webhooks?.dispatcher.close();
    await service.close();
    await store.close();
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "EADDRINUSE" ? "the port is in use" : code === "EACCES" ? "not allowed" : code === "EADDRNOTAVAIL" || code === "ENOTFOUND" ? "no such address here" : (error as Error).message;
    throw new ServeError(`cannot listen on ${options.host}:${options.port}: ${why}; give another --listen`);
  }
  const address = app.server.address();
  const port = typeof address === "object" && address !== null ? address.port : options.port;
  const url = `http://${options.host.includes(":") ? `[${options.host}]` : options.host}:${port}`;
  options.announce(`stagecraft serve: listening on ${url} · store: ${service.storeDescription} · rules: ${service.fingerprint}`);
  logger.info({ url, store: service.storeDescription, rules: service.fingerprint, ...(await service.health()) }, "accepting events");

  const signal = new Promise<string>((resolve) => {
    process.once("SIGTERM", () => resolve("SIGTERM"));
    process.once("SIGINT", () => resolve("SIGINT"));
  });
  try {
    const received = await Promise.race([signal, lost]);
    logger.info({ signal: received }, "stopping: finishing requests in flight");
  } finally {
    service.stopWaiting();
    await app.close();
    await webhooks?.dispatcher.close();
    await service.close();
    await store.close();
    logger.info("stopped; the store is released");
  }
}
