// Webhook delivery benchmark: `stagecraft serve` as a real process with
// --webhook, on PGlite and on PostgreSQL (STAGECRAFT_TEST_DATABASE_URL), posting
// the webhook workload (four effects per deal, each deal its own record) in
// batches, to a receiver on 127.0.0.1 that answers 200 at once. Throughput is
// deliveries per second from a full outbox (the receiver holds its answers
// while the events are posted) to the last delivery; the baseline,
// measured in the same run, is the same bodies and headers POSTed straight to
// the same receiver by this process with the same number in flight (64), so
// the ratio is what the outbox costs: its reads and writes, the signing, the
// order per record.
// Usage: npm run bench:webhooks
//   BENCH_WEBHOOK_DEALS (2000: 8,000 deliveries), BENCH_BACKENDS (pglite,postgres)
import { ensureCliBuilt, startServe, type ServeOptions } from "../test/service/serve-process";
import { freshDataDir, freshSchema, postgresAvailable } from "../test/service/stores";
import { WebhookReceiver, type ReceivedRequest } from "../test/service/webhook-receiver";
import { EFFECTS_PER_DEAL, webhookEvents, webhookRules } from "../test/service/webhook-workload";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const deals = Number(process.env.BENCH_WEBHOOK_DEALS ?? 2_000);
const backends = (process.env.BENCH_BACKENDS ?? "pglite,postgres").split(",");
/** As many requests in flight as the dispatcher sends in a round. */
const IN_FLIGHT = 64;
const BATCH = 100;

ensureCliBuilt();
const work = mkdtempSync(join(tmpdir(), "stagecraft-bench-webhooks-"));
const secretFile = join(work, "secret");
writeFileSync(secretFile, "whsec-bench\n");
try {
  if (backends.includes("pglite")) {
    const { dir, remove } = await freshDataDir();
    await measure("PGlite", { data: dir }).finally(remove);
  }
  if (backends.includes("postgres") && postgresAvailable) {
    const { url, remove } = await freshSchema();
    await measure("PostgreSQL", { database: url }).finally(remove);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

async function measure(name: string, store: ServeOptions["store"]): Promise<void> {
  const receiver = new WebhookReceiver();
  await receiver.start();
  const server = await startServe({ rules: webhookRules, store, extraArgs: ["--webhook", receiver.url, "--webhook-secret-file", secretFile] });
  const expected = deals * EFFECTS_PER_DEAL;
  try {
    const lines = webhookEvents(deals, Date.now() - 60_000, 1);
    // The first round waits on the receiver while every event is posted, so
    // the timing below is of delivery alone, from a full outbox.
    receiver.hold();
    const postStarted = performance.now();
    for (let i = 0; i < lines.length; i += BATCH) await post(server.url, lines.slice(i, i + BATCH));
    const postSeconds = (performance.now() - postStarted) / 1000;
    const released = Date.now();
    receiver.release();
    await receiver.received(expected);
    const requests = receiver.requests;
    const seconds = (requests[requests.length - 1]!.at - released) / 1000;
    const webhooks = requests.length / seconds;

    const baselineReceiver = new WebhookReceiver({ record: false });
    await baselineReceiver.start();
    const baseline = await plainPosts(baselineReceiver.url, requests);
    await baselineReceiver.stop();
    console.log(
      `${name}: ${requests.length} deliveries (${lines.length} events posted in ${postSeconds.toFixed(1)} s): ${webhooks.toFixed(0)} deliveries/s; ` +
        `plain POSTs of the same bodies, ${IN_FLIGHT} in flight: ${baseline.toFixed(0)}/s; ratio ${(webhooks / baseline).toFixed(2)}`,
    );
  } finally {
    await server.stop();
    await receiver.stop();
  }
}

async function post(url: string, lines: string[]): Promise<void> {
  const response = await fetch(`${url}/v1/events`, { method: "POST", headers: { "content-type": "application/x-ndjson" }, body: lines.join("\n") });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`POST /v1/events answered ${response.status}: ${text.slice(0, 500)}`);
}

/** The same requests sent again, IN_FLIGHT at a time (a new one as each is answered); per second. */
async function plainPosts(url: string, requests: readonly ReceivedRequest[]): Promise<number> {
  let next = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (next < requests.length) {
      const { headers, body } = requests[next++]!;
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": String(headers["idempotency-key"]), "stagecraft-signature": String(headers["stagecraft-signature"]) },
        body,
      });
      await response.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return requests.length / ((performance.now() - started) / 1000);
}
