// Replay identity: events posted over HTTP in random batch sizes, timers fired
// by a clock that moves in random steps (so some events come late), then
// `log export` + `run` prints exactly the stored outputs. For every example
// and for generated rules and events.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseInstant } from "../../runtime/index";
import { FakeClock } from "./fake-clock";
import { Store } from "../../service/store/store";
import { eventStream, ruleFile, schema } from "../backend/arbitrary-programs";
import { root } from "../backend/harness";
import { expectReplayIdentity, programOf, rulesFolder, startService, withSlowWrites } from "./harness";
import { testStore, type TestStore } from "./stores";

const examples = join(root, "examples");
const MINUTE = 60_000;
/** Many services (one per generated case) run in turn on a machine that may be busy. */
const SLOW = 300_000;

/**
 * A plan: batch sizes, and for each batch how far the clock goes past its last
 * event once it is stored (up to a day: timers fire, and the next events come late).
 */
const plan = fc.record({
  sizes: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 40 }),
  leads: fc.array(fc.oneof(fc.integer({ min: 0, max: 10 * MINUTE }), fc.integer({ min: 0, max: 24 * 60 * MINUTE })), { minLength: 1, maxLength: 40 }),
});

/** Posts `lines` as the plan says, the clock within 5 minutes of each batch's last event so none is refused as early. */
async function postAll(running: Awaited<ReturnType<typeof startService>>, lines: string[], { sizes, leads }: { sizes: number[]; leads: number[] }): Promise<void> {
  for (let start = 0, batch = 0; start < lines.length; batch++) {
    const size = sizes[batch % sizes.length]!;
    const slice = lines.slice(start, start + size);
    start += size;
    const last = slice.reduce((latest, line) => Math.max(latest, parseInstant((JSON.parse(line) as { at: string }).at)), -Infinity);
    running.clock.set(last - 4 * MINUTE);
    await running.service.idle();
    const response = await running.post(slice.join("\n"));
    if (response.status !== 200) {
      // Refused only when the rules themselves fail (an endless cascade), as `run` would stop with exit 4.
      expect(response.body.error.code).toMatch(/^SC4/);
    }
    running.clock.set(last + leads[batch % leads.length]!);
    await running.service.idle();
  }
}

describe("replay identity", () => {
  let handle: TestStore;
  let shared: Store;
  let runs = 0;

  beforeAll(async () => {
    handle = await testStore("PGlite");
    shared = await handle.open();
    await shared.migrate();
  });

  afterAll(async () => {
    await shared.close();
    await handle.remove();
  });

  /** Each run in a workspace of its own in the one store. */
  const workspace = (): Store => new Store(shared.driver, `run-${++runs}`);

  for (const folder of readdirSync(examples).sort()) {
    it(`${folder}: export + run reproduce the stored outputs`, async () => {
      const rules = join(examples, folder);
      const program = programOf([rules]);
      const lines = readFileSync(join(rules, "events.jsonl"), "utf8").split("\n").filter((line) => line.trim() !== "");
      const first = parseInstant((JSON.parse(lines[0]!) as { at: string }).at);
      await fc.assert(
        fc.asyncProperty(plan, async (steps) => {
          const store = workspace();
          const running = await startService(program, store, { clock: new FakeClock(first) });
          try {
            await postAll(running, lines, steps);
            running.clock.set(Date.parse("2026-12-31T00:00:00Z"));
            await running.service.idle();
            const health = (await running.get("/v1/health")).body;
            expect(health.events).toBe(lines.length);
            const { outputs } = await expectReplayIdentity(store, [rules]);
            expect(outputs.length).toBeGreaterThan(0);
          } finally {
            await running.stop();
          }
        }),
        { numRuns: 4 },
      );
    }, SLOW);
  }

  it("requests sent at once are written together, each all or none, and replay the same", async () => {
    const rules = join(examples, "solar-substates");
    const program = programOf([rules]);
    const lines = readFileSync(join(rules, "events.jsonl"), "utf8").split("\n").filter((line) => line.trim() !== "");
    const store = withSlowWrites(workspace());
    const running = await startService(program, store, { clock: new FakeClock(Date.parse("2026-01-14T09:00:00Z")) });
    try {
      const conflicting = JSON.stringify({ ...(JSON.parse(lines[0]!) as object), data: { name: "Someone else" } });
      // Each line alone, each line again (a client's retry), and one id reused with other content, all at once.
      const bodies = [...lines, ...lines, conflicting];
      const answers = await Promise.all(bodies.map((body) => running.post(body)));
      expect(answers.filter((answer) => answer.status === 409)).toHaveLength(1);
      const accepted = answers.flatMap((answer) => (answer.status === 200 ? answer.body.accepted : []));
      const duplicates = answers.flatMap((answer) => (answer.status === 200 ? answer.body.duplicates : []));
      expect(accepted.map((item: { id: string }) => item.id).sort()).toEqual(lines.map((line) => (JSON.parse(line) as { id: string }).id).sort());
      expect(accepted.map((item: { position: number }) => item.position).sort((a: number, b: number) => a - b)).toEqual(lines.map((_, index) => index + 1));
      expect(duplicates).toHaveLength(lines.length);
      await expectReplayIdentity(store, [rules]);
    } finally {
      await running.stop();
    }
  }, SLOW);

  it("generated rules and events: export + run reproduce the stored outputs", async () => {
    // The plans must bring late events (processed at the clock, exported at that time), or the property misses them.
    let late = 0;
    await fc.assert(
      fc.asyncProperty(ruleFile, eventStream, plan, async (rules, stream, steps) => {
        const { folder, remove } = rulesFolder({ "schema.rules": schema, "rules.rules": rules });
        const store = workspace();
        const first = parseInstant((JSON.parse(stream.lines[0]!) as { at: string }).at);
        const running = await startService(programOf([folder]), store, { clock: new FakeClock(first) });
        try {
          await postAll(running, stream.lines, steps);
          running.clock.set(parseInstant(stream.until));
          await running.service.idle();
          const { events } = await expectReplayIdentity(store, [folder]);
          late += events.filter((line) => !stream.lines.includes(line)).length;
        } finally {
          await running.stop();
          remove();
        }
      }),
      // A fixed seed: the cases are known to bring late events, so the check below is not left to chance.
      { numRuns: 15, seed: 11 },
    );
    expect(late).toBeGreaterThan(0);
  }, SLOW);
});
