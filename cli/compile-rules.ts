// Loads and compiles the rule files named on the command line; the shared first
// step of check, run, test, compile, explain, deploy and serve.
import { checkSources, compileSources, type CompileResult, type Diagnostic } from "../compiler/index";
import type { Program } from "../runtime/index";
import { ExitCode } from "./errors";
import type { Output } from "./output";
import { loadSources, type LoadedSource } from "./sources";
import { formatTextReport, type DiagnosticReport } from "./print-diagnostics";

export interface CompiledRules {
  sources: LoadedSource[];
  result: CompileResult;
  report: DiagnosticReport;
}

export function compileRuleFiles(paths: readonly string[]): CompiledRules {
  return compileLoadedSources(loadSources(paths));
}

/**
 * The rules compiled into a program, or undefined once their errors are on
 * stderr and the exit code says so (the command then stops): what every command
 * that runs or ships the rules does first.
 */
export function compileOrReport(paths: readonly string[], out: Output): (CompiledRules & { program: Program }) | undefined {
  const compiled = compileRuleFiles(paths);
  const program = compiled.result.program;
  if (hasErrors(compiled.result.diagnostics) || !program) {
    out.stderr(formatTextReport(compiled.report, out.isTty));
    out.exit(ExitCode.ruleErrors);
    return undefined;
  }
  return { ...compiled, program };
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
