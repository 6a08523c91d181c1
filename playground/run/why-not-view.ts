// "Why (not)?": the runtime's own explanation of which rules fired for a record
// and why the others did not, optionally narrowed to one rule.
import type { InputEvent, Program } from "../../runtime/ir";
import { explain, formatExplanation } from "../../runtime/index";

export function renderWhyNot(view: HTMLElement, program: Program, events: InputEvent[], record: string, rule: string): void {
  if (!record) {
    view.textContent = "";
    return;
  }
  const text = formatExplanation(explain(program, events, record));
  view.textContent = rule ? linesAbout(text, rule) : text;
}

function linesAbout(text: string, rule: string): string {
  const lines = text.split("\n").filter((line) => line.includes(rule));
  return lines.length > 0 ? lines.join("\n") : `Rule "${rule}" was never considered for this record.`;
}
