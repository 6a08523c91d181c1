// The input events: JSON Lines in a second editor, each line validated against
// the rules' schema by the runtime's own input check (the one behind exit code
// 3), so a line the CLI would refuse is marked before Run.
import { editor, languages, MarkerSeverity } from "monaco-editor/editor";
import type { InputEvent, Program } from "../../runtime/ir";
import { validateEventLine } from "../../runtime/index";

const languageId = "jsonl";
const markerOwner = "stagecraft-events";

export interface EventsValidation {
  events: InputEvent[];
  /** The line each of `events` was read from. */
  eventLines: number[];
  /** Line-numbered problems, as the CLI would print them. */
  problems: Array<{ line: number; code: string; message: string }>;
}

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

  /** Validates every line (without a program, only that each line is JSON) and marks the bad ones. */
  validate(program: Program | null): EventsValidation {
    const result: EventsValidation = { events: [], eventLines: [], problems: [] };
    let previousAt: string | undefined;
    const lines = this.model.getLinesContent();
    lines.forEach((line, index) => {
      if (line.trim() === "") return;
      const lineNumber = index + 1;
      if (!program) {
        try {
          JSON.parse(line);
        } catch (error) {
          result.problems.push({ line: lineNumber, code: "SC3001", message: `not JSON: ${(error as Error).message}` });
        }
        return;
      }
      const checked = validateEventLine(program, line, lineNumber, previousAt);
      if ("error" in checked) {
        result.problems.push({ line: lineNumber, ...checked.error });
      } else {
        result.events.push(checked.event);
        result.eventLines.push(lineNumber);
        previousAt = checked.event.at;
      }
    });
    editor.setModelMarkers(
      this.model,
      markerOwner,
      result.problems.map((p) => ({
        severity: MarkerSeverity.Error,
        code: p.code,
        message: p.message,
        startLineNumber: p.line,
        startColumn: 1,
        endLineNumber: p.line,
        endColumn: (lines[p.line - 1] ?? "").length + 1,
      })),
    );
    return result;
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
