// Check-time benchmark: whole `stagecraft check` processes on 100 and
// 10,000 generated rules, against a bare `node -e 0` measured in the same run.
// The three commands take turns within each round, so a change in the machine's
// load during the run weighs on all of them alike; on Linux the CPU time of each
// process is shown too (steadier than wall time on a shared machine).
// Usage: npm run bench:check   (BENCH_RUNS=n rounds, default 7)
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateRuleSet } from "./generate-rules";

const outDir = join("bench", "out");
mkdirSync(outDir, { recursive: true });
const cli = join("bin", "stagecraft.js");
const runs = Number(process.env.BENCH_RUNS ?? 7);

/** CPU ms (user + system) used by this process's finished children; undefined off Linux. */
function childrenCpuMs(): number | undefined {
  if (!existsSync("/proc/self/stat")) return undefined;
  const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1]!.split(" ");
  // fields 16 and 17 of stat (cutime, cstime), in clock ticks of 10 ms
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

interface Timing {
  wall: number[];
  cpu: number[];
}

function runOnce(args: string[], timing: Timing): void {
  const cpuBefore = childrenCpuMs();
  const start = process.hrtime.bigint();
  try {
    execFileSync(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"] });
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status !== 1) throw error; // warnings/errors in generated rules still exercise the checker
  }
  timing.wall.push(Number(process.hrtime.bigint() - start) / 1e6);
  const cpuAfter = childrenCpuMs();
  if (cpuBefore !== undefined && cpuAfter !== undefined) timing.cpu.push(cpuAfter - cpuBefore);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const files: Record<number, string> = {};
for (const count of [100, 10_000]) {
  const path = join(outDir, `rules-${count}.rules`);
  const text = generateRuleSet(count);
  writeFileSync(path, text);
  files[count] = path;
  console.log(`generated ${count} rules: ${(text.length / 1024).toFixed(0)} KiB`);
}

const commands: Record<"bare" | "small" | "large", string[]> = {
  bare: ["-e", "0"],
  small: [cli, "check", files[100] as string],
  large: [cli, "check", files[10_000] as string],
};
const timings = { bare: { wall: [], cpu: [] }, small: { wall: [], cpu: [] }, large: { wall: [], cpu: [] } } as Record<keyof typeof commands, Timing>;
for (let round = 0; round < runs; round++) {
  for (const name of ["bare", "small", "large"] as const) runOnce(commands[name], timings[name]);
}

const bare = median(timings.bare.wall);
const small = median(timings.small.wall);
const large = median(timings.large.wall);
const cpuMedian = (name: keyof typeof commands) => median(timings[name].cpu);
// CPU time shows the same ratios with the neighbours' load taken out of them
const cpu = (name: keyof typeof commands, base?: keyof typeof commands) => {
  if (timings[name].cpu.length === 0) return "";
  const ratio = base === undefined ? "" : ` (${(cpuMedian(name) / cpuMedian(base)).toFixed(2)}x)`;
  return `  cpu ${cpuMedian(name).toFixed(0)} ms${ratio}`;
};

console.log(`node -e 0            ${bare.toFixed(1)} ms${cpu("bare")}`);
console.log(`check 100 rules      ${small.toFixed(1)} ms  (${(small / bare).toFixed(2)}x node -e 0, goal <= 5x)${cpu("small", "bare")}`);
console.log(`check 10,000 rules   ${large.toFixed(1)} ms  (${(large / small).toFixed(2)}x the 100-rule check, goal <= 3x)${cpu("large", "small")}`);
