// "Why (not)?": the runtime's own explanation of which rules fired for a record
// and why the others did not, narrowed to one rule when one is picked.
import type { InputEvent, Program } from "../../runtime/program/ir";
import { explain, formatExplanation } from "../../runtime/index";

export function renderWhyNot(view: HTMLElement, program: Program, events: InputEvent[], until: string | undefined, record: string, rule: string): void {
  if (!record) {
    view.replaceChildren();
    return;
  }
  const explanation = explain(program, events, record, until ? { until } : {});
  const picked = rule ? explanation.rules.filter((r) => r.rule === rule) : explanation.rules;
  const text =
    rule && picked.length === 0
      ? `"${rule}" does not watch ${record.split("/")[0]} records.`
      : formatExplanation({ ...explanation, rules: picked });
  view.replaceChildren(
    ...text.split("\n").map((line) => {
      const div = document.createElement("div");
      div.textContent = line;
      if (/: FIRED: /.test(line)) div.className = "fired";
      else if (!line.startsWith("  ")) div.className = "heading";
      return div;
    }),
  );
}
