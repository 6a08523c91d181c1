// The TypeScript backend's benchmark: the 200,000 events of
// bench/run-speed.ts through bench/fixtures/bench.rules, once in-process
// (rules → IR → engine) and once through the emitted module (`stagecraft
// compile`, then the loader of `run --module`), each replayed exactly as `run`
// does (validate every line, process, --until, format). Outputs must be
// byte-identical; the module must be at least as fast.
// Usage: npm run bench:module   (BENCH_EVENTS, BENCH_RUNS to change sizes)
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { compileSources } from "../compiler/index";
import { emitModule } from "../compiler/backend/index";
import { loadCompiledModule } from "../cli/load-module";
import { createEngine, EventStreamValidator, formatOutputLine, type CompiledProgram, type Program } from "../runtime/index";
import { generateEvents } from "./generate-events";

const eventCount = Number(process.env.BENCH_EVENTS ?? 200_000);
const runs = Number(process.env.BENCH_RUNS ?? 5);
const outDir = join("bench", "out");
mkdirSync(outDir, { recursive: true });
const rulesPath = join("bench", "fixtures", "bench.rules");
const stream = generateEvents(eventCount);
console.log(`generated ${stream.lines.length} events over ${stream.records} records`);

function replay(program: Program, compiled: CompiledProgram | undefined): string {
  const engine = createEngine(program, compiled ? { compiled } : {});
  const out: string[] = [];
  // The stream check of cli/commands/run.ts: each line, time order and ids.
  const validator = new EventStreamValidator(program);
  stream.lines.forEach((line, index) => {
    const checked = validator.check(line, index + 1);
    if ("error" in checked) throw new Error(`line ${index + 1}: ${checked.error.message}`);
    for (const record of engine.process(checked.event)) out.push(formatOutputLine(record));
  });
  for (const record of engine.advanceTo(stream.until)) out.push(formatOutputLine(record));
  return out.join("\n");
}

function fromRules(): Program {
  const result = compileSources([{ path: rulesPath, text: readFileSync(rulesPath, "utf8") }]);
  if (!result.program) throw new Error("bench.rules does not compile");
  return result.program;
}

const modulePath = join(outDir, "bench-module.ts");
writeFileSync(modulePath, emitModule(fromRules()));

interface Timing {
  load: number;
  /** Wall time of the replay. */
  run: number;
  /** CPU time of the replay: steadier than wall time when other processes share the machine. */
  cpu: number;
  digest: string;
}

async function measure(load: () => Promise<{ program: Program; compiled?: CompiledProgram }>): Promise<Timing> {
  const start = performance.now();
  const { program, compiled } = await load();
  const loaded = performance.now();
  const cpuBefore = process.cpuUsage();
  const output = replay(program, compiled);
  const end = performance.now();
  const cpuUsed = process.cpuUsage(cpuBefore);
  const digest = `${createHash("sha256").update(output).digest("hex").slice(0, 16)} (${output.split("\n").length} lines)`;
  return { load: loaded - start, run: end - loaded, cpu: (cpuUsed.user + cpuUsed.system) / 1000, digest };
}

const contenders = {
  "in-process (rules)": async () => ({ program: fromRules() }),
  "emitted module": () => loadCompiledModule(modulePath),
};
const results = new Map<string, Timing[]>();
// Interleaved, in alternating order, so both see the same machine load and
// garbage from the other; the first round warms up.
for (let round = 0; round <= runs; round++) {
  const order = Object.entries(contenders);
  if (round % 2 === 1) order.reverse();
  for (const [name, load] of order) {
    const timing = await measure(load);
    if (round > 0) results.set(name, [...(results.get(name) ?? []), timing]);
  }
}

const least = (values: number[]) => values.reduce((a, b) => Math.min(a, b), Infinity);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
// On a shared machine the fastest run is the one least disturbed by others: it is the figure compared.
const fastest = new Map<string, number>();
const leastCpu = new Map<string, number>();
for (const [name, timings] of results) {
  const runTimes = timings.map((t) => t.run);
  const cpuTimes = timings.map((t) => t.cpu);
  fastest.set(name, least(runTimes));
  leastCpu.set(name, least(cpuTimes));
  console.log(
    `${name.padEnd(20)} load ${median(timings.map((t) => t.load)).toFixed(0).padStart(5)} ms  ` +
      `run fastest ${least(runTimes).toFixed(0).padStart(6)} ms, median ${median(runTimes).toFixed(0).padStart(6)} ms  ` +
      `cpu least ${least(cpuTimes).toFixed(0).padStart(6)} ms  output ${timings[0]!.digest}`,
  );
}
const digests = new Set([...results.values()].flatMap((timings) => timings.map((t) => t.digest)));
if (digests.size !== 1) {
  console.error("OUTPUTS DIFFER between the backends");
  process.exitCode = 1;
} else {
  console.log("outputs are byte-identical");
}
const ratio = fastest.get("emitted module")! / fastest.get("in-process (rules)")!;
const cpuRatio = leastCpu.get("emitted module")! / leastCpu.get("in-process (rules)")!;
console.log(`module / in-process: wall ${ratio.toFixed(3)} (fastest runs), cpu ${cpuRatio.toFixed(3)} (least)`);
