// `--events -` is processed as it streams: the run writes what the first lines
// did while the writer has not sent the rest, nor closed standard input.
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";

const first = '{"id":"e1","at":"2026-01-01T08:00:00Z","entity":"deal/D1","type":"created","data":{"title":"A","amount":500}}\n';
const second = '{"id":"e2","at":"2026-01-01T09:00:00Z","entity":"deal/D2","type":"created","data":{"title":"B","amount":900}}\n';

describe("run --events - (standard input)", () => {
  it("writes the outputs of the first lines before the input ends", async () => {
    const child = spawn(process.execPath, ["scripts/run-ts.mjs", "cli/main.ts", "run", "test/cli/golden/files/deals.rules", "--events", "-"], { stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => void (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
    // The first line is sent and standard input stays open: its output must come before the rest is sent.
    const firstOutput = new Promise<string>((resolve) => {
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes("\n")) resolve(stdout);
      });
    });
    child.stdin.write(first);
    // A run that ends early (an error) ends the wait too, and the expectation below says what it printed.
    const before = await Promise.race([firstOutput, exited.then(() => stdout + stderr)]);
    expect(before).toBe('{"id":"e1.1","at":"2026-01-01T08:00:00.000Z","entity":"deal/D1","type":"updated","data":{"note":"big"},"cause":"e1","rule":"Big deal"}\n');
    child.stdin.end(second);
    expect(await exited).toBe(0);
    expect(stdout).toBe(before + '{"id":"e2.1","at":"2026-01-01T09:00:00.000Z","entity":"deal/D2","type":"updated","data":{"note":"big"},"cause":"e2","rule":"Big deal"}\n');
    expect(stderr).toBe('stagecraft: rule "Big deal" skipped 2 effects: send email: the recipient contact is empty (--trace shows each)\n');
  }, 60_000);
});
