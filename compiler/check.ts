// The checker's entry: parse every file, bind all of them into one namespace
// (declaration order does not matter), type every expression, run the checks.
// It never throws: a crash in a check on broken input would hide every other
// diagnostic, so an internal failure becomes one diagnostic instead.
//
// The items go through `checkItem` one at a time in file order once the schema is
// declared, as in the streaming check (streaming-check.ts) that `stagecraft check`
// runs; this one keeps every tree and model entry, for lowering and the editor.
import type { SourceFile } from "../grammar/ast";
import type { Diagnostic } from "../grammar/diagnostic";
import { parse } from "../grammar/index";
import { declareSchema, emptyModel } from "./binder/declarations";
import { checkItem } from "./check-item";
import { specifiedChecks } from "./checks/index";
import { startChecks } from "./checks/run-checks";
import { internalErrorDiagnostic, sortDiagnostics } from "./diagnostics";
import type { CheckedModel } from "./model";

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
    const binding = declareSchema(files);
    const run = startChecks(binding, specifiedChecks);
    for (const file of files) {
      for (let i = 0; i < file.items.length; i++) checkItem(binding, run, file.items[i]!, file);
    }
    return { diagnostics: run.finish(), model: binding.model };
  } catch (error) {
    return { diagnostics: [internalError(files[0]?.path ?? "", error)], model: emptyModel() };
  }
}

function internalError(file: string, error: unknown): Diagnostic {
  return internalErrorDiagnostic("SC2999", "compiler", error, file);
}
