// Loads and compiles the rule files named on the command line; the shared first
// step of check, run, test, compile and explain.
import { checkSources, compileSources, type CheckedSources, type CompileResult } from "../compiler/index";
import { loadSources, type LoadedSource } from "./sources";
import type { DiagnosticReport } from "./print-diagnostics";

export interface CompiledRules {
  sources: LoadedSource[];
  result: CompileResult;
  report: DiagnosticReport;
}

export function compileRuleFiles(paths: readonly string[]): CompiledRules {
  const sources = loadSources(paths);
  const result = compileSources(sources.map(({ path, text }) => ({ path, text })));
  return { sources, result, report: reportFor(sources, result) };
}

/** Checking only (no lowering to IR): what `check` needs, on every save. */
export function checkRuleFiles(paths: readonly string[]): { result: CheckedSources; report: DiagnosticReport } {
  const sources = loadSources(paths);
  const result = checkSources(sources.map(({ path, text }) => ({ path, text })));
  return { result, report: reportFor(sources, result) };
}

function reportFor(sources: readonly LoadedSource[], result: CheckedSources): DiagnosticReport {
  return {
    diagnostics: result.diagnostics,
    diskPaths: new Map(sources.map((s) => [s.path, s.diskPath])),
    texts: new Map(sources.map((s) => [s.path, s.text])),
    fileCount: sources.length,
  };
}

export function hasErrors(result: CheckedSources): boolean {
  return result.diagnostics.some((d) => d.severity === "error");
}
