// The input events: JSON Lines in a second editor. Lines are validated against
// the rules' schema (checking/validate-events.ts, in the worker); this editor
// shows the problems as line markers.
import { editor, languages, MarkerSeverity } from "monaco-editor/editor";
import type { EventProblem } from "../checking/validate-events";

const languageId = "jsonl";
const markerOwner = "stagecraft-events";

export class EventsEditor {
  readonly editor: editor.IStandaloneCodeEditor;
  private readonly model: editor.ITextModel;

  constructor(container: HTMLElement) {
    registerJsonLines();
    this.model = editor.createModel("", languageId);
    this.editor = editor.create(container, {
      model: this.model,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 12,
      scrollBeyondLastLine: false,
      wordWrap: "off",
      fixedOverflowWidgets: true,
    });
  }

  text(): string {
    return this.model.getValue();
  }

  setText(text: string): void {
    this.model.setValue(text);
  }

  onChange(listener: () => void): void {
    this.model.onDidChangeContent(listener);
  }

  mark(problems: EventProblem[]): void {
    editor.setModelMarkers(
      this.model,
      markerOwner,
      problems
        .filter((p) => p.line <= this.model.getLineCount())
        .map((p) => ({
          severity: MarkerSeverity.Error,
          code: p.code,
          message: p.message,
          startLineNumber: p.line,
          startColumn: 1,
          endLineNumber: p.line,
          endColumn: this.model.getLineMaxColumn(p.line),
        })),
    );
  }
}

let registered = false;

// Only JSON's shape is needed; Monaco's bundled JSON language (and its worker) would cost far more.
function registerJsonLines(): void {
  if (registered) return;
  registered = true;
  languages.register({ id: languageId });
  languages.setMonarchTokensProvider(languageId, {
    tokenizer: {
      root: [
        [/"(?:[^"\\]|\\.)*"(?=\s*:)/, "type.key"],
        [/"(?:[^"\\]|\\.)*"/, "string"],
        [/-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/, "number"],
        [/\b(?:true|false|null)\b/, "keyword"],
        [/[{}[\],:]/, "delimiter"],
      ],
    },
  });
  languages.setLanguageConfiguration(languageId, {
    brackets: [
      ["{", "}"],
      ["[", "]"],
    ],
    autoClosingPairs: [
      { open: "{", close: "}" },
      { open: "[", close: "]" },
      { open: '"', close: '"', notIn: ["string"] },
    ],
  });
}
