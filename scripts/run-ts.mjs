// Runs a TypeScript script (bench/, scripts/) under plain Node 20: bundles it with
// esbuild into node_modules/.cache and imports the result. Usage:
//   node scripts/run-ts.mjs bench/check-speed.ts [args…]
import { build } from "esbuild";
import { mkdirSync, rmSync } from "node:fs";
import { basename, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error("usage: node scripts/run-ts.mjs <script.ts> [args…]");
  process.exit(2);
}
const outDir = resolve("node_modules/.cache/stagecraft-scripts");
mkdirSync(outDir, { recursive: true });
// One bundle per process, removed once loaded: two runs at once (parallel tests)
// never import a file the other is still writing.
const outfile = resolve(outDir, `${basename(entry).replace(/\.ts$/, "")}-${process.pid}.mjs`);
await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  logLevel: "warning",
});
process.argv = [process.argv[0], entry, ...args];
try {
  await import(pathToFileURL(outfile).href);
} finally {
  rmSync(outfile, { force: true });
}
