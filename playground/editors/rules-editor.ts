// The rules side: one Monaco model per rules file (they share one namespace,
// like a folder given to the CLI), a tab per file, markers per file from the
// checker's diagnostics.
import { editor, MarkerSeverity, Uri } from "monaco-editor/editor";
import type { Diagnostic } from "../../diagnostics/diagnostic";
import type { CoverageEntry } from "../../runtime/index";
import type { RulesSource, TestProblem } from "../checking/protocol";
import { languageId } from "../language/register-language";

const markerOwner = "stagecraft";
const testMarkerOwner = "stagecraft-tests";

export class RulesEditor {
  readonly editor: editor.IStandaloneCodeEditor;
  private files: Array<{ path: string; model: editor.ITextModel; coverage?: string[] }> = [];
  private activePath = "";
  private readonly changeListeners: Array<() => void> = [];

  constructor(
    container: HTMLElement,
    private readonly tabs: HTMLElement,
  ) {
    this.editor = editor.create(container, {
      model: null,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      scrollBeyondLastLine: false,
      tabSize: 2,
      fixedOverflowWidgets: true,
      "semanticHighlighting.enabled": true,
      // The gutter column of the rule coverage marks.
      glyphMargin: true,
    });
    // Go to definition in another file: show that file, then the declaration.
    editor.registerEditorOpener({
      openCodeEditor: (_source, resource, selectionOrPosition) => {
        const target = this.files.find((f) => f.model.uri.toString() === resource.toString());
        if (!target) return false;
        this.show(target.path);
        if (selectionOrPosition && "startLineNumber" in selectionOrPosition) {
          this.editor.setSelection(selectionOrPosition);
          this.editor.revealRangeInCenter(selectionOrPosition);
        } else if (selectionOrPosition) {
          this.editor.setPosition(selectionOrPosition);
          this.editor.revealPositionInCenter(selectionOrPosition);
        }
        return true;
      },
    });
  }

  onChange(listener: () => void): void {
    this.changeListeners.push(listener);
  }

  /** Replaces every file (an example, a share link). */
  setFiles(files: RulesSource[]): void {
    for (const file of this.files) file.model.dispose();
    this.files = files.map((file) => ({ path: file.path, model: this.createModel(file.path, file.text) }));
    this.show(files[0]?.path ?? "");
    this.changed();
  }

  addFile(path: string, text: string): void {
    this.files.push({ path, model: this.createModel(path, text) });
    this.show(path);
    this.changed();
  }

  /** A model's URI is fixed, so a renamed file is a new model with the same text. */
  renameFile(from: string, to: string): void {
    const file = this.files.find((f) => f.path === from);
    if (!file || from === to || this.files.some((f) => f.path === to)) return;
    const model = this.createModel(to, file.model.getValue());
    file.model.dispose();
    file.model = model;
    file.path = to;
    this.show(to);
    this.changed();
  }

  removeFile(path: string): void {
    const index = this.files.findIndex((f) => f.path === path);
    if (index < 0 || this.files.length === 1) return;
    const [removed] = this.files.splice(index, 1);
    removed!.model.dispose();
    if (this.activePath === path) this.show(this.files[Math.max(0, index - 1)]!.path);
    else this.renderTabs();
    this.changed();
  }

  sources(): RulesSource[] {
    return this.files.map((f) => ({ path: f.path, text: f.model.getValue() }));
  }

  paths(): string[] {
    return this.files.map((f) => f.path);
  }

  activeFile(): string {
    return this.activePath;
  }

  show(path: string): void {
    const file = this.files.find((f) => f.path === path);
    if (!file) return;
    this.activePath = path;
    this.editor.setModel(file.model);
    this.renderTabs();
  }

  uriOf(path: string): Uri {
    return Uri.from({ scheme: "file", path: `/${path}` });
  }

  pathOf(uri: Uri): string {
    return this.files.find((f) => f.model.uri.toString() === uri.toString())?.path ?? uri.path.replace(/^\//, "");
  }

  /** Markers for every file; a tab shows how many errors its file has. */
  setDiagnostics(diagnostics: Diagnostic[]): void {
    for (const file of this.files) {
      const own = diagnostics.filter((d) => d.file === file.path);
      editor.setModelMarkers(file.model, markerOwner, own.map(toMarker));
    }
    this.renderTabs(diagnostics);
  }

  /** Failed expectations of the rules' `test` blocks, marked where they are written. */
  setTestProblems(problems: TestProblem[]): void {
    for (const file of this.files) {
      const model = file.model;
      editor.setModelMarkers(
        model,
        testMarkerOwner,
        problems
          .filter((p) => p.file === file.path && p.line <= model.getLineCount())
          .map((p) => ({
            severity: MarkerSeverity.Error,
            code: "test",
            message: `test "${p.test}" failed: ${p.message}`,
            source: "stagecraft test",
            startLineNumber: p.line,
            startColumn: p.column,
            endLineNumber: p.line,
            endColumn: model.getLineMaxColumn(p.line),
          })),
      );
    }
  }

  /**
   * Rule coverage of the last run: a mark in the gutter at each rule, workflow
   * and workflow step, filled when it ran, hollow when it never did; hovering
   * says how often. The marks move with the text as it is edited.
   */
  setCoverage(entries: readonly CoverageEntry[]): void {
    for (const file of this.files) {
      const lines = file.model.getLineCount();
      const marks = entries.filter((entry) => entry.location?.file === file.path && entry.location.line <= lines);
      file.coverage = file.model.deltaDecorations(
        file.coverage ?? [],
        marks.map((entry) => ({
          range: { startLineNumber: entry.location!.line, startColumn: 1, endLineNumber: entry.location!.line, endColumn: 1 },
          options: {
            glyphMarginClassName: entry.hits > 0 ? "coverage-fired" : "coverage-never",
            glyphMarginHoverMessage: { value: coverageText(entry) },
            stickiness: editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges,
          },
        })),
      );
    }
  }

  /** The coverage marks as they stand: file, line and whether it ran. */
  coverageMarks(): Array<{ file: string; line: number; ran: boolean; text: string }> {
    return this.files.flatMap((file) =>
      (file.coverage ?? []).flatMap((id) => {
        const range = file.model.getDecorationRange(id);
        const options = file.model.getDecorationOptions(id);
        if (!range || !options) return [];
        const hover = options.glyphMarginHoverMessage;
        return [{ file: file.path, line: range.startLineNumber, ran: options.glyphMarginClassName === "coverage-fired", text: hover && !Array.isArray(hover) ? (hover as { value: string }).value : "" }];
      }),
    );
  }

  private createModel(path: string, text: string): editor.ITextModel {
    const model = editor.createModel(text, languageId, this.uriOf(path));
    model.onDidChangeContent(() => this.changed());
    return model;
  }

  private changed(): void {
    for (const listener of this.changeListeners) listener();
  }

  private renderTabs(diagnostics: Diagnostic[] = this.lastDiagnostics): void {
    this.lastDiagnostics = diagnostics;
    this.tabs.replaceChildren(
      ...this.files.map((file) => {
        const tab = document.createElement("button");
        tab.type = "button";
        tab.setAttribute("role", "tab");
        tab.setAttribute("aria-selected", String(file.path === this.activePath));
        tab.dataset.path = file.path;
        tab.textContent = file.path;
        const errors = diagnostics.filter((d) => d.file === file.path && d.severity === "error").length;
        if (errors > 0) {
          const count = document.createElement("span");
          count.className = "count";
          count.textContent = String(errors);
          tab.append(count);
        }
        tab.title = "Double-click to rename";
        tab.addEventListener("click", () => this.show(file.path));
        tab.addEventListener("dblclick", () => this.askRename(file.path));
        if (file.path === this.activePath && this.files.length > 1) {
          const close = document.createElement("span");
          close.className = "close";
          close.textContent = "×";
          close.title = `Remove ${file.path}`;
          close.addEventListener("click", (event) => {
            event.stopPropagation();
            if (confirm(`Remove ${file.path}?`)) this.removeFile(file.path);
          });
          tab.append(close);
        }
        return tab;
      }),
    );
  }

  private lastDiagnostics: Diagnostic[] = [];

  private askRename(path: string): void {
    const answer = prompt("Rename the rules file", path)?.trim();
    if (!answer) return;
    const to = answer.endsWith(".rules") ? answer : `${answer}.rules`;
    if (this.files.some((f) => f.path === to)) alert(`${to} already exists.`);
    else this.renameFile(path, to);
  }
}

/** What a coverage mark says on hover: a rule fires, a workflow enrolls, a step is reached. */
function coverageText(entry: CoverageEntry): string {
  const times = (n: number) => (n === 1 ? "once" : `${n.toLocaleString("en")} times`);
  const [done, never] = entry.kind === "rule" ? ["fired", "never fired"] : entry.kind === "workflow" ? ["enrolled a record", "never enrolled a record"] : ["reached", "never reached"];
  return `${entry.name}: ${entry.hits > 0 ? `${done} ${times(entry.hits)}` : never} in this run`;
}

/** Our ranges are 1-based lines and columns, half-open: Monaco's are the same. */
export function toMarker(diagnostic: Diagnostic): editor.IMarkerData {
  const { start, end } = diagnostic.range;
  // A zero-width range would be invisible: widen it to one character.
  const sameSpot = start.line === end.line && start.column === end.column;
  return {
    severity: diagnostic.severity === "error" ? MarkerSeverity.Error : diagnostic.severity === "hint" ? MarkerSeverity.Hint : MarkerSeverity.Warning,
    code: diagnostic.code,
    message: diagnostic.message,
    source: "stagecraft",
    startLineNumber: start.line,
    startColumn: start.column,
    endLineNumber: end.line,
    endColumn: sameSpot ? end.column + 1 : end.column,
  };
}
