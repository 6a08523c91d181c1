// The example of docs/contract.md is the one test/fixtures/contract holds (and
// test/cli/run.test.ts runs): the page cannot drift from what `run` prints.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { blockAfter, readDoc, repositoryRoot } from "./code-blocks";

const page = readDoc("contract.md");
const fixture = (name: string) => readFileSync(join(repositoryRoot, "test/fixtures/contract", name), "utf8");

describe("docs/contract.md", () => {
  it("shows the fixture's events, rules and expected output", () => {
    const events = fixture("events.jsonl");
    expect(blockAfter(page, "## Input events") + blockAfter(page, "and the five events above followed by")).toBe(events);
    expect(blockAfter(page, "With these two rules in `solar.rules`")).toBe(fixture("solar.rules"));
    expect(blockAfter(page, "--until 2026-01-10T00:00:00Z` prints")).toBe(fixture("expected.jsonl"));
  });
});
