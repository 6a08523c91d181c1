// The CLI as a process (its real entry point, cli/main.ts) must print what the
// in-process CLI the other tests drive prints: run both on the golden files and
// the examples and compare.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { cli } from "./run-cli";

function processCli(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ["scripts/run-ts.mjs", "cli/main.ts", ...args], { encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("the CLI as a process", () => {
  it("reports exactly what the in-process CLI reports, and nothing on stderr", async () => {
    const args = ["check", "test/golden", "examples", "--format", "json"];
    const inProcess = await cli(args);
    const spawned = processCli(args);
    expect(spawned.stderr).toBe("");
    expect(spawned.code).toBe(inProcess.code);
    expect(spawned.stdout).toBe(inProcess.stdout);
    expect(JSON.parse(spawned.stdout).diagnostics.length).toBeGreaterThan(20);
  });

  it("reports the same files to format", async () => {
    const args = ["fmt", "--check", "test/golden", "examples"];
    const inProcess = await cli(args);
    const spawned = processCli(args);
    expect(spawned.stderr).toBe(inProcess.stderr);
    expect(spawned.stdout).toBe(inProcess.stdout);
    expect(spawned.code).toBe(inProcess.code);
  });
});
