// The language service: every editor feature for Stagecraft, over a workspace of
// rules files, in plain data (1-based positions, see positions.ts). The
// playground's Monaco adapter and `stagecraft lsp` both call it and only
// translate its answers; no editor type and nothing of Node is used here.
import type { Diagnostic } from "../diagnostics/diagnostic";
import { formatSource } from "../compiler/index";
import { itemsOf, placeInItem } from "../grammar/index";
import { quickFixes, type CodeAction, type MarkedProblem } from "./code-actions";
import { completionsAt, type CompletionContext, type CompletionItem } from "./completion";
import { declarationAt } from "./declaration-at";
import { documentSymbols, type DocumentSymbol } from "./document-symbols";
import { foldingRanges, type FoldingRange } from "./folding";
import { fenced, inlineCode } from "./markdown";
import { plainRange, type Position, type Range } from "./positions";
import { occurrencesOf } from "./references";
import { semanticTokens, type SemanticToken } from "./semantic-tokens";
import type { DeclaredName } from "./symbol-index";
import { Workspace, type CheckedWorkspace } from "./workspace";

export interface Location {
  path: string;
  range: Range;
}

export interface Hover {
  range: Range;
  /** Markdown paragraphs: the code first, then prose, then where it is declared. */
  contents: string[];
}

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface FileEdit extends TextEdit {
  path: string;
}

export type RenameResult = { edits: FileEdit[] } | { error: string };

/** A name rename can change (its range, and its text to start editing from), or why there is none. */
export type RenameTarget = { range: Range; placeholder: string } | { error: string };

const notRenamable = "Only a declared name (an entity, field, stage, template, team or event) can be renamed.";

export class LanguageService {
  readonly workspace = new Workspace();

  /** Opens a document or changes its text (only it is parsed again). */
  setDocument(path: string, text: string): void {
    this.workspace.set(path, text);
  }

  removeDocument(path: string): void {
    this.workspace.delete(path);
  }

  /** The workspace becomes exactly these files. */
  setDocuments(sources: ReadonlyArray<{ path: string; text: string }>): void {
    this.workspace.replaceAll(sources);
  }

  /** The whole-program check (the files' trees, diagnostics and checked model). */
  check(): CheckedWorkspace {
    return this.workspace.check();
  }

  /** Diagnostics of one file, or of all files. */
  diagnostics(path?: string): Diagnostic[] {
    const all = this.workspace.check().diagnostics;
    return path === undefined ? all : all.filter((d) => d.file === path);
  }

  completions(path: string, position: Position, context: CompletionContext = {}): CompletionItem[] {
    const document = this.workspace.get(path);
    if (!document) return [];
    const offset = document.lines.offsetAt(position);
    return completionsAt(placeInItem(document.text, offset), offset, document.lines, this.workspace.symbolIndex(), context);
  }

  hover(path: string, position: Position): Hover | null {
    const found = this.nameAt(path, position);
    if (!found) return null;
    const contents = [fenced(found.name.code)];
    if (found.name.doc) contents.push(found.name.doc);
    const declaration = found.name.declaration;
    if (declaration) contents.push(`declared in ${inlineCode(declaration.file)}, line ${declaration.range.start.line}`);
    return { range: found.range, contents };
  }

  definition(path: string, position: Position): Location | null {
    const declaration = this.nameAt(path, position)?.name.declaration;
    return declaration ? { path: declaration.file, range: plainRange(declaration.range) } : null;
  }

  references(path: string, position: Position, includeDeclaration = true): Location[] {
    const declaration = this.nameAt(path, position)?.name.declaration;
    if (!declaration) return [];
    const locations: Location[] = [];
    for (const at of occurrencesOf(declaration, this.workspace.all(), this.workspace.symbolIndex())) {
      const isDeclaration = at.path === declaration.file && at.start >= declaration.range.start.offset && at.end <= declaration.range.end.offset;
      if (isDeclaration && !includeDeclaration) continue;
      locations.push({ path: at.path, range: this.workspace.get(at.path)!.lines.rangeOf(at.start, at.end) });
    }
    return locations;
  }

  /**
   * What rename would change at the cursor: the name's range and its text as
   * written there, or why nothing there can be renamed (both editors show the reason).
   */
  prepareRename(path: string, position: Position): RenameTarget {
    const target = this.renameTargetAt(path, position);
    if (!target) return { error: notRenamable };
    const document = this.workspace.get(path)!;
    return { range: document.lines.rangeOf(target.start, target.end), placeholder: document.text.slice(target.start, target.end) };
  }

  rename(path: string, position: Position, newName: string): RenameResult {
    const declaration = this.renameTargetAt(path, position)?.declaration;
    if (!declaration) return { error: notRenamable };
    const quoted = this.workspace.get(declaration.file)?.text[declaration.range.start.offset] === '"';
    if (!quoted && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(newName)) return { error: `"${newName}" is not a name: letters, digits and _, not starting with a digit.` };
    if (quoted && /["\\\r\n]/.test(newName)) return { error: "A quoted name cannot hold a quote, a backslash or a line break." };
    return { edits: this.references(path, position).map((location) => ({ ...location, newText: newName })) };
  }

  documentSymbols(path: string): DocumentSymbol[] {
    const document = this.workspace.get(path);
    return document ? documentSymbols(document.file, document.lines) : [];
  }

  /** The edits that format the file; none when it is formatted or does not parse. */
  format(path: string): TextEdit[] {
    const document = this.workspace.get(path);
    if (!document) return [];
    const formatted = formatSource(document.text, path);
    if (formatted.text === document.text) return [];
    return [{ range: document.lines.fullRange(), newText: formatted.text }];
  }

  foldingRanges(path: string): FoldingRange[] {
    const document = this.workspace.get(path);
    if (!document) return [];
    const { items, comments } = itemsOf(document.text);
    return foldingRanges(items, comments, document.lines);
  }

  semanticTokens(path: string): SemanticToken[] {
    const document = this.workspace.get(path);
    if (!document) return [];
    const { items, comments } = itemsOf(document.text);
    return semanticTokens(items, comments, document.lines, this.workspace.symbolIndex());
  }

  /** Quick fixes for the problems an editor shows in a range (it passes the markers it has). */
  codeActions(path: string, problems: readonly MarkedProblem[]): CodeAction[] {
    const document = this.workspace.get(path);
    if (!document) return [];
    const lines = document.lines;
    return quickFixes(path, problems, (range) => document.text.slice(lines.offsetAt(range.start), lines.offsetAt(range.end)));
  }

  /** The occurrence of a declared name under the cursor (offsets in the file), or null. */
  private renameTargetAt(path: string, position: Position): { declaration: DeclaredName; start: number; end: number } | null {
    const declaration = this.nameAt(path, position)?.name.declaration;
    if (!declaration) return null;
    const document = this.workspace.get(path)!;
    const offset = document.lines.offsetAt(position);
    const here = occurrencesOf(declaration, [document], this.workspace.symbolIndex()).find((at) => at.start <= offset && offset <= at.end);
    return here ? { declaration, start: here.start, end: here.end } : null;
  }

  private nameAt(path: string, position: Position) {
    const document = this.workspace.get(path);
    if (!document) return null;
    const offset = document.lines.offsetAt(position);
    const name = declarationAt(placeInItem(document.text, offset), offset, this.workspace.symbolIndex());
    return name ? { name, range: document.lines.rangeOf(name.start, name.end) } : null;
  }
}
