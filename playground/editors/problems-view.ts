// The problems list under the editors: every diagnostic of every rules file,
// every failed test expectation and every bad event line, one line each as the
// CLI prints them; a click jumps there.
import type { Diagnostic } from "../../diagnostics/diagnostic";
import { formatDiagnostic, formatLineError } from "../../diagnostics/format";
import type { TestProblem } from "../checking/protocol";
import type { EventProblem } from "../checking/validate-events";

export function renderProblems(
  list: HTMLElement,
  diagnostics: Diagnostic[],
  eventProblems: EventProblem[],
  testProblems: TestProblem[],
  jump: (file: string | null, line: number, column: number) => void,
): void {
  // hints stay in the editor (dotted under the rule, with their quick fix), as editors show them
  const items = diagnostics
    .filter((d) => d.severity !== "hint")
    .map((d) => item(formatDiagnostic(d), d.severity, () => jump(d.file, d.range.start.line, d.range.start.column)));
  for (const p of testProblems) {
    items.push(item(`${p.file}:${p.line}:${p.column}: test "${p.test}" failed: ${p.message}`, "error", () => jump(p.file, p.line, p.column)));
  }
  for (const p of eventProblems) {
    items.push(item(formatLineError("events.jsonl", p.line, p), "error", () => jump(null, p.line, p.column ?? 1)));
  }
  // One append of a fragment: spreading thousands of items as arguments overflows the stack.
  const fragment = document.createDocumentFragment();
  for (const element of items) fragment.append(element);
  list.replaceChildren(fragment);
}

function item(text: string, severity: string, onClick: () => void): HTMLLIElement {
  const li = document.createElement("li");
  li.className = severity;
  li.textContent = text;
  li.addEventListener("click", onClick);
  return li;
}
