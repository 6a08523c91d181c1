// The diff report docs/versions.md shows is the golden output test/cli/diff.test.ts
// checks `stagecraft diff` against: the page cannot drift from what it prints.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { blockAfter, readDoc, repositoryRoot } from "./code-blocks";

describe("docs/versions.md", () => {
  it("shows the text report of test/fixtures/diff", () => {
    const golden = readFileSync(join(repositoryRoot, "test/golden/diff/fixtures.expected.txt"), "utf8");
    expect(blockAfter(readDoc("versions.md"), "with `--until 2026-01-31T00:00:00Z` give:")).toBe(golden);
  });
});
