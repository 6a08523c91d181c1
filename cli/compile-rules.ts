// Loads and compiles the rule files named on the command line; the shared first
// step of check, run, test, compile and explain.
import { checkSources, compileSources, type CompileResult, type Diagnostic } from "../compiler/index";
import { loadSources, type LoadedSource } from "./sources";
import type { DiagnosticReport } from "./print-diagnostics";

export interface CompiledRules {
  sources: LoadedSource[];
  result: CompileResult;
  report: DiagnosticReport;
}

export function compileRuleFiles(paths: readonly string[]): CompiledRules {
  return compileLoadedSources(loadSources(paths));
}

/** Compiles sources already read (from disk, or from git for `diff git:REF`). */
export function compileLoadedSources(sources: LoadedSource[]): CompiledRules {
  const result = compileSources(sources.map(({ path, text, location }) => ({ path, text, location })));
  return { sources, result, report: reportFor(sources, result.diagnostics) };
}

/** Checking only (no lowering to IR): what `check` needs, on every save. */
export function checkRuleFiles(paths: readonly string[]): { diagnostics: Diagnostic[]; report: DiagnosticReport } {
  const sources = loadSources(paths);
  const { diagnostics } = checkSources(sources.map(({ path, text, location }) => ({ path, text, location })));
  return { diagnostics, report: reportFor(sources, diagnostics) };
}

function reportFor(sources: readonly LoadedSource[], diagnostics: Diagnostic[]): DiagnosticReport {
  return {
    diagnostics,
    diskPaths: new Map(sources.map((s) => [s.path, s.diskPath])),
    texts: new Map(sources.map((s) => [s.path, s.text])),
    fileCount: sources.length,
  };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}
