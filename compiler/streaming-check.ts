// `check` wants only diagnostics, so it need not hold the program: it checks
// each rule, workflow and test as it is read and lets it go. On a 10,000-rule
// file that is most of a check's memory, and the garbage collector's work of
// keeping it (bench/README.md).
import type { SourceFile, TopLevelItem } from "../grammar/ast";
import type { Diagnostic } from "../grammar/diagnostic";
import { mergeParts, parseEach, type ItemSelection } from "../grammar/index";
import { forgetItemResults, type Binding } from "./binder/binding";
import { declareSchema, isSchemaItem } from "./binder/declarations";
import { checkSources, type SourceText } from "./check";
import { checkItem } from "./check-item";
import { specifiedChecks } from "./checks/index";
import { startChecks, type CheckRun } from "./checks/runChecks";
import { sortDiagnostics } from "./diagnostics";

/**
 * Exactly `checkSources(sources).diagnostics`, holding one item's syntax tree at
 * a time instead of the whole program's. The schema is declared first: one file
 * whose declarations all come first is read once; otherwise every file is read in
 * two parts, the declarations of all files, then the rest. Where neither fits (a
 * declaration and a rule written on one line, sources sharing a path, a parser
 * that gave up) the sources are checked whole.
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

/** The streamed diagnostics; undefined when the sources must be checked whole. */
export function streamChecks(sources: SourceText[]): Diagnostic[] | undefined {
  // Sources sharing a path rank alike when diagnostics are sorted, so the order
  // they were found in decides ties, and streaming finds them in another order.
  if (new Set(sources.map((source) => source.path)).size !== sources.length) return undefined;
  if (sources.length === 1) {
    const inOneRead = streamInOneRead(sources[0]!);
    if (inOneRead !== "declaration after a rule") return inOneRead;
  }
  return streamInTwoParts(sources);
}

/** Thrown (and caught here) when a read hands over an item it cannot take. */
class CannotStream extends Error {}

/**
 * One run of the checks, fed the declarations until the schema is closed, then
 * every other item, each let go once checked.
 */
class StreamingChecker {
  private readonly schemaFiles: SourceFile[] = [];
  private checking: { binding: Binding; run: CheckRun } | undefined;

  declaration(item: TopLevelItem, file: SourceFile): void {
    if (this.checking !== undefined) throw new CannotStream();
    if (this.schemaFiles[this.schemaFiles.length - 1] !== file) this.schemaFiles.push(file);
    file.items.push(item);
  }

  item(item: TopLevelItem, file: SourceFile): void {
    const { binding, run } = this.start();
    checkItem(binding, run, item, file);
    forgetItemResults(binding);
  }

  finish(parseDiagnostics: Diagnostic[], sources: SourceText[]): Diagnostic[] {
    const diagnostics = [...parseDiagnostics, ...this.start().run.finish()];
    return sortDiagnostics(diagnostics, sources.map((source) => source.path));
  }

  /** Closes the schema on first use: declares it and checks the declarations, in file order. */
  private start(): { binding: Binding; run: CheckRun } {
    if (this.checking === undefined) {
      const binding = declareSchema(this.schemaFiles);
      const run = startChecks(binding, specifiedChecks);
      for (const file of this.schemaFiles) {
        for (let i = 0; i < file.items.length; i++) checkItem(binding, run, file.items[i]!, file);
      }
      this.checking = { binding, run };
    }
    return this.checking;
  }
}

/**
 * Parses one source or one part of it, handing its items to `take`; undefined
 * when the parser gave up on some of it (`gaveUp`), which the whole check, reading
 * from elsewhere, might not: it decides then.
 */
function read(source: SourceText, selection: ItemSelection, take: (item: TopLevelItem, file: SourceFile) => void): Diagnostic[] | undefined {
  const parsed = parseEach(source.text, source.path, take, selection);
  return parsed.gaveUp ? undefined : parsed.diagnostics;
}

function streamInOneRead(source: SourceText): Diagnostic[] | undefined | "declaration after a rule" {
  const checker = new StreamingChecker();
  try {
    const diagnostics = read(source, "all", (item, file) => {
      if (isSchemaItem(item)) checker.declaration(item, file);
      else checker.item(item, file);
    });
    return diagnostics && checker.finish(diagnostics, [source]);
  } catch (error) {
    if (error instanceof CannotStream) return "declaration after a rule";
    throw error;
  }
}

function streamInTwoParts(sources: SourceText[]): Diagnostic[] | undefined {
  const checker = new StreamingChecker();
  const take = (item: TopLevelItem, file: SourceFile, declarations: boolean) => {
    // a declaration and another item on one line are read together, in the wrong part
    if (isSchemaItem(item) !== declarations) throw new CannotStream();
    if (declarations) checker.declaration(item, file);
    else checker.item(item, file);
  };
  try {
    const declarationParts: Diagnostic[][] = [];
    for (const source of sources) {
      const diagnostics = read(source, "declarations", (item, file) => take(item, file, true));
      if (diagnostics === undefined) return undefined;
      declarationParts.push(diagnostics);
    }
    const parseDiagnostics: Diagnostic[] = [];
    for (const [index, source] of sources.entries()) {
      const diagnostics = read(source, "others", (item, file) => take(item, file, false));
      if (diagnostics === undefined) return undefined;
      parseDiagnostics.push(...mergeParts(declarationParts[index]!, diagnostics));
    }
    return checker.finish(parseDiagnostics, sources);
  } catch (error) {
    if (error instanceof CannotStream) return undefined;
    throw error;
  }
}
