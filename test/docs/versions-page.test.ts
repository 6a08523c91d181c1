// The diff report docs/versions.md shows is the golden output test/cli/diff.test.ts
// checks `stagecraft diff` against, its migration plan the golden case
// run-resume-plan, and its refused schema change the golden case
// run-resume-unfit-plan: the page cannot drift from what the commands print.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { blockAfter, readDoc, repositoryRoot } from "./code-blocks";

describe("docs/versions.md", () => {
  it("shows the text report of test/fixtures/diff", () => {
    const golden = readFileSync(join(repositoryRoot, "test/golden/diff/fixtures.expected.txt"), "utf8");
    expect(blockAfter(readDoc("versions.md"), "with `--until 2026-01-31T00:00:00Z` give:")).toBe(golden);
  });

  it("shows the migration plan of test/fixtures/deploy", () => {
    const golden = readFileSync(join(repositoryRoot, "test/cli/golden/run-resume-plan.expected.txt"), "utf8");
    const stdout = golden.slice(golden.indexOf("--- stdout\n") + "--- stdout\n".length, golden.indexOf("--- stderr"));
    const command = golden.split("\n")[0]!;
    expect(blockAfter(readDoc("versions.md"), "wait from 2 days to 1):")).toBe(`${command}\n${stdout}`);
  });

  it("shows the refused schema change of test/fixtures/deploy-schema", () => {
    const golden = readFileSync(join(repositoryRoot, "test/cli/golden/run-resume-unfit-plan.expected.txt"), "utf8");
    const part = (from: string, to?: string) => golden.slice(golden.indexOf(from) + from.length, to === undefined ? undefined : golden.indexOf(to));
    const command = golden.split("\n")[0]!;
    expect(blockAfter(readDoc("versions.md"), "the south, and a lead:")).toBe(`${command}\n${part("--- stdout\n", "--- stderr\n")}${part("--- stderr\n")}`);
  });
});
