// What the end-to-end tests drive beyond the visible page: the checker's round
// trip time (measured from the page, as a user waits for it) and the run's
// output in the CLI's exact line format. Plain data only; no test-only behaviour.
import type { CheckClient } from "./checking/check-client";
import type { CheckResponse } from "./checking/protocol";
import type { EventsEditor } from "./editors/events-editor";
import type { RulesEditor } from "./editors/rules-editor";
import type { RunPanel } from "./run/run-panel";
import type { RunSummary } from "./run/run-protocol";
import type { Workspace } from "./workspace/workspace";
import type { TypeScriptView } from "./typescript/typescript-view";
import { formatOutputLine } from "../runtime/reporting/output-format";

export interface PlaygroundParts {
  ready: Promise<void>;
  settled: () => Promise<void>;
  checker: CheckClient;
  rules: RulesEditor;
  events: EventsEditor;
  runPanel: RunPanel;
  run: () => Promise<void>;
  /** Puts a workspace in the editors, checked but not run. */
  load: (workspace: Workspace) => Promise<void>;
  currentWorkspace: () => Workspace;
  lastCheck: () => CheckResponse | null;
  encodeShareHash: (workspace: Workspace) => Promise<string>;
  typeScript: TypeScriptView;
}

export interface PlaygroundTestHooks {
  ready: Promise<void>;
  /** Resolves when the last loaded workspace (example, link) has been checked and run. */
  settled(): Promise<void>;
  /** How many runs have finished: a test clicks Run and waits for it to grow. */
  runCount(): number;
  /** Milliseconds from posting `text` to the worker to having its diagnostics back. */
  checkTiming(text: string): Promise<{ roundTripMs: number; checkMs: number; errors: number }>;
  /** The last run's output lines, exactly as `stagecraft run` prints them. */
  outputLines(): string[];
  run(): Promise<void>;
  load(workspace: Workspace): Promise<void>;
  /** The last run's summary: outputs, whether it stopped, and why. */
  summary(): RunSummary | null;
  workspace(): Workspace;
  diagnostics(): CheckResponse["diagnostics"];
  shareHash(): Promise<string>;
  /** The rules editor's open file and cursor (1-based), where a jump left them. */
  cursor(): { file: string; line: number; column: number };
  /** The text the TypeScript tab shows ("" before it first emitted). */
  typeScript(): string;
  /** The rule coverage marks in the rules editor's gutter. */
  coverageMarks(): ReturnType<RulesEditor["coverageMarks"]>;
}

declare global {
  interface Window {
    __stagecraft: PlaygroundTestHooks;
  }
}

export function installTestHooks(parts: PlaygroundParts): void {
  window.__stagecraft = {
    ready: parts.ready,
    settled: parts.settled,
    runCount: () => parts.runPanel.runCount,
    async checkTiming(text) {
      const started = performance.now();
      const response = await parts.checker.checkAside([{ path: "timing.rules", text }]);
      return { roundTripMs: performance.now() - started, checkMs: response.checkMs, errors: response.diagnostics.filter((d) => d.severity === "error").length };
    },
    outputLines: () => {
      const lines: string[] = [];
      for (const row of parts.runPanel.rows()) if (row.kind === "output") lines.push(formatOutputLine(row.record));
      return lines;
    },
    run: parts.run,
    load: parts.load,
    summary: () => parts.runPanel.lastSummary(),
    workspace: parts.currentWorkspace,
    diagnostics: () => parts.lastCheck()?.diagnostics ?? [],
    shareHash: () => parts.encodeShareHash(parts.currentWorkspace()),
    cursor: () => {
      const position = parts.rules.editor.getPosition();
      return { file: parts.rules.activeFile(), line: position?.lineNumber ?? 0, column: position?.column ?? 0 };
    },
    typeScript: () => parts.typeScript.text,
    coverageMarks: () => parts.rules.coverageMarks(),
  };
}
