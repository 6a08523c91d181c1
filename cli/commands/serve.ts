// `stagecraft serve <paths...> [--data DIR] [--database URL] [--listen HOST:PORT] [--token-file FILE]
//   [--webhook [TYPES=]URL]... [--webhook-secret-file FILE]`:
// runs the rules live (service/). The service's modules (fastify, PGlite, pg)
// load only for this command.
import type { Command } from "commander";
import { compileOrReport } from "../compile-rules";
import { CliError, ExitCode, usageError } from "../errors";
import { readText } from "../sources";
import type { Output } from "../output";
import { storeLocation, type StoreFlags } from "../store-flags";
import type { WebhookOptions } from "../../service/webhooks/create-webhooks";

interface ServeOptions extends StoreFlags {
  listen: string;
  tokenFile?: string;
  webhook: string[];
  webhookSecretFile?: string;
}

export function registerServe(program: Command, out: Output): void {
  program
    .command("serve")
    .description("run the rules live: events over HTTP, timers on the wall clock, outputs stored (docs/service.md)")
    .argument("<paths...>", ".rules files or folders")
    .option("--data <dir>", "keep the store in this folder (embedded PostgreSQL, PGlite)", undefined)
    .option("--database <url>", "keep the store in a PostgreSQL server (or set STAGECRAFT_DATABASE_URL)")
    .option("--listen <host:port>", "address to listen on; port 0 picks a free port", "127.0.0.1:8080")
    .option("--token-file <file>", "require Authorization: Bearer <the file's token> on every route but /v1/health")
    .option("--webhook <[types=]url>", "POST effects to this URL (repeatable); TYPES=URL takes only those effect types, e.g. email.send,sms.send=URL", collect, [])
    .option("--webhook-secret-file <file>", "the secret that signs webhook requests (Stagecraft-Signature, HMAC-SHA256)")
    .action(async (paths: string[], options: ServeOptions) => {
      const { host, port } = parseListen(options.listen);
      const token = options.tokenFile === undefined ? undefined : readToken(options.tokenFile);
      const webhooks = await webhookOptions(options);
      const location = storeLocation(options, out.env ?? {});
      const compiled = compileOrReport(paths, out);
      if (!compiled) return;
      const { runServer } = await import("../../service/server");
      const { ServeError } = await import("../../service/store/errors");
      try {
        await runServer({
          ...location,
          program: compiled.program,
          sources: compiled.sources.map(({ path, text }) => ({ path, text })),
          host,
          port,
          ...(token !== undefined ? { token } : {}),
          ...(webhooks ? { webhooks } : {}),
          command: `stagecraft serve ${paths.join(" ")}`,
          announce: (line) => out.stderr(line + "\n"),
        });
      } catch (error) {
        if (error instanceof ServeError) throw new CliError(error.message, ExitCode.usage);
        throw error;
      }
    });
}

function parseListen(listen: string): { host: string; port: number } {
  const colon = listen.lastIndexOf(":");
  const host = listen.slice(0, colon).replace(/^\[(.*)\]$/, "$1");
  const port = Number(listen.slice(colon + 1));
  if (colon <= 0 || !Number.isInteger(port) || port < 0 || port > 65535 || listen.slice(colon + 1) === "") {
    throw usageError(`--listen must be HOST:PORT (e.g. 127.0.0.1:8080; port 0 picks a free port), not "${listen}"`);
  }
  return { host, port };
}

export function readToken(path: string): string {
  const token = readText(path, "token file").trim();
  if (token === "" || /\s/.test(token)) throw usageError(`${path}: the token file must hold one token (no spaces), not ${token === "" ? "nothing" : "several words"}`);
  return token;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** The webhooks and their secret, checked before anything starts. */
async function webhookOptions(options: ServeOptions): Promise<WebhookOptions | undefined> {
  if (options.webhook.length === 0) {
    if (options.webhookSecretFile !== undefined) throw usageError("--webhook-secret-file signs webhook requests: give --webhook URL too");
    return undefined;
  }
  if (options.webhookSecretFile === undefined) throw usageError("--webhook needs --webhook-secret-file FILE: receivers check every request's signature with that secret");
  const secret = readText(options.webhookSecretFile, "webhook secret file").trim();
  if (secret === "") throw usageError(`${options.webhookSecretFile}: the webhook secret file is empty`);
  const { parseWebhook, WebhookSpecError } = await import("../../service/webhooks/endpoints");
  try {
    return { endpoints: options.webhook.map(parseWebhook), secret };
  } catch (error) {
    if (error instanceof WebhookSpecError) throw usageError(error.message);
    throw error;
  }
}
