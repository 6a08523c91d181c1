// The checker's entry: parse every file, bind all of them into one namespace
// (declaration order does not matter), type every expression, run the checks.
// It never throws: a crash in a check on broken input would hide every other
// diagnostic, so an internal failure becomes one diagnostic instead.
import type { SourceFile } from "../grammar/ast";
import type { Diagnostic } from "../grammar/diagnostic";
import { parse } from "../grammar/index";
import { declare, emptyModel } from "./binder/declarations";
import { bindRulesAndWorkflows } from "./binder/rules";
import { specifiedChecks } from "./checks/index";
import { runChecks } from "./checks/runChecks";
import { internalErrorDiagnostic, sortDiagnostics } from "./diagnostics";
import type { CheckedModel } from "./model";
import { typeProgram } from "./types/typeProgram";

export interface SourceText {
  path: string;
  text: string;
}

export interface CheckedSources {
  files: SourceFile[];
  /** Syntax and semantic diagnostics, by file order given, then line, then column. */
  diagnostics: Diagnostic[];
  model: CheckedModel;
}

export function checkSources(sources: SourceText[]): CheckedSources {
  const files: SourceFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const source of sources) {
    // parse never throws either: its own failure comes back as an SC0003 diagnostic
    const parsed = parse(source.text, source.path);
    files.push(parsed.file);
    diagnostics.push(...parsed.diagnostics);
  }
  const checked = checkFiles(files);
  diagnostics.push(...checked.diagnostics);
  return { files, diagnostics: sortDiagnostics(diagnostics, sources.map((source) => source.path)), model: checked.model };
}

/** Binds, types and checks already parsed files (the playground re-uses parsed trees). */
export function checkFiles(files: SourceFile[]): { diagnostics: Diagnostic[]; model: CheckedModel } {
  try {
    const binding = declare(files);
    bindRulesAndWorkflows(binding);
    typeProgram(binding);
    return { diagnostics: runChecks(binding, specifiedChecks), model: binding.model };
  } catch (error) {
    return { diagnostics: [internalError(files[0]?.path ?? "", error)], model: emptyModel() };
  }
}

function internalError(file: string, error: unknown): Diagnostic {
  return internalErrorDiagnostic("SC2999", "compiler", error, file);
}
