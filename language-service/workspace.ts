// The documents of a workspace (rules files by path) and what is known of them:
// each file's syntax tree is kept until its text changes, so a change re-parses
// that file only; the whole-program check (one namespace across files) runs
// again over the kept trees, when something asks for its answer.
import { checkFiles, sortDiagnostics, type CheckedModel } from "../compiler/index";
import type { Diagnostic } from "../diagnostics/diagnostic";
import { parse, type SourceFile } from "../grammar/index";
import { TextLines } from "./positions";
import { buildSymbolIndex, type SymbolIndex } from "./symbol-index";

export interface Document {
  path: string;
  text: string;
  lines: TextLines;
  file: SourceFile;
  syntaxDiagnostics: Diagnostic[];
}

export interface CheckedWorkspace {
  files: SourceFile[];
  /** Syntax and semantic diagnostics of every file, by file order, then position. */
  diagnostics: Diagnostic[];
  model: CheckedModel;
}

export class Workspace {
  private readonly documents = new Map<string, Document>();
  private checked: CheckedWorkspace | undefined;
  private symbols: SymbolIndex | undefined;

  /** Adds a file or replaces its text; only this file is parsed again. */
  set(path: string, text: string): void {
    const known = this.documents.get(path);
    if (known && known.text === text) return;
    const parsed = parse(text, path);
    this.documents.set(path, { path, text, lines: new TextLines(text), file: parsed.file, syntaxDiagnostics: parsed.diagnostics });
    this.changed();
  }

  delete(path: string): void {
    if (this.documents.delete(path)) this.changed();
  }

  /** Makes the workspace exactly these files (the playground sends all of them at once). */
  replaceAll(sources: ReadonlyArray<{ path: string; text: string }>): void {
    const keep = new Set(sources.map((s) => s.path));
    for (const path of [...this.documents.keys()]) if (!keep.has(path)) this.delete(path);
    for (const source of sources) this.set(source.path, source.text);
  }

  get(path: string): Document | undefined {
    return this.documents.get(path);
  }

  paths(): string[] {
    return [...this.documents.keys()];
  }

  all(): Document[] {
    return [...this.documents.values()];
  }

  /** The declared names of every file (from the syntax trees: no check needed). */
  symbolIndex(): SymbolIndex {
    this.symbols ??= buildSymbolIndex(this.all().map((d) => d.file));
    return this.symbols;
  }

  /** The whole-program check of the current texts (kept until a file changes). */
  check(): CheckedWorkspace {
    if (this.checked) return this.checked;
    const documents = this.all();
    const files = documents.map((d) => d.file);
    const result = checkFiles(files, { hints: true });
    const diagnostics: Diagnostic[] = [];
    for (const document of documents) for (const d of document.syntaxDiagnostics) diagnostics.push(d);
    for (const d of result.diagnostics) diagnostics.push(d);
    this.checked = { files, diagnostics: sortDiagnostics(diagnostics, this.paths()), model: result.model };
    return this.checked;
  }

  private changed(): void {
    this.checked = undefined;
    this.symbols = undefined;
  }
}
