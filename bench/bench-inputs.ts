// What the runtime benchmarks share: the output folder, the rule set, the CLI
// they start, and the generated events, written once per benchmark run.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateEvents, type GeneratedStream } from "./generate-events";

export const outDir = join("bench", "out");
export const benchRules = join("bench", "fixtures", "bench.rules");
export const benchCli = join("bin", "stagecraft.js");

/** Generates `eventCount` events into bench/out/events-<count>.jsonl and says how many records they touch. */
export function writeEvents(eventCount: number): GeneratedStream & { path: string } {
  mkdirSync(outDir, { recursive: true });
  const stream = generateEvents(eventCount);
  const path = join(outDir, `events-${eventCount}.jsonl`);
  writeFileSync(path, stream.lines.join("\n") + "\n");
  console.log(`generated ${stream.lines.length} events over ${stream.records} records`);
  return { ...stream, path };
}
