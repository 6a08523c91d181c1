// `check` wants only diagnostics, so it need not hold the program: it checks
// each rule, workflow and test as it is read and lets it go. On a 10,000-rule
// file that is most of a check's memory, and the garbage collector's work of
// keeping it (bench/README.md).
import type { SourceFile, TopLevelItem } from "../grammar/ast";
import type { Diagnostic } from "../grammar/diagnostic";
import { isDeclarationItem, mergeParts, parseEach, type ItemSelection } from "../grammar/index";
import { forgetItemResults, type Binding } from "./binder/binding";
import { declareSchema } from "./binder/declarations";
import { checkSources, type SourceText } from "./check";
import { checkItem } from "./check-item";
import { specifiedChecks } from "./checks/index";
import { startChecks, type CheckRun } from "./checks/run-checks";
import { sortDiagnostics } from "./diagnostics";

/**
 * Exactly `checkSources(sources).diagnostics`, holding one item's syntax tree at
 * a time instead of the whole program's. The declarations are declared first: one
 * file whose declarations all come first is read once; otherwise every file is
 * read in two parts, the declarations of all files, then the rest. Where neither
 * fits (a declaration and a rule written on one line, sources sharing a path, a
 * parser that gave up) the sources are checked whole.
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
  return (sources.length === 1 ? streamInOneRead(sources[0]!) : undefined) ?? streamInTwoParts(sources);
}

/** One file, read once; undefined when a declaration follows a rule (or the parser gave up). */
export function streamInOneRead(source: SourceText): Diagnostic[] | undefined {
  const checker = new StreamingChecker();
  return unlessCannotStream(() => {
    const diagnostics = read(source, "all", (item, file) => checker.take(item, file));
    return diagnostics && checker.finish(diagnostics, [source]);
  });
}

/** Every file read in two parts: the declarations of all of them, then the rest of each. */
function streamInTwoParts(sources: SourceText[]): Diagnostic[] | undefined {
  const checker = new StreamingChecker();
  return unlessCannotStream(() => {
    const declarationParts: Diagnostic[][] = [];
    for (const source of sources) {
      const diagnostics = read(source, "declarations", (item, file) => checker.take(item, file, "declarations"));
      if (diagnostics === undefined) return undefined;
      declarationParts.push(diagnostics);
    }
    const parseDiagnostics: Diagnostic[] = [];
    for (const [index, source] of sources.entries()) {
      const diagnostics = read(source, "others", (item, file) => checker.take(item, file, "others"));
      if (diagnostics === undefined) return undefined;
      parseDiagnostics.push(...mergeParts(declarationParts[index]!, diagnostics));
    }
    return checker.finish(parseDiagnostics, sources);
  });
}

/** Thrown (and caught by `unlessCannotStream`) when a read hands over an item it cannot take. */
class CannotStream extends Error {}

function unlessCannotStream(stream: () => Diagnostic[] | undefined): Diagnostic[] | undefined {
  try {
    return stream();
  } catch (error) {
    if (error instanceof CannotStream) return undefined;
    throw error;
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

/**
 * One run of the checks, fed the declarations until the first other item closes
 * them, then every other item, each let go once checked.
 */
class StreamingChecker {
  private readonly declarationFiles: SourceFile[] = [];
  private checking: { binding: Binding; run: CheckRun } | undefined;

  /** Takes the next item; in a part of a file read alone, an item of the other part cannot be placed in order. */
  take(item: TopLevelItem, file: SourceFile, part?: "declarations" | "others"): void {
    const declaration = isDeclarationItem(item);
    // a declaration and another item on one line are read together, in one part
    if (part !== undefined && declaration !== (part === "declarations")) throw new CannotStream();
    if (!declaration) {
      const { binding, run } = this.start();
      checkItem(binding, run, item, file);
      forgetItemResults(binding);
    } else if (this.checking !== undefined) {
      // it could change how the items checked before it read
      throw new CannotStream();
    } else {
      if (this.declarationFiles[this.declarationFiles.length - 1] !== file) this.declarationFiles.push(file);
      file.items.push(item);
    }
  }

  finish(parseDiagnostics: Diagnostic[], sources: SourceText[]): Diagnostic[] {
    const diagnostics = [...parseDiagnostics, ...this.start().run.finish()];
    return sortDiagnostics(diagnostics, sources.map((source) => source.path));
  }

  /** Closes the declarations on first use: declares them and checks them, in file order. */
  private start(): { binding: Binding; run: CheckRun } {
    if (this.checking === undefined) {
      const binding = declareSchema(this.declarationFiles);
      const run = startChecks(binding, specifiedChecks);
      for (const file of this.declarationFiles) {
        for (let i = 0; i < file.items.length; i++) checkItem(binding, run, file.items[i]!, file);
      }
      this.checking = { binding, run };
    }
    return this.checking;
  }
}
