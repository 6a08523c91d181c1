// Loads a module emitted by `stagecraft compile` for `run --module`. The
// module is transpiled and bundled with esbuild in memory; its
// `stagecraft/runtime` import is bound to the runtime this CLI already runs,
// so the engine, the helpers the module calls and the errors they throw are one
// instance (a RuntimeError from the module still maps to exit code 4), and no
// temporary file or node_modules lookup is needed wherever the module lives.
import { dirname, resolve } from "node:path";
import * as runtime from "../runtime/index";
import type { CompiledProgram, Program } from "../runtime/index";
import { IR_VERSION } from "../runtime/ir";
import { usageError } from "./errors";
import { readText } from "./sources";

const RUNTIME_KEY = Symbol.for("stagecraft.runtime");
const RUNTIME_MODULE = /^stagecraft\/runtime$/;

export interface LoadedModule {
  program: Program;
  compiled: CompiledProgram;
}

export async function loadCompiledModule(path: string): Promise<LoadedModule> {
  const source = readText(path);
  const { build } = await import("esbuild");
  (globalThis as Record<symbol, unknown>)[RUNTIME_KEY] = runtime;
  let code: string;
  try {
    const result = await build({
      stdin: { contents: source, loader: "ts", resolveDir: dirname(resolve(path)), sourcefile: path },
      bundle: true,
      write: false,
      format: "esm",
      platform: "node",
      target: "node20",
      logLevel: "silent",
      plugins: [
        {
          name: "stagecraft-runtime",
          setup(plugin) {
            plugin.onResolve({ filter: RUNTIME_MODULE }, () => ({ path: "stagecraft/runtime", namespace: "stagecraft-runtime" }));
            plugin.onLoad({ filter: /.*/, namespace: "stagecraft-runtime" }, () => ({ contents: runtimeShim(), loader: "js" }));
          },
        },
      ],
    });
    code = result.outputFiles[0]!.text;
  } catch (error) {
    const errors = (error as { errors?: Array<{ text: string; location?: { line: number; column: number } | null }> }).errors;
    const first = errors?.[0];
    const where = first?.location ? `:${first.location.line}:${first.location.column + 1}` : "";
    throw usageError(`${path}${where}: cannot load the module (${first?.text ?? (error as Error).message})`);
  }
  let exports: Record<string, unknown>;
  try {
    exports = await import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`);
  } catch (error) {
    throw usageError(`${path}: the module failed while loading (${(error as Error).message})`);
  }
  return checkExports(path, exports);
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
