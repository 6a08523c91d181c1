// Runtime benchmark: 200,000 generated events through
// bench/fixtures/bench.rules, as whole processes, against bench/handwritten.mjs
// doing the same work on the same file in the same run. Outputs must be equal.
// Also the peak memory of a run that holds 1,000,000 records.
// Usage: npm run bench:run   (BENCH_EVENTS, BENCH_RUNS, BENCH_RECORDS to change sizes)
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateRecords } from "./generate-events";
import { benchCli, benchRules, outDir, writeEvents } from "./bench-inputs";

const eventCount = Number(process.env.BENCH_EVENTS ?? 200_000);
const runs = Number(process.env.BENCH_RUNS ?? 5);
const recordCount = Number(process.env.BENCH_RECORDS ?? 1_000_000);
const rules = benchRules;
const cli = benchCli;
const stream = writeEvents(eventCount);
const eventsPath = stream.path;

interface Contender {
  name: string;
  args: string[];
}
const contenders: Contender[] = [
  { name: "hand-written JS", args: [join("bench", "handwritten.mjs"), eventsPath, stream.until] },
  { name: "stagecraft run", args: [cli, "run", rules, "--events", eventsPath, "--until", stream.until] },
];
const modulePath = join(outDir, "bench-rules.ts");
if (process.env.BENCH_MODULE !== "0" && existsSync(join("cli", "commands", "compile.ts"))) {
  execFileSync(process.execPath, [cli, "compile", rules, "-o", modulePath]);
  contenders.push({ name: "stagecraft run --module", args: [cli, "run", "--module", modulePath, "--events", eventsPath, "--until", stream.until] });
}

function timeRun(args: string[]): { ms: number; output: string } {
  const start = process.hrtime.bigint();
  const output = execFileSync(process.execPath, args, { maxBuffer: 1 << 30, encoding: "utf8" });
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, output };
}

const times = new Map<string, number[]>(contenders.map((c) => [c.name, []]));
const digests = new Map<string, string>();
// Rounds take turns between the contenders, so a change in the machine's load
// falls on all of them alike.
for (let i = 0; i < runs; i++) {
  for (const contender of contenders) {
    const { ms, output } = timeRun(contender.args);
    times.get(contender.name)!.push(ms);
    digests.set(contender.name, `${createHash("sha256").update(output).digest("hex").slice(0, 16)} (${output.split("\n").length - 1} lines)`);
  }
}
const medians = new Map<string, number>();
for (const [name, list] of times) {
  list.sort((a, b) => a - b);
  medians.set(name, list[Math.floor(list.length / 2)] as number);
}

const baseline = medians.get("hand-written JS") as number;
for (const contender of contenders) {
  const ms = medians.get(contender.name) as number;
  console.log(`${contender.name.padEnd(26)} ${ms.toFixed(0).padStart(6)} ms  ${(ms / baseline).toFixed(2)}x  output ${digests.get(contender.name)}`);
}
const distinct = new Set(digests.values());
if (distinct.size !== 1) {
  console.error("OUTPUTS DIFFER between contenders");
  process.exitCode = 1;
} else {
  console.log("outputs are byte-identical");
}

// Peak memory: the whole process holding `recordCount` records.
const recordsPath = join(outDir, `records-${recordCount}.jsonl`);
writeFileSync(recordsPath, generateRecords(recordCount).join("\n") + "\n");
const peak = spawnSync(process.execPath, [join("bench", "peak-memory.mjs"), cli, "run", rules, "--events", recordsPath], {
  maxBuffer: 1 << 30,
  encoding: "utf8",
  stdio: ["ignore", "ignore", "pipe"],
});
console.log(`peak memory for ${recordCount} records: ${peak.stderr.trim()} (exit ${peak.status})`);
