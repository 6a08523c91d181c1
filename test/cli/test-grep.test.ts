// `--grep P` is a selection, not a different run: each selected test's result
// equals its result in the full run, and exactly the tests whose name matches
// P are selected (each test starts from an empty store and its own clock).
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cli } from "./run-cli";

const file = join(import.meta.dirname, "golden", "files", "tested.rules");

interface JsonTest {
  name: string;
  passed: boolean;
}

async function runJson(extra: string[]): Promise<JsonTest[]> {
  const { stdout } = await cli(["test", file, "--format", "json", ...extra]);
  return (JSON.parse(stdout) as { tests: JsonTest[] }).tests;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("stagecraft test --grep", () => {
  it("selects the tests whose name matches, with the results of the full run", async () => {
    const all = await runJson([]);
    const names = all.map((test) => test.name);
    // patterns built from pieces of the names, so every subset can come up
    const piece = fc.constantFrom(...names).chain((name) => fc.tuple(fc.nat(name.length), fc.nat(name.length)).map(([a, b]) => name.slice(Math.min(a, b), Math.max(a, b))));
    const pattern = fc.oneof(
      piece.map(escape),
      fc.tuple(piece, piece).map(([a, b]) => `^${escape(a)}|${escape(b)}$`),
      fc.subarray(names).map((chosen) => chosen.map((name) => `^${escape(name)}$`).join("|") || "^$"),
    );
    await fc.assert(
      fc.asyncProperty(pattern, async (grep) => {
        const selected = await runJson(["--grep", grep]);
        const regex = new RegExp(grep, "u");
        expect(selected).toEqual(all.filter((test) => regex.test(test.name)));
      }),
      { numRuns: 20 },
    );
  });
});
