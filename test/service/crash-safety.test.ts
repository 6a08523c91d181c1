// Crash safety of `stagecraft serve` as a real process: a client posts
// 20,000 generated events in batches, re-posting a batch until it is acknowledged,
// while the server is killed with SIGKILL at seeded moments (once more while it
// restarts) and restarted on the same store. At the end every acknowledged event is
// in the log exactly once, no output is stored twice, and `log export` + `run`
// reproduces the stored outputs byte for byte. On PGlite and on PostgreSQL.
import { spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureCliBuilt } from "./serve-process";
import { generateWorkload, seededRandom, workloadRules, type WorkloadEvent } from "./service-workload";
import { postUntilAcknowledged, Supervisor } from "./crash-client";
import { freshDataDir, freshSchema, postgresAvailable } from "./stores";

const EVENTS = 20_000;
/** Event times 15 ms apart from two minutes ago: the stream ends three minutes ahead of the wall clock, inside the five the service accepts. */
const STEP_MS = 15;
const KILLS_WHILE_POSTING = 5;
const cli = join("bin", "stagecraft.js");

let work: string;
beforeAll(() => {
  ensureCliBuilt();
  work = mkdtempSync(join(tmpdir(), "stagecraft-crash-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("serve killed with SIGKILL while a client posts 20,000 events", () => {
  it("loses and repeats nothing on PGlite", async () => {
    const { dir, remove } = await freshDataDir();
    try {
      await crashAndCheck({ data: dir }, ["--data", dir], 1);
    } finally {
      remove();
    }
  }, 300_000);

  it.skipIf(!postgresAvailable)("loses and repeats nothing on PostgreSQL", async () => {
    const { url, remove } = await freshSchema();
    try {
      await crashAndCheck({ database: url }, ["--database", url], 2);
    } finally {
      await remove();
    }
  }, 300_000);
});

async function crashAndCheck(store: { data: string } | { database: string }, storeArgs: string[], seed: number): Promise<void> {
  const random = seededRandom(seed);
  const events = generateWorkload({ events: EVENTS, start: Date.now() - 120_000, step: STEP_MS, seed });
  const batches = cutIntoBatches(events, random);
  // Each kill comes a few milliseconds after the batch that passes its mark is
  // sent: in the middle of a request, a commit, or the answer.
  const marks = Array.from({ length: KILLS_WHILE_POSTING }, () => Math.floor(EVENTS * (0.05 + random() * 0.9))).sort((a, b) => a - b);
  const startupKillAfter = Math.floor(KILLS_WHILE_POSTING / 2);

  const supervisor = new Supervisor({ rules: workloadRules, store });
  const phases: string[] = [];
  let phaseStart = performance.now();
  const phase = (name: string): void => {
    const now = performance.now();
    phases.push(`${name} ${((now - phaseStart) / 1000).toFixed(1)} s`);
    phaseStart = now;
  };
  const acknowledged = new Set<string>();
  let lastPosition = 0;
  let sent = 0;
  let killsScheduled = 0;
  let killsAnsweredTwice = 0;
  let resent = 0;
  let duplicatesAnswered = 0;
  try {
    await supervisor.start();
    for (const batch of batches) {
      const ids = batch.map((event) => event.id);
      const body = batch.map((event) => JSON.stringify(event)).join("\n") + "\n";
      const outcome = await postUntilAcknowledged(supervisor, body, (server) => {
        if (killsScheduled < marks.length && sent + batch.length > marks[killsScheduled]!) {
          killsScheduled += 1;
          const duringStartup = killsScheduled === startupKillAfter ? Math.floor(random() * 400) : undefined;
          supervisor.killLater(server, Math.floor(random() * 100), duringStartup);
        }
      });
      sent += batch.length;
      // All or none: a batch is acknowledged whole, either processed now or stored
      // by an attempt whose answer the kill lost, never part of each.
      const answered = [...outcome.accepted.map((a) => a.id), ...outcome.duplicates].sort();
      expect(answered).toEqual([...ids].sort());
      if (outcome.attempts === 1) expect(outcome.duplicates).toEqual([]);
      else expect([0, batch.length]).toContain(outcome.duplicates.length);
      if (outcome.attempts > 1) resent += 1;
      duplicatesAnswered += outcome.duplicates.length;
      for (const { id, position } of outcome.accepted) {
        expect(position).toBeGreaterThan(lastPosition);
        lastPosition = position;
        acknowledged.add(id);
      }
      for (const id of outcome.duplicates) acknowledged.add(id);
      if (killsScheduled > killsAnsweredTwice) {
        // The answer lost after the commit, for certain once per kill: the restarted
        // server has the batch already and must say so without processing it again.
        killsAnsweredTwice = killsScheduled;
        const again = await postUntilAcknowledged(supervisor, body, () => undefined);
        expect(again.accepted).toEqual([]);
        expect([...again.duplicates].sort()).toEqual([...ids].sort());
        duplicatesAnswered += again.duplicates.length;
      }
    }
    phase("posting");
    expect(supervisor.kills).toBeGreaterThanOrEqual(5);
    expect(resent).toBeGreaterThan(0);
    expect(duplicatesAnswered).toBeGreaterThan(0);
    expect(acknowledged.size).toBe(EVENTS);

    const server = await supervisor.current();
    const health = (await (await fetch(`${server.url}/v1/health`)).json()) as { events: number; outputs: number };
    expect(health.events).toBe(EVENTS);
    const served = await readAllOutputs(server.url);
    expect(new Set(served.map((o) => o.id)).size).toBe(served.length);
    await supervisor.stop();
    phase("reading outputs and stopping");

    // The log: every event once, in the order the client posted them.
    const exported = exportLog(storeArgs);
    phase("export");
    const logged = exported.events.map((line) => JSON.parse(line) as WorkloadEvent);
    let late = 0;
    expect(logged.map((e) => e.id)).toEqual(events.map((e) => e.id));
    for (let i = 0; i < logged.length; i++) {
      // Processed at its time, or later when it came late; otherwise the event as posted.
      expect(Date.parse(logged[i]!.at)).toBeGreaterThanOrEqual(Date.parse(events[i]!.at));
      if (logged[i]!.at !== events[i]!.at) late += 1;
      expect({ ...logged[i], at: "" }).toEqual({ ...events[i], at: "" });
    }

    // The outputs: none twice, the ones served over HTTP are the ones exported,
    // and the timers fired (not only the rules on events).
    const stored = exported.outputs;
    expect(new Set(stored.map((line) => (JSON.parse(line) as { id: string }).id)).size).toBe(stored.length);
    expect(served.map(({ position: _position, ...fields }) => JSON.stringify(fields))).toEqual(stored.slice(0, served.length));
    expect(stored.filter((line) => line.startsWith('{"id":"t')).length).toBeGreaterThan(100);

    // Replay identity: `run` on the exported log prints exactly the stored outputs.
    const replayed = spawnSync(process.execPath, [cli, "run", ...workloadRules, "--events", exported.eventsPath, "--until", exported.until], {
      encoding: "utf8",
      maxBuffer: 1 << 30,
    });
    expect(replayed.stderr).toBe("");
    expect(replayed.status).toBe(0);
    phase("checks and replay");
    expectSameLines(replayed.stdout, exported.outputsText);
    console.log(
      `crash safety (${"data" in store ? "PGlite" : "PostgreSQL"}): ${EVENTS} events in ${batches.length} batches, ${supervisor.kills} kills (${supervisor.startupKills} while starting), ` +
        `${resent} batches re-sent, ${duplicatesAnswered} duplicates answered, ${late} events processed late, ${stored.length} outputs; ${phases.join(", ")} (restarts ${(supervisor.restartMs / 1000).toFixed(1)} s)`,
    );
  } finally {
    await supervisor.killAll();
  }
}

/** Batches of 1 to 200 events. */
function cutIntoBatches(events: WorkloadEvent[], random: () => number): WorkloadEvent[][] {
  const batches: WorkloadEvent[][] = [];
  for (let i = 0; i < events.length; ) {
    const size = 1 + Math.floor(random() * 200);
    batches.push(events.slice(i, i + size));
    i += size;
  }
  return batches;
}

interface ServedOutput {
  position: number;
  id: string;
  [field: string]: unknown;
}

async function readAllOutputs(url: string): Promise<ServedOutput[]> {
  const all: ServedOutput[] = [];
  let after = 0;
  for (;;) {
    const response = await fetch(`${url}/v1/outputs?after=${after}&limit=1000`);
    expect(response.status).toBe(200);
    const page = (await response.json()) as { outputs: ServedOutput[]; next: number };
    if (page.outputs.length === 0) return all;
    for (const output of page.outputs) {
      expect(output.position).toBeGreaterThan(after);
      after = output.position;
      all.push(output);
    }
    expect(page.next).toBe(after);
  }
}

interface Export {
  eventsPath: string;
  events: string[];
  until: string;
  outputsText: string;
  outputs: string[];
}

function exportLog(storeArgs: string[]): Export {
  const eventsPath = join(work, `export-${storeArgs[0]!.slice(2)}.jsonl`);
  const outputsPath = join(work, `outputs-${storeArgs[0]!.slice(2)}.jsonl`);
  const fd = openSync(eventsPath, "w");
  const result = spawnSync(process.execPath, [cli, "log", "export", ...storeArgs, "--outputs", outputsPath], { stdio: ["ignore", fd, "pipe"], encoding: "utf8" });
  closeSync(fd);
  expect(result.status, result.stderr).toBe(0);
  const until = /until (\S+)/.exec(result.stderr)?.[1];
  expect(until, result.stderr).toBeDefined();
  const outputsText = readFileSync(outputsPath, "utf8");
  return { eventsPath, events: lines(readFileSync(eventsPath, "utf8")), until: until!, outputsText, outputs: lines(outputsText) };
}

function lines(text: string): string[] {
  return text.split("\n").filter((line) => line !== "");
}

/** Byte equality, reported as the first line that differs rather than two large texts. */
function expectSameLines(actual: string, expected: string): void {
  if (actual === expected) return;
  const a = actual.split("\n");
  const b = expected.split("\n");
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  expect({ line: i + 1, replayed: a[i], stored: b[i], replayedLines: a.length, storedLines: b.length }).toEqual({ line: i + 1, replayed: b[i], stored: b[i], replayedLines: b.length, storedLines: b.length });
}
