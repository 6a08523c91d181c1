// Where a process's time went, from the profiles `node --cpu-prof` writes: self
// time per function and per file (or package), largest first.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export function summarizeProfiles(dir: string, top: number): void {
  const byFunction = new Map<string, number>();
  const byPlace = new Map<string, number>();
  let total = 0;
  for (const file of readdirSync(dir).filter((name) => name.endsWith(".cpuprofile"))) {
    const profile = JSON.parse(readFileSync(join(dir, file), "utf8")) as CpuProfile;
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    for (let i = 0; i < profile.samples.length; i++) {
      const frame = nodes.get(profile.samples[i]!)!.callFrame;
      const micros = profile.timeDeltas[i] ?? 0;
      total += micros;
      const place = placeOf(frame.url);
      add(byFunction, `${frame.functionName || "(anonymous)"} ${place}:${frame.lineNumber + 1}`, micros);
      add(byPlace, place, micros);
    }
  }
  console.log(`profile: ${(total / 1000).toFixed(0)} ms sampled in ${dir}`);
  for (const [title, table] of [["self time by file or package", byPlace], ["self time by function", byFunction]] as const) {
    console.log(`  ${title}:`);
    for (const [name, micros] of [...table].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      console.log(`  ${((100 * micros) / total).toFixed(1).padStart(5)}%  ${name}`);
    }
  }
}

function add(table: Map<string, number>, key: string, micros: number): void {
  table.set(key, (table.get(key) ?? 0) + micros);
}

/** A package's name for code in node_modules, the file otherwise; V8's own entries as they are. */
function placeOf(url: string): string {
  if (url === "") return "(native)";
  const packaged = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (packaged) return packaged[1]!;
  return url.replace(/^file:\/\/.*?\/(dist|service|cli|runtime)\//, "$1/");
}
