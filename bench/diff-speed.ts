// `stagecraft diff` benchmark (issue 14): 200,000 generated events through
// bench/fixtures/bench.rules and a changed copy of it, as whole processes,
// against one `stagecraft run` of the same events in the same run. A diff is
// both runs plus a linear comparison, so the goal is at most 2.5 times the
// CPU time of a run (wall times on a loaded machine are mostly waiting).
// Each process reports its CPU time and peak memory (peak-memory.mjs).
// Usage: npm run bench:diff   (BENCH_EVENTS, BENCH_RUNS to change sizes)
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { benchCli, benchRules, outDir, writeEvents } from "./bench-inputs";

const eventCount = Number(process.env.BENCH_EVENTS ?? 200_000);
const runs = Number(process.env.BENCH_RUNS ?? 5);
const stream = writeEvents(eventCount);

// The change under review: the reminder a day later, thanks only for large
// amounts, and one rule more (the ids of what follows it shift).
const headRules = join(outDir, "bench-head.rules");
const changed = readFileSync(benchRules, "utf8")
  .replace("open after 4 days", "open after 5 days")
  .replace('rule "Thanks": on deal stage "Won" open', 'rule "Thanks": on deal stage "Won" open when amount > 1000')
  .replace('rule "Paid":', 'rule "Paid audit": on deal invoice.paid -> create activity note "Paid {title}"\nrule "Paid":');
writeFileSync(headRules, changed);

interface Contender {
  name: string;
  args: string[];
  /** Exit codes that mean it worked (diff exits 1 when there is a difference). */
  ok: number[];
}
const until = ["--until", stream.until];
const contenders: Contender[] = [
  { name: "stagecraft run", args: [benchCli, "run", benchRules, "--events", stream.path, ...until], ok: [0] },
  { name: "diff, the same rules", args: [benchCli, "diff", benchRules, benchRules, "--events", stream.path, ...until], ok: [0] },
  { name: "diff, changed rules", args: [benchCli, "diff", benchRules, headRules, "--events", stream.path, ...until, "--format", "json"], ok: [1] },
];

/** Wall time, and CPU time and peak memory as bench/peak-memory.mjs reports them. */
function timeRun(contender: Contender): { ms: number; cpuMs: number; rss: number; output: string } {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [join("bench", "peak-memory.mjs"), ...contender.args], { maxBuffer: 1 << 30, encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (!contender.ok.includes(result.status ?? -1)) throw new Error(`${contender.name} exited ${result.status}: ${result.stderr}`);
  const usage = /(\d+) MB max RSS, (\d+) ms CPU\n$/.exec(result.stderr);
  if (!usage) throw new Error(`${contender.name}: no usage report on stderr: ${result.stderr}`);
  return { ms, cpuMs: Number(usage[2]), rss: Number(usage[1]), output: result.stdout };
}

const samples = new Map<string, Array<{ ms: number; cpuMs: number; rss: number }>>(contenders.map((c) => [c.name, []]));
const outputs = new Map<string, string>();
// Rounds take turns between the contenders, so a change in the machine's load
// falls on all of them alike.
for (let i = 0; i < runs; i++) {
  for (const contender of contenders) {
    const { output, ...sample } = timeRun(contender);
    samples.get(contender.name)!.push(sample);
    outputs.set(contender.name, output);
  }
}
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
const of = (name: string, key: "ms" | "cpuMs" | "rss") => median(samples.get(name)!.map((sample) => sample[key]));
const wall = of("stagecraft run", "ms");
const cpu = of("stagecraft run", "cpuMs");
for (const contender of contenders) {
  const ms = of(contender.name, "ms");
  const cpuMs = of(contender.name, "cpuMs");
  const goal = contender.name.startsWith("diff") ? `  (goal <= 2.5x)${cpuMs / cpu > 2.5 ? "   NOT MET" : ""}` : "";
  console.log(
    `${contender.name.padEnd(22)} ${ms.toFixed(0).padStart(6)} ms (${(ms / wall).toFixed(2)}x)  cpu ${cpuMs.toFixed(0).padStart(6)} ms (${(cpuMs / cpu).toFixed(2)}x the run)${goal}  peak ${of(contender.name, "rss")} MB`,
  );
}

const report = JSON.parse(outputs.get("diff, changed rules")!);
const differing = (counts: { added: number; removed: number; changed: number }) => counts.added + counts.removed + counts.changed;
console.log(
  `changed rules: ${report.outputs.same} outputs the same, ${differing(report.outputs.effects)} effects and ${differing(report.outputs.stateChanges)} state changes differ, ` +
    `${report.byRecord.length} records, ${report.stages.length} final stages differ`,
);
