// Shared by the backend tests: compile rule texts, emit and load the module,
// and run one input through both backends the way `stagecraft run` does
// (validate each line, process, --until, format), capturing runtime errors.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compileSources, type SourceText } from "../../compiler/index";
import { emitModule } from "../../compiler/backend/index";
import { loadCompiledModule } from "../../cli/load-module";
import { createEngine, EventStreamValidator, formatOutputLine, RuntimeError, type CompiledProgram, type Program } from "../../runtime/index";

export const root = join(import.meta.dirname, "..", "..");

// The module loader caches bundles per user; tests keep theirs in a scratch folder.
process.env.XDG_CACHE_HOME = mkdtempSync(join(tmpdir(), "stagecraft-cache-"));

export function compileProgram(sources: SourceText[]): Program {
  const result = compileSources(sources);
  if (!result.program) {
    const errors = result.diagnostics.filter((d) => d.severity === "error");
    throw new Error(`rules do not compile:\n${errors.map((d) => `${d.file}:${d.range.start.line}: ${d.code} ${d.message}`).join("\n")}`);
  }
  return result.program;
}

/** The `.rules` files of a folder, named relative to it (as `stagecraft run <folder>` names them). */
export function folderSources(folder: string): SourceText[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith(".rules"))
    .sort()
    .map((name) => ({ path: name, text: readFileSync(join(folder, name), "utf8") }));
}

const scratch = mkdtempSync(join(tmpdir(), "stagecraft-backend-"));
let written = 0;

/** Writes the module text to a scratch file and loads it as `run --module` does. */
export async function loadModuleText(text: string): Promise<{ program: Program; compiled: CompiledProgram }> {
  const path = join(scratch, `rules-${++written}.ts`);
  writeFileSync(path, text);
  return loadCompiledModule(path);
}

export interface RunResult {
  lines: string[];
  /** `code: message` of an invalid input line or a runtime error, as the CLI would stop on it. */
  stop?: string;
}

export function runLines(program: Program, compiled: CompiledProgram | undefined, input: readonly string[], until?: string): RunResult {
  const engine = createEngine(program, compiled ? { compiled } : {});
  const lines: string[] = [];
  // The stream check of cli/commands/run.ts: each line, time order and ids.
  const validator = new EventStreamValidator(program);
  try {
    for (const [index, line] of input.entries()) {
      if (line.trim() === "") continue;
      const checked = validator.check(line, index + 1);
      if ("error" in checked) return { lines, stop: `${checked.error.code}: ${checked.error.message}` };
      for (const record of engine.process(checked.event)) lines.push(formatOutputLine(record));
    }
    if (until !== undefined) for (const record of engine.advanceTo(until)) lines.push(formatOutputLine(record));
  } catch (error) {
    if (!(error instanceof RuntimeError)) throw error;
    for (const record of error.outputs) lines.push(formatOutputLine(record));
    return { lines, stop: `${error.code}: ${error.message}` };
  }
  return { lines };
}

/** Emits, loads and runs the module, and runs the IR in-process: both results, for comparison. */
export async function runBothBackends(program: Program, input: readonly string[], until?: string) {
  const text = emitModule(program);
  const loaded = await loadModuleText(text);
  return {
    text,
    loaded,
    inProcess: runLines(program, undefined, input, until),
    module: runLines(loaded.program, loaded.compiled, input, until),
  };
}

/**
 * A folder inside the repository for files that must resolve `stagecraft/runtime`
 * through package.json "exports" (self-reference). `*.generated.ts` files under
 * test/fixtures are left out of the project's own type check (tsconfig.json).
 */
export function repoScratchFolder(): { folder: string; remove: () => void } {
  const folder = join(root, "test", "fixtures", `backend-${process.pid}-${Date.now()}`);
  mkdirSync(folder, { recursive: true });
  return { folder, remove: () => rmSync(folder, { recursive: true, force: true }) };
}
