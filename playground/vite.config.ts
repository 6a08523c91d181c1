// Builds the playground as a static site: `root` is this folder, `base` is
// relative so the built files open from any path (a file server, a sub-folder).
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import { codiconSubset } from "./build/codicon-subset.ts";

const playgroundRoot = fileURLToPath(new URL(".", import.meta.url));
const repositoryRoot = fileURLToPath(new URL("..", import.meta.url));

export default defineConfig({
  root: playgroundRoot,
  base: "./",
  plugins: [codiconSubset()],
  logLevel: "warn",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // Monaco's core is one large chunk by nature; the warning is noise.
    chunkSizeWarningLimit: 6000,
    rolldownOptions: { checks: { pluginTimings: false } },
  },
  worker: {
    // Module workers: the checker worker shares chunks with the page.
    format: "es",
  },
  server: {
    host: "127.0.0.1",
    // The examples live beside the playground, in the repository's examples/.
    fs: { allow: [repositoryRoot] },
  },
  preview: { host: "127.0.0.1" },
});
