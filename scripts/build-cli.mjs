// Bundles the command-line tool into dist/cli.js. Runs on `npm ci` / `npm install`
// (the `prepare` script), so `npx stagecraft` starts from one plain JavaScript file.
import { build } from "esbuild";

await build({
  entryPoints: ["cli/main.ts"],
  outfile: "dist/cli.js",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // Heavy or native-adjacent packages stay external: loaded from node_modules
  // only by the commands that need them (ts-morph for `compile`).
  external: ["ts-morph", "esbuild", "typescript"],
  banner: { js: "import { createRequire as __scCreateRequire } from 'node:module'; const require = __scCreateRequire(import.meta.url);" },
  sourcemap: false,
  logLevel: "warning",
});
