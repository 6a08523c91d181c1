// Bundles the command-line tool into dist/cli.js, and the runtime's public API
// into dist/runtime.js (what `import … from "stagecraft/runtime"` loads: the
// modules `stagecraft compile` emits import it). Runs on `npm ci` / `npm install`
// (the `prepare` script), so `npx stagecraft` starts from plain JavaScript files.
import { build } from "esbuild";
import { rmSync } from "node:fs";

// Chunk names carry a content hash: without a clean start every build would leave
// the previous build's chunks behind.
rmSync("dist", { recursive: true, force: true });

await build({
  entryPoints: { cli: "cli/main.ts", runtime: "runtime/index.ts" },
  outdir: "dist",
  entryNames: "[name]",
  // Code loaded only by some commands (the TypeScript backend) goes into its own
  // chunk, so its static imports of heavy packages load only when it is used.
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // Heavy or native-adjacent packages stay external: loaded from node_modules
  // only by the commands that need them (ts-morph for `compile`; the service's
  // database drivers and HTTP server for `serve`: PGlite finds its WebAssembly
  // files next to its own module, pino starts workers from its own files).
  external: ["ts-morph", "esbuild", "typescript", "@electric-sql/pglite", "pg", "fastify", "pino"],
  banner: { js: "import { createRequire as __scCreateRequire } from 'node:module'; const require = __scCreateRequire(import.meta.url);" },
  sourcemap: false,
  logLevel: "warning",
});
