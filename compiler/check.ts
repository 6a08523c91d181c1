// The checker's entry: parse every file, bind all of them into one namespace
// (declaration order does not matter), type every expression, run the checks.
// It never throws: a crash in a check on broken input would hide every other
// diagnostic, so an internal failure becomes one diagnostic instead.
import type { SourceFile } from "../grammar/ast";
import type { Diagnostic } from "../diagnostics/diagnostic";
import { parse } from "../grammar/index";
import { declare, emptyModel } from "./binder/declarations";
import { bindRulesAndWorkflows } from "./binder/rules";
import { hintChecks, specifiedChecks } from "./checks/index";
import { runChecks } from "./checks/run-checks";
import { internalErrorDiagnostic } from "../diagnostics/internal";
import { sortDiagnostics } from "./diagnostics";
import type { CheckedModel } from "./model";
import { typeProgram } from "./types/type-program";

export interface SourceText {
  path: string;
  text: string;
  /** The file's path as the user gave it, when `path` is shorter (`SourceFile.location`). */
  location?: string;
}

export interface CheckedSources {
  files: SourceFile[];
  /** Syntax and semantic diagnostics, by file order given, then line, then column. */
  diagnostics: Diagnostic[];
  model: CheckedModel;
}

export interface CheckOptions {
  /** Also run the checks whose diagnostics are hints (SC2610): editors show them, the CLI does not. */
  hints?: boolean;
}

export function checkSources(sources: SourceText[], options: CheckOptions = {}): CheckedSources {
  const files: SourceFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const source of sources) {
    // parse never throws either: its own failure comes back as an internal-error diagnostic
    const parsed = parse(source.text, source.path);
    if (source.location !== undefined) parsed.file.location = source.location;
    files.push(parsed.file);
    for (const diagnostic of parsed.diagnostics) diagnostics.push(diagnostic);
  }
  const checked = checkFiles(files, options);
  for (const diagnostic of checked.diagnostics) diagnostics.push(diagnostic);
  return { files, diagnostics: sortDiagnostics(diagnostics, sources.map((source) => source.path)), model: checked.model };
}

/** Binds, types and checks already parsed files (the playground re-uses parsed trees). */
export function checkFiles(files: SourceFile[], options: CheckOptions = {}): { diagnostics: Diagnostic[]; model: CheckedModel } {
  try {
    const binding = declare(files);
    bindRulesAndWorkflows(binding);
    typeProgram(binding);
    return { diagnostics: runChecks(binding, options.hints ? [...specifiedChecks, ...hintChecks] : specifiedChecks), model: binding.model };
  } catch (error) {
    return { diagnostics: [internalError(files[0]?.path ?? "", error)], model: emptyModel() };
  }
}

function internalError(file: string, error: unknown): Diagnostic {
  return internalErrorDiagnostic("checker", error, file);
}
