// Where a cold check spends its time: parse, declare, bind, type and checks of
// `checkSources` (what `stagecraft check` runs), each timed in a fresh process (a
// CLI run is always cold: most of it runs before V8 has optimised anything, so a
// warm in-process loop would mislead). Prints the
// median of each phase over the rounds, wall and CPU (CPU is steadier on a shared
// machine; it includes the garbage collector's helper threads).
// Usage: npm run bench:phases [-- file.rules]   (BENCH_RUNS=n rounds, default 7)
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "../grammar/index";
import { declare } from "../compiler/binder/declarations";
import { bindRulesAndWorkflows } from "../compiler/binder/rules";
import { specifiedChecks } from "../compiler/checks/index";
import { runChecks } from "../compiler/checks/run-checks";
import { typeProgram } from "../compiler/types/type-program";
import { generateRuleSet } from "./generate-rules";

const phases = ["parse", "declare", "bind", "type", "checks"] as const;
type Timings = Record<(typeof phases)[number], { wall: number; cpu: number }>;

function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** One cold run of every phase on `path`, in this process. */
function timeOnce(path: string): Timings {
  const text = readFileSync(path, "utf8");
  const timings = {} as Timings;
  const timed = <T>(phase: keyof Timings, run: () => T): T => {
    const wall = performance.now();
    const cpu = cpuMs();
    const result = run();
    timings[phase] = { wall: performance.now() - wall, cpu: cpuMs() - cpu };
    return result;
  };
  const parsed = timed("parse", () => parse(text, path));
  const binding = timed("declare", () => declare([parsed.file]));
  timed("bind", () => bindRulesAndWorkflows(binding));
  timed("type", () => typeProgram(binding));
  timed("checks", () => runChecks(binding, specifiedChecks));
  return timings;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

if (process.argv[2] === "--once") {
  process.stdout.write(JSON.stringify(timeOnce(process.argv[3]!)));
} else {
  let path = process.argv[2];
  if (path === undefined) {
    path = join("bench", "out", "rules-10000.rules");
    if (!existsSync(path)) {
      mkdirSync(join("bench", "out"), { recursive: true });
      writeFileSync(path, generateRuleSet(10_000));
    }
  }
  const runs = Number(process.env.BENCH_RUNS ?? 7);
  const self = fileURLToPath(import.meta.url);
  const rounds: Timings[] = [];
  for (let round = 0; round < runs; round++) {
    rounds.push(JSON.parse(execFileSync(process.execPath, [self, "--once", path], { encoding: "utf8" })) as Timings);
  }
  console.log(`${path}, median of ${runs} cold processes`);
  let wallTotal = 0;
  let cpuTotal = 0;
  for (const phase of phases) {
    const wall = median(rounds.map((timings) => timings[phase].wall));
    const cpu = median(rounds.map((timings) => timings[phase].cpu));
    wallTotal += wall;
    cpuTotal += cpu;
    console.log(`${phase.padEnd(8)} ${wall.toFixed(0).padStart(6)} ms  cpu ${cpu.toFixed(0).padStart(6)} ms`);
  }
  console.log(`${"total".padEnd(8)} ${wallTotal.toFixed(0).padStart(6)} ms  cpu ${cpuTotal.toFixed(0).padStart(6)} ms`);
}
