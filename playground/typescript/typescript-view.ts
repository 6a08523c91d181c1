// The TypeScript tab: the rules as the standalone module `stagecraft compile`
// writes, in a read-only editor. Nothing of it loads before the tab is first
// opened: then the worker loads the backend (ts-morph) and the page Monaco's
// TypeScript highlighting, each a chunk of its own. The module is emitted again
// when the tab is shown after a check changed the program.
import { editor } from "monaco-editor/editor";
import type { TypeScriptResponse } from "./typescript-protocol";

export class TypeScriptView {
  private view: editor.IStandaloneCodeEditor | null = null;
  private stale = true;
  private shown = false;
  private nextId = 1;
  private newest = 0;
  /** The text shown, for the test hooks. */
  text = "";

  constructor(
    private readonly worker: Worker,
    private readonly container: HTMLElement,
    private readonly status: HTMLElement,
  ) {
    worker.addEventListener("message", (message: MessageEvent<{ kind: string }>) => {
      if (message.data.kind === "typescript") this.receive(message.data as TypeScriptResponse);
    });
  }

  /** A check changed the program: emit again when the tab is (or next is) on screen. */
  markStale(): void {
    this.stale = true;
    if (this.shown) this.request();
  }

  setShown(shown: boolean): void {
    this.shown = shown;
    if (shown && this.stale) this.request();
  }

  private request(): void {
    this.stale = false;
    this.newest = this.nextId++;
    this.status.textContent = this.view ? "emitting…" : "loading the TypeScript backend…";
    this.worker.postMessage({ kind: "typescript", id: this.newest });
  }

  private receive(response: TypeScriptResponse): void {
    if (response.id !== this.newest) return;
    if ("problem" in response) {
      this.status.textContent = response.problem;
      this.status.classList.add("error");
      return;
    }
    this.status.classList.remove("error");
    this.status.textContent = `${response.text.split("\n").length.toLocaleString("en")} lines, emitted in ${response.ms.toFixed(0)} ms by the backend of \`stagecraft compile\` (read-only)`;
    this.text = response.text;
    void this.show(response.text);
  }

  private async show(text: string): Promise<void> {
    if (!this.view) {
      // Monaco's TypeScript highlighting only (its grammar, not its language service).
      await import("monaco-editor/languages/definitions/typescript/register");
      this.view = editor.create(this.container, {
        model: editor.createModel("", "typescript"),
        readOnly: true,
        automaticLayout: true,
        minimap: { enabled: false },
        fontSize: 13,
        scrollBeyondLastLine: false,
        ariaLabel: "The rules as TypeScript (read-only)",
      });
    }
    this.view.getModel()!.setValue(text);
  }
}
