// Service benchmark: `stagecraft serve` as a real process on PGlite and
// on PostgreSQL (STAGECRAFT_TEST_DATABASE_URL, a schema of its own per store):
// - ingest: 4 concurrent clients, each posting its own stream in batches of 100;
// - latency: single-event requests sent at a steady 200 per second (open loop:
//   a slow answer does not delay the next request), p50/p99 until acknowledged;
// - timers: opportunities whose one-minute nudge comes due over the next seconds,
//   lateness = when the output reaches a client waiting on GET /v1/outputs minus due;
// - ready: start to GET /v1/health 200 on a store with a long log, after SIGTERM and
//   after SIGKILL (see buildLongLog for how the log is made).
// Usage: npm run bench:serve
//   BENCH_INGEST_EVENTS (40000), BENCH_LATENCY_SECONDS (15), BENCH_TIMERS (2000),
//   BENCH_READY_EVENTS (1000000), BENCH_BACKENDS (pglite,postgres),
//   BENCH_PARTS (ingest,timers,ready: ingest includes the latency part),
//   BENCH_PROFILE=1 writes --cpu-prof profiles of the ingest servers to bench/out/profiles,
//   BENCH_READY_PGLITE=DIR / BENCH_READY_POSTGRES=URL: measure ready on a store with a
//   long log kept from before (built and left there when it is empty), instead of a new one.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { compileRuleFiles } from "../cli/compile-rules";
import type { BatchItem } from "../service/event-batch";
import { openStore } from "../service/open-store";
import { DEFAULT_SNAPSHOT_EVERY, RulesService } from "../service/rules-service";
import { freshDataDir, freshSchema, postgresAvailable } from "../test/service/stores";
import { summarizeProfiles } from "./cpu-profile-summary";
import { ensureCliBuilt, describeExit, ServeProcess, sleep, startServe, type ServeOptions } from "../test/service/serve-process";
import { generateWorkload, workload, workloadRules, type WorkloadEvent } from "../test/service/service-workload";

const ingestEvents = Number(process.env.BENCH_INGEST_EVENTS ?? 40_000);
const latencySeconds = Number(process.env.BENCH_LATENCY_SECONDS ?? 15);
const timerCount = Number(process.env.BENCH_TIMERS ?? 2_000);
const readyEvents = Number(process.env.BENCH_READY_EVENTS ?? 1_000_000);
const backends = (process.env.BENCH_BACKENDS ?? "pglite,postgres").split(",");
const parts = (process.env.BENCH_PARTS ?? "ingest,timers,ready").split(",");
const profileDir = process.env.BENCH_PROFILE === "1" ? join("bench", "out", "profiles") : undefined;
const CLIENTS = 4;
const BATCH = 100;
const RATE = 200;
/** Events after the newest snapshot when the crash comes: near the most a restart replays. */
const TAIL = Math.floor(DEFAULT_SNAPSHOT_EVERY * 0.9);

type Store = ServeOptions["store"];

interface Backend {
  name: string;
  /** A new, empty store; `drop` removes it. */
  fresh(): Promise<{ store: Store; drop(): Promise<void> }>;
}

const available: Backend[] = [];
if (backends.includes("pglite")) {
  available.push({
    name: "PGlite",
    fresh: async () => {
      const { dir, remove } = await freshDataDir();
      return { store: { data: dir }, drop: async () => remove() };
    },
  });
}
if (backends.includes("postgres") && postgresAvailable) {
  available.push({
    name: "PostgreSQL",
    fresh: async () => {
      const { url, remove } = await freshSchema();
      return { store: { database: url }, drop: remove };
    },
  });
}

ensureCliBuilt();
for (const backend of available) {
  console.log(`\n== ${backend.name}`);
  if (parts.includes("ingest")) await ingestAndLatency(backend);
  if (parts.includes("timers")) await timerLateness(backend);
  if (parts.includes("ready")) await readyWithLongLog(backend);
}

async function ingestAndLatency(backend: Backend): Promise<void> {
  const { store, drop } = await backend.fresh();
  const server = await startServe({ rules: workloadRules, store, nodeArgs: profiling(`${backend.name}-ingest`) });
  try {
    const ingest = await postConcurrently(server.url, streams(ingestEvents, "i"));
    console.log(`ingest: ${ingest.events} events, ${CLIENTS} clients x batches of ${BATCH}: ${ingest.perSecond.toFixed(0)} events/s`);

    const latencies = await steadySingles(server.url);
    console.log(`single events at ${RATE}/s for ${latencySeconds} s: p50 ${percentile(latencies, 0.5).toFixed(1)} ms, p99 ${percentile(latencies, 0.99).toFixed(1)} ms, max ${percentile(latencies, 1).toFixed(1)} ms`);
  } catch (error) {
    throw new Error(`${(error as Error).message} (${(error as Error).cause ?? ""}); serve ${server.alive ? "still runs" : describeExit(await server.exited)}, its log ends:\n${server.stderr.slice(-3000)}`);
  } finally {
    await stopOrKill(server);
    await drop();
  }
  if (profileDir) summarizeProfiles(join(profileDir, `${backend.name}-ingest`), 25);
}

/** Node options that make a server write a CPU profile into its own folder when BENCH_PROFILE=1. */
function profiling(name: string): string[] {
  if (!profileDir) return [];
  rmSync(join(profileDir, name), { recursive: true, force: true });
  return ["--cpu-prof", "--cpu-prof-dir", join(profileDir, name)];
}

/** One stream per client, each of whole opportunities, all within the wall clock's five-minute window. */
function streams(total: number, label: string): WorkloadEvent[][] {
  const perClient = Math.ceil(total / CLIENTS);
  // Event times end no later than three minutes from now, whatever the size.
  const span = 240_000;
  const step = Math.max(1, Math.min(15, Math.floor(span / perClient)));
  const start = Date.now() + 180_000 - perClient * step;
  return Array.from({ length: CLIENTS }, (_, client) => generateWorkload({ events: perClient, start, step, seed: 11 + client, prefix: `${label}${client}-` }));
}

async function postConcurrently(url: string, clientStreams: WorkloadEvent[][]): Promise<{ events: number; perSecond: number }> {
  const started = performance.now();
  await Promise.all(
    clientStreams.map(async (events) => {
      for (let i = 0; i < events.length; i += BATCH) {
        await postEvents(url, events.slice(i, i + BATCH));
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const events = clientStreams.reduce((sum, s) => sum + s.length, 0);
  return { events, perSecond: events / seconds };
}

async function postEvents(url: string, events: WorkloadEvent[]): Promise<void> {
  const response = await fetch(`${url}/v1/events`, {
    method: "POST",
    headers: { "content-type": "application/x-ndjson" },
    body: events.map((e) => JSON.stringify(e)).join("\n") + "\n",
    signal: AbortSignal.timeout(60_000),
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`POST /v1/events answered ${response.status}: ${text.slice(0, 500)}`);
}

/** Open loop: request i leaves at start + i / RATE seconds, whether or not earlier ones were answered. */
async function steadySingles(url: string): Promise<number[]> {
  const count = RATE * latencySeconds;
  const events = generateWorkload({ events: count, start: Date.now() - 60_000, step: 1, seed: 5, prefix: "s-" });
  const latencies: number[] = [];
  const pending: Array<Promise<void>> = [];
  const start = performance.now() + 50;
  for (let i = 0; i < count; i++) {
    const due = start + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const event = events[i]!;
    pending.push(
      (async () => {
        const sent = performance.now();
        const response = await fetch(`${url}/v1/events`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(event),
          signal: AbortSignal.timeout(60_000),
        });
        const text = await response.text();
        if (response.status !== 200) throw new Error(`POST /v1/events answered ${response.status}: ${text.slice(0, 500)}`);
        latencies.push(performance.now() - sent);
      })(),
    );
  }
  await Promise.all(pending);
  return latencies;
}

/**
 * Opportunities created a minute before now, spread over a few seconds: their
 * one-minute nudges come due over the next seconds, on an otherwise idle service.
 */
async function timerLateness(backend: Backend): Promise<void> {
  const { store, drop } = await backend.fresh();
  const server = await startServe({ rules: workloadRules, store });
  try {
    const spreadMs = 10_000;
    const firstDue = Date.now() + 5_000;
    const events: WorkloadEvent[] = [];
    for (let n = 1; n <= timerCount; n++) {
      const at = new Date(firstDue - 60_000 + Math.floor(((n - 1) * spreadMs) / timerCount)).toISOString();
      events.push({ id: `c${n}`, at, entity: `contact/T${n}`, type: "created", data: { name: `Client ${n}`, email: `t${n}@example.com` } });
      events.push({ id: `o${n}`, at, entity: `opportunity/T${n}`, type: "created", data: { title: `Roof ${n}`, amount: 5000, channel: "phone", contact: `contact/T${n}`, stage: "Documentation pending" } });
    }
    for (let i = 0; i < events.length; i += BATCH) await postEvents(server.url, events.slice(i, i + BATCH));
    if (Date.now() > firstDue) console.log("timers: posting took longer than the lead time; the first nudges were due before they were all posted");

    const lateness: number[] = [];
    let after = 0;
    const deadline = Date.now() + spreadMs + 60_000;
    while (lateness.length < timerCount && Date.now() < deadline) {
      const response = await fetch(`${server.url}/v1/outputs?after=${after}&limit=1000&wait=5`, { signal: AbortSignal.timeout(10_000) });
      const page = (await response.json()) as { outputs: Array<{ position: number; id: string; at: string; rule?: string }>; next: number };
      const received = Date.now();
      for (const output of page.outputs) {
        if (output.rule === "Nudge for documents") lateness.push(received - Date.parse(output.at));
      }
      after = page.next;
    }
    if (lateness.length < timerCount) console.log(`timers: only ${lateness.length} of ${timerCount} nudges arrived within a minute of the last due time`);
    console.log(`timer lateness (${lateness.length} timers due over ${spreadMs / 1000} s): p50 ${percentile(lateness, 0.5)} ms, p99 ${percentile(lateness, 0.99)} ms, max ${percentile(lateness, 1)} ms`);
  } finally {
    await stopOrKill(server);
    await drop();
  }
}

async function readyWithLongLog(backend: Backend): Promise<void> {
  const kept = backend.name === "PGlite" ? process.env.BENCH_READY_PGLITE : process.env.BENCH_READY_POSTGRES;
  const { store, drop } = kept === undefined ? await backend.fresh() : { store: backend.name === "PGlite" ? { data: kept } : { database: kept }, drop: async () => undefined };
  try {
    if (kept === undefined || !(await hasLog(store))) {
      const started = performance.now();
      await buildLongLog(store);
      console.log(`ready: built a log of ${readyEvents} events in-process (${(readyEvents / ((performance.now() - started) / 1000)).toFixed(0)} events/s)`);
    }
    console.log(`ready after a clean stop (newest snapshot at the end of the log): ${(await timeToReady(store, `${backend.name}-ready`)).toFixed(0)} ms`);
    if (profileDir) summarizeProfiles(join(profileDir, `${backend.name}-ready`), 15);
    // A tail the newest snapshot lacks, just below the service's snapshot interval, then a crash.
    const server = await startServe({ rules: workloadRules, store, readyTimeoutMs: 600_000 });
    const tail = generateWorkload({ events: TAIL, start: Date.now() - 60_000, step: Math.floor(240_000 / TAIL), seed: 3, prefix: "tail-" });
    for (let i = 0; i < tail.length; i += BATCH) await postEvents(server.url, tail.slice(i, i + BATCH));
    await server.kill();
    console.log(`ready after SIGKILL with ${TAIL} events to replay: ${(await timeToReady(store, `${backend.name}-ready-after-crash`)).toFixed(0)} ms`);
    if (profileDir) summarizeProfiles(join(profileDir, `${backend.name}-ready-after-crash`), 15);
  } finally {
    await drop();
  }
}

/** Whether a kept store holds a log already. */
async function hasLog(location: Store): Promise<boolean> {
  const store = await openStore(location, { command: "npm run bench:serve (looking at a kept store)", writer: false });
  try {
    return (await store.exists()) && (await store.lastPositions()).log > 0;
  } finally {
    await store.close();
  }
}

/**
 * The long log through the service's own code in this process (RulesService, as
 * `serve` runs it, without HTTP), in batches of 5,000 and with one snapshot at the
 * end: what a `serve` fed the same events leaves in its store (the log, the
 * outputs, the newest snapshot), without a snapshot every 10,000 events on the way.
 */
async function buildLongLog(location: Store): Promise<void> {
  const { result } = compileRuleFiles(workloadRules);
  if (!result.program) throw new Error("the workload's rules do not compile");
  const store = await openStore(location, { command: "npm run bench:serve (building a long log)", writer: true });
  try {
    const service = await RulesService.open({ program: result.program, store, snapshotEvery: Number.MAX_SAFE_INTEGER });
    // Event times end three minutes from now; most lie hours in the past.
    const step = 15;
    let items: BatchItem[] = [];
    for (const event of workload({ events: readyEvents, start: Date.now() + 180_000 - readyEvents * step, step, seed: 17, prefix: "r-" })) {
      items.push({ line: items.length + 1, text: JSON.stringify(event) });
      if (items.length === 5_000) {
        await service.accept(items);
        items = [];
      }
    }
    if (items.length > 0) await service.accept(items);
    await service.close();
  } finally {
    await store.close();
  }
}

/** Start to GET /v1/health 200; the measured process then stops cleanly (SIGTERM). */
async function timeToReady(store: Store, profileName: string): Promise<number> {
  const started = performance.now();
  const server = new ServeProcess({ rules: workloadRules, store, nodeArgs: profiling(profileName) });
  await server.ready(600_000);
  const ms = performance.now() - started;
  await stopOrKill(server);
  return ms;
}

async function stopOrKill(server: ServeProcess): Promise<void> {
  try {
    const exit = await server.stop(60_000);
    if (exit.code !== 0) console.log(`serve stopped with ${describeExit(exit)}:\n${server.stderr.slice(-2000)}`);
  } catch (error) {
    console.log((error as Error).message.slice(0, 2000));
  }
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  values.sort((a, b) => a - b);
  return values[Math.min(values.length - 1, Math.ceil(p * values.length) - 1)]!;
}
