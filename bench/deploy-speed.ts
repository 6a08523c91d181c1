// Deploy benchmark: a deploy (PUT /v1/rules' work: the old rules' due timers,
// the migration plan, the deploy's outputs and version stored at once) to a
// workspace with many live records, each with timers waiting and a workflow
// instance, in-process on PGlite and on PostgreSQL (STAGECRAFT_TEST_DATABASE_URL),
// with the service's clock held still so nothing fires in between. The
// rules are test/fixtures/deploy: base, then head, which moves or cancels
// every deal's timers and fires its changed "Ping" at once. Baselines measured
// in the same run on the same store: posting the workspace's events (batches
// of 1,000, as a client would), and `log replay` of the whole log, deploy
// included. Each size runs on a new store, so how the deploy grows with the
// records shows in the rows.
// Usage: npm run bench:deploy
//   BENCH_DEPLOY_DEALS (2500,5000,10000), BENCH_BACKENDS (pglite,postgres),
//   BENCH_PROFILE=1 profiles the deploys alone (bench/out/profiles/deploy) and prints where their time went.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { join } from "node:path";
import { summarizeProfiles } from "./cpu-profile-summary";
import { compileRuleFiles } from "../cli/compile-rules";
import type { Program } from "../runtime/index";
import type { Clock } from "../service/clock";
import { openStore, type StoreLocation } from "../service/open-store";
import { replayLog } from "../service/replay-log";
import { RulesService } from "../service/rules-service";
import { freshDataDir, freshSchema, postgresAvailable } from "../test/service/stores";

const sizes = (process.env.BENCH_DEPLOY_DEALS ?? "2500,5000,10000").split(",").map(Number);
const backends = (process.env.BENCH_BACKENDS ?? "pglite,postgres").split(",");
const profileDir = process.env.BENCH_PROFILE === "1" ? join("bench", "out", "profiles", "deploy") : undefined;
const BATCH = 1_000;
const fixture = join("test", "fixtures", "deploy");
/** After every event, before any timer of the base rules is due (the nearest: "Ping", 2 days after a deal). */
const DEPLOY_AT = Date.parse("2026-03-03T12:00:00Z");

/** A clock held still: the service reads it; no wake-up ever comes. */
const stillClock: Clock = { now: () => DEPLOY_AT, wakeAt: () => () => undefined };

interface Rules {
  program: Program;
  sources: Array<{ path: string; text: string }>;
}

const rulesOf = (folder: string): Rules => {
  const { result, sources } = compileRuleFiles([join(fixture, folder)]);
  if (!result.program) throw new Error(`the ${folder} rules of ${fixture} have errors`);
  return { program: result.program, sources: sources.map(({ path, text }) => ({ path, text })) };
};
const base = rulesOf("base");
const head = rulesOf("head");

/** Per deal: its contact, the deal (its "Nudge" and "Ping" timers), its documents stage (a "Docs reminder" timer), a raise that enrolls it in "Follow up". */
function dealEvents(deals: number): string[] {
  const lines: string[] = [];
  const start = Date.parse("2026-03-02T00:00:00Z");
  const at = () => new Date(start + Math.floor((lines.length * 36_000_000) / (deals * 4))).toISOString();
  for (let n = 0; n < deals; n++) {
    lines.push(JSON.stringify({ id: `c${n}`, at: at(), entity: `contact/C${n}`, type: "created", data: { name: `Client ${n}`, email: `c${n}@example.com` } }));
    lines.push(JSON.stringify({ id: `d${n}`, at: at(), entity: `deal/D${n}`, type: "created", data: { title: `Roof ${n}`, amount: 50, contact: `contact/C${n}`, stage: "New" } }));
    lines.push(JSON.stringify({ id: `p${n}`, at: at(), entity: `deal/D${n}`, type: "stage.opened", data: { stage: "Documentation pending" } }));
    lines.push(JSON.stringify({ id: `u${n}`, at: at(), entity: `deal/D${n}`, type: "updated", data: { amount: 500 } }));
  }
  return lines;
}

const seconds = async <T>(work: () => Promise<T>): Promise<{ result: T; seconds: number }> => {
  const started = performance.now();
  const result = await work();
  return { result, seconds: (performance.now() - started) / 1000 };
};

/** `work` under the CPU profiler when BENCH_PROFILE=1, its profile written as `name`. */
async function profiled<T>(name: string, work: () => Promise<T>): Promise<T> {
  if (!profileDir) return work();
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  try {
    return await work();
  } finally {
    const { profile } = await session.post("Profiler.stop");
    writeFileSync(join(profileDir, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}

async function measure(name: string, deals: number, location: StoreLocation): Promise<void> {
  const store = await openStore(location, { command: "bench:deploy", writer: true });
  try {
    const service = await RulesService.open({ program: base.program, sources: base.sources, store, clock: stillClock });
    const lines = dealEvents(deals);
    const post = await seconds(async () => {
      for (let i = 0; i < lines.length; i += BATCH) {
        await service.accept(lines.slice(i, i + BATCH).map((text, index) => ({ line: index + 1, text })));
      }
    });
    const deploy = await seconds(() => profiled(`${name}-${deals}`, () => service.deploy(head.program, head.sources, false)));
    if (!deploy.result.deployed) throw new Error("the deploy did not happen");
    await service.close();
    const replay = await seconds(() => replayLog(store));
    if (replay.result.differing !== 0) throw new Error(`log replay found ${replay.result.differing} differences`);
    const plan = deploy.result.plan;
    console.log(
      `${name.padEnd(10)} ${String(deals).padStart(6)} deals ${String(lines.length).padStart(6)} events ` +
        `${String(plan.timers.length).padStart(6)} timers changed ${String(deploy.result.outputs.length).padStart(6)} outputs | ` +
        `post ${post.seconds.toFixed(2)} s  deploy ${deploy.seconds.toFixed(2)} s  replay ${replay.seconds.toFixed(2)} s | ` +
        `deploy/post ${(deploy.seconds / post.seconds).toFixed(2)}  deploy/replay ${(deploy.seconds / replay.seconds).toFixed(2)}  ` +
        `deploy per deal ${((deploy.seconds * 1e6) / deals).toFixed(0)} µs`,
    );
  } finally {
    await store.close();
  }
}

if (profileDir) {
  rmSync(profileDir, { recursive: true, force: true });
  mkdirSync(profileDir, { recursive: true });
}
for (const deals of sizes) {
  if (backends.includes("pglite")) {
    const { dir, remove } = await freshDataDir();
    await measure("PGlite", deals, { data: dir }).finally(remove);
  }
  if (backends.includes("postgres") && postgresAvailable) {
    const { url, remove } = await freshSchema();
    await measure("PostgreSQL", deals, { database: url }).finally(remove);
  }
}
if (profileDir) summarizeProfiles(profileDir, 30);
