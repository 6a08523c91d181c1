// Loads and compiles the rule files named on the command line; the shared first
// step of check, run, test, compile and explain.
import { compileSources, type CompileResult } from "../compiler/index";
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
  const report: DiagnosticReport = {
    diagnostics: result.diagnostics,
    diskPaths: new Map(sources.map((s) => [s.path, s.diskPath])),
    texts: new Map(sources.map((s) => [s.path, s.text])),
    fileCount: sources.length,
  };
  return { sources, result, report };
}

export function hasErrors(result: CompileResult): boolean {
  return result.diagnostics.some((d) => d.severity === "error");
}
