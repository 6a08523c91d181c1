// The order several `--events` inputs are processed in is the order of sorting
// their concatenation stably by time, whether they are merged as they are read
// or sorted with `--sort`; `--sort` of lines in any order gives the run of the
// lines in time order.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cli } from "./run-cli";

const RULES = "test/cli/golden/files/deals.rules";

/** An update of one of a few deals at one of a few hours: equal times are frequent, and the `becomes` rule's output depends on the order. */
const update = fc.record({ hour: fc.integer({ min: 8, max: 11 }), deal: fc.integer({ min: 1, max: 3 }), amount: fc.integer({ min: 0, max: 200 }) });

function eventLine(event: { hour: number; deal: number; amount: number }, id: string): string {
  const at = `2026-01-01T${String(event.hour).padStart(2, "0")}:00:00Z`;
  return JSON.stringify({ id, at, entity: `deal/D${event.deal}`, type: "updated", data: { amount: event.amount } });
}

function writeFiles(files: string[][]): string[] {
  const folder = mkdtempSync(join(tmpdir(), "stagecraft-order-"));
  return files.map((lines, index) => {
    const path = join(folder, `f${index}.jsonl`);
    writeFileSync(path, lines.map((line) => line + "\n").join(""));
    return path;
  });
}

/** Files of updates, each in time order; ids unique across them. */
const sortedFiles = fc.array(fc.array(update, { maxLength: 8 }), { minLength: 1, maxLength: 4 }).map((files) =>
  files.map((events, file) => [...events].sort((a, b) => a.hour - b.hour).map((event, line) => eventLine(event, `f${file}l${line}`))),
);

describe("the order of several --events inputs", () => {
  it("merging files is running their concatenation sorted stably by time", async () => {
    await fc.assert(
      fc.asyncProperty(sortedFiles, async (files) => {
        const paths = writeFiles([...files, files.flat()]);
        const concatenation = paths.pop()!;
        const merged = await cli(["run", RULES, ...paths.flatMap((path) => ["--events", path])]);
        const sorted = await cli(["run", RULES, "--events", concatenation, "--sort"]);
        expect(merged).toEqual(sorted);
        expect(merged.code).toBe(0);
      }),
      { numRuns: 25 },
    );
  });

  it("--sort of a file in any order runs as the file in time order", async () => {
    const distinctTimes = fc.uniqueArray(update, { selector: (event) => event.hour, maxLength: 4 });
    await fc.assert(
      fc.asyncProperty(distinctTimes.chain((events) => fc.tuple(fc.constant(events), fc.shuffledSubarray(events, { minLength: events.length }))), async ([events, shuffled]) => {
        const ids = new Map(events.map((event, index) => [event, `e${index}`]));
        const inOrder = [...events].sort((a, b) => a.hour - b.hour).map((event) => eventLine(event, ids.get(event)!));
        const [sortedPath, shuffledPath] = writeFiles([inOrder, shuffled.map((event) => eventLine(event, ids.get(event)!))]);
        expect(await cli(["run", RULES, "--events", shuffledPath!, "--sort"])).toEqual(await cli(["run", RULES, "--events", sortedPath!]));
      }),
      { numRuns: 25 },
    );
  });
});
