// The checker's entry: parse every file, bind all of them into one namespace
// (declaration order does not matter), type every expression, run the checks.
// It never throws: a crash in a check on broken input would hide every other
// diagnostic, so an internal failure becomes one diagnostic instead.
//
// Both entries take the items through the same steps, one item at a time in file
// order (claim its name, bind, type, check) once the schema is declared:
// `checkSources` keeps every tree and model entry for lowering and the editor;
// `checkSourcesStreaming`, for `check`, lets each item go once it is checked.
import type { SourceFile, TopLevelItem } from "../grammar/ast";
import type { Diagnostic } from "../grammar/diagnostic";
import { parse, parseEach } from "../grammar/index";
import { forgetItemResults, type Binding } from "./binder/binding";
import { claimItemName, declareSchema, emptyModel, isSchemaItem } from "./binder/declarations";
import { bindItem } from "./binder/rules";
import { specifiedChecks } from "./checks/index";
import { startChecks, type CheckRun } from "./checks/runChecks";
import { internalErrorDiagnostic, sortDiagnostics } from "./diagnostics";
import type { CheckedModel } from "./model";
import { typeItem } from "./types/typeProgram";

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

/**
 * The diagnostics of `checkSources`, exactly, holding one rule's syntax tree at a
 * time instead of the whole program's: on a large rule set most of a check's
 * memory, and the garbage collector's work of keeping it, goes. It streams while
 * the schema comes first (every declaration before the first rule, workflow or
 * test, counting the files in order); a declaration after that could change how
 * the rules before it read, so the sources are then checked whole instead.
 */
export function checkSourcesStreaming(sources: SourceText[]): Diagnostic[] {
  try {
    const streamed = streamChecks(sources);
    if (streamed !== undefined) return streamed;
  } catch {
    // an internal failure: the whole check meets it too, and reports it in its own way
  }
  return checkSources(sources).diagnostics;
}

/** The streamed diagnostics; undefined when a declaration follows a rule, workflow or test. */
export function streamChecks(sources: SourceText[]): Diagnostic[] | undefined {
  const schemaFiles: SourceFile[] = [];
  const parseDiagnostics: Diagnostic[] = [];
  let checking: { binding: Binding; run: CheckRun } | undefined;
  let schemaClosed = false;
  let declarationAfterRules = false;

  // the schema is complete: declare it and check the declarations, in file order
  const start = (): { binding: Binding; run: CheckRun } => {
    schemaClosed = true;
    const binding = declareSchema(schemaFiles);
    const run = startChecks(binding, specifiedChecks);
    for (const file of schemaFiles) {
      for (let i = 0; i < file.items.length; i++) checkItem(binding, run, file.items[i]!, file);
    }
    return { binding, run };
  };

  for (const source of sources) {
    let streamedFile: SourceFile | undefined;
    const onItem = (item: TopLevelItem, file: SourceFile): void => {
      streamedFile = file;
      if (declarationAfterRules) return;
      if (isSchemaItem(item)) {
        if (schemaClosed) {
          declarationAfterRules = true;
          return;
        }
        if (schemaFiles[schemaFiles.length - 1] !== file) schemaFiles.push(file);
        file.items.push(item);
        return;
      }
      checking ??= start();
      checkItem(checking.binding, checking.run, item, file);
      forgetItemResults(checking.binding);
    };
    const parsed = parseEach(source.text, source.path, onItem);
    // a parser failure hands back a file of its own, without the items it streamed
    if (streamedFile !== undefined && parsed.file !== streamedFile) return undefined;
    if (declarationAfterRules) return undefined;
    parseDiagnostics.push(...parsed.diagnostics);
  }
  checking ??= start();
  const diagnostics = [...parseDiagnostics, ...checking.run.finish()];
  return sortDiagnostics(diagnostics, sources.map((source) => source.path));
}

/** Everything the checker does with one item once the schema is declared. */
function checkItem(binding: Binding, run: CheckRun, item: TopLevelItem, file: SourceFile): void {
  claimItemName(binding, item, file);
  bindItem(binding, item, file);
  typeItem(binding, item);
  run.item(item, file);
}

function internalError(file: string, error: unknown): Diagnostic {
  return internalErrorDiagnostic("SC2999", "compiler", error, file);
}
