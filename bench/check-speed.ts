// Check-time benchmark (issue 2): whole `stagecraft check` processes on 100 and
// 10,000 generated rules, against a bare `node -e 0` measured in the same run.
// Usage: npm run bench:check
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateRuleSet } from "./generate-rules";

const outDir = join("bench", "out");
mkdirSync(outDir, { recursive: true });
const cli = join("bin", "stagecraft.js");
const runs = Number(process.env.BENCH_RUNS ?? 7);

function medianMs(command: string, args: string[]): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    try {
      execFileSync(command, args, { stdio: ["ignore", "ignore", "pipe"] });
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (status !== 1) throw error; // warnings/errors in generated rules still exercise the checker
    }
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

const files: Record<number, string> = {};
for (const count of [100, 10_000]) {
  const path = join(outDir, `rules-${count}.rules`);
  const text = generateRuleSet(count);
  writeFileSync(path, text);
  files[count] = path;
  console.log(`generated ${count} rules: ${(text.length / 1024).toFixed(0)} KiB`);
}

const bare = medianMs(process.execPath, ["-e", "0"]);
const small = medianMs(process.execPath, [cli, "check", files[100] as string]);
const large = medianMs(process.execPath, [cli, "check", files[10_000] as string]);

console.log(`node -e 0            ${bare.toFixed(1)} ms`);
console.log(`check 100 rules      ${small.toFixed(1)} ms  (${(small / bare).toFixed(2)}x node -e 0, goal <= 5x)`);
console.log(`check 10,000 rules   ${large.toFixed(1)} ms  (${(large / small).toFixed(2)}x the 100-rule check, goal < 2x)`);
