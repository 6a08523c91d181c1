// Runs a TypeScript script (bench/, scripts/) under plain Node 20: bundles it with
// esbuild into node_modules/.cache and imports the result. Usage:
//   node scripts/run-ts.mjs bench/check-speed.ts [args…]
import { build } from "esbuild";
import { mkdirSync } from "node:fs";
import { basename, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error("usage: node scripts/run-ts.mjs <script.ts> [args…]");
  process.exit(2);
}
const outDir = resolve("node_modules/.cache/stagecraft-scripts");
mkdirSync(outDir, { recursive: true });
const outfile = resolve(outDir, basename(entry).replace(/\.ts$/, ".mjs"));
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
await import(pathToFileURL(outfile).href);
