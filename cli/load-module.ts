// Loads a module emitted by `stagecraft compile` for `run --module`. The
// module is transpiled and bundled with esbuild in memory; its
// `stagecraft/runtime` import is bound to the runtime this CLI already runs,
// so the engine, the helpers the module calls and the errors they throw are one
// instance (a RuntimeError from the module still maps to exit code 4), and no
// node_modules lookup is needed wherever the module lives. The bundle is cached
// by content hash: starting esbuild costs more than a whole small run.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import * as runtime from "../runtime/index";
import type { CompiledProgram, Program } from "../runtime/index";
import { IR_VERSION } from "../runtime/program/ir";
import { usageError } from "./errors";
import { readText } from "./sources";

const RUNTIME_KEY = Symbol.for("stagecraft.runtime");
const RUNTIME_MODULE = /^stagecraft\/runtime$/;

export interface LoadedModule {
  program: Program;
  compiled: CompiledProgram;
}

/** Changes whenever what the loader produces for the same source would change. */
const LOADER_VERSION = "1";

export async function loadCompiledModule(path: string): Promise<LoadedModule> {
  const source = readText(path, "module");
  (globalThis as Record<symbol, unknown>)[RUNTIME_KEY] = runtime;
  const shim = runtimeShim();
  const key = createHash("sha256").update(`${LOADER_VERSION}\0${shim}\0${resolve(path)}\0${source}`).digest("hex");
  let code = cachedBundle(key);
  if (code === undefined) {
    const bundled = await bundle(path, source, shim);
    code = bundled.code;
    // A module that imports other files of its own is not cached: the hash covers only its text.
    if (bundled.standalone) storeBundle(key, code);
  }
  let exports: Record<string, unknown>;
  try {
    exports = await import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`);
  } catch (error) {
    throw usageError(`${path}: the module failed while loading (${(error as Error).message})`);
  }
  return checkExports(path, exports);
}

async function bundle(path: string, source: string, shim: string): Promise<{ code: string; standalone: boolean }> {
  const { build } = await import("esbuild");
  try {
    const result = await build({
      stdin: { contents: source, loader: "ts", resolveDir: dirname(resolve(path)), sourcefile: path },
      bundle: true,
      write: false,
      format: "esm",
      platform: "node",
      target: "node20",
      logLevel: "silent",
      metafile: true,
      plugins: [
        {
          name: "stagecraft-runtime",
          setup(plugin) {
            plugin.onResolve({ filter: RUNTIME_MODULE }, () => ({ path: "stagecraft/runtime", namespace: "stagecraft-runtime" }));
            plugin.onLoad({ filter: /.*/, namespace: "stagecraft-runtime" }, () => ({ contents: shim, loader: "js" }));
          },
        },
      ],
    });
    // The module itself (stdin) and the runtime shim, nothing else.
    const inputs = Object.keys(result.metafile.inputs).filter((input) => !input.startsWith("stagecraft-runtime:"));
    return { code: result.outputFiles[0]!.text, standalone: inputs.length === 1 };
  } catch (error) {
    const errors = (error as { errors?: Array<{ text: string; location?: { line: number; column: number } | null }> }).errors;
    const first = errors?.[0];
    const where = first?.location ? `:${first.location.line}:${first.location.column + 1}` : "";
    throw usageError(`${path}${where}: cannot load the module (${first?.text ?? (error as Error).message})`);
  }
}

// The cache is per user (never a shared temporary folder, where another user
// could plant code under a known hash) and only an optimisation: any failure
// to read or write it means bundling again.
function cacheFolder(): string {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), ".cache");
  return join(base, "stagecraft", "modules");
}

function cachedBundle(key: string): string | undefined {
  try {
    return readFileSync(join(cacheFolder(), `${key}.mjs`), "utf8");
  } catch {
    return undefined;
  }
}

function storeBundle(key: string, code: string): void {
  try {
    const folder = cacheFolder();
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    // Written aside then renamed: a concurrent reader never sees half a file.
    const partial = join(folder, `${key}.${process.pid}.partial`);
    writeFileSync(partial, code, { mode: 0o600 });
    renameSync(partial, join(folder, `${key}.mjs`));
  } catch {
    // Not cached; the next run bundles again.
  }
}

/** The runtime's public API re-exported from the instance the CLI registered. */
function runtimeShim(): string {
  const names = Object.keys(runtime).filter((name) => name !== "default").sort();
  return [
    `const runtime = globalThis[Symbol.for("stagecraft.runtime")];`,
    ...names.map((name) => `export const ${name} = runtime.${name};`),
  ].join("\n");
}

function checkExports(path: string, exports: Record<string, unknown>): LoadedModule {
  const program = exports.program as Program | undefined;
  const compiled = exports.compiled as CompiledProgram | undefined;
  if (typeof program !== "object" || program === null || !Array.isArray(program.rules)) {
    throw usageError(`${path}: not a module from \`stagecraft compile\` (it exports no \`program\`)`);
  }
  if (program.version !== IR_VERSION) {
    throw usageError(`${path}: compiled for IR version ${String(program.version)}, this stagecraft runs version ${IR_VERSION}; compile it again`);
  }
  return { program, compiled: typeof compiled === "object" && compiled !== null ? compiled : {} };
}
