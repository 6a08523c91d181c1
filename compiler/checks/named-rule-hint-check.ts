// An unnamed rule's identity is a digest of what it does (runtime/program/identity.ts),
// so an edit makes it another rule. That matters most where other rules react
// to it: a hint (editors only) asks to name such a rule, suggesting a name.
import type * as ast from "../../grammar/ast";
import { Diagnostics } from "../../diagnostics/messages";
import type { CauseGraph } from "./cause-graph";
import type { Check } from "./context";

/**
 * The first trigger through which `rule` fires another rule, or undefined: the
 * triggers its actions fire, and the ones those lead to (a changed field is an
 * update), up to the next rule.
 */
function reactionTo(graph: CauseGraph, rule: number): string | undefined {
  const seen = new Set<number>([rule]);
  const pending: Array<{ node: number; via: number }> = graph.edges[rule]!.map((node) => ({ node, via: node }));
  for (let head = 0; head < pending.length; head++) {
    const { node, via } = pending[head]!;
    if (seen.has(node)) continue;
    seen.add(node);
    if (graph.ruleIndex[node]! >= 0) return graph.labels[via];
    for (const next of graph.edges[node]!) pending.push({ node: next, via });
  }
  return undefined;
}

/** A name for the rule from its subject: `deal invoice.paid`, `deal Validation open`. */
function suggestedName(decl: ast.RuleDecl, entity: string, taken: ReadonlySet<string>): string {
  const subject = decl.subject;
  let base: string;
  switch (subject.kind) {
    case "StageSubject":
      base = `${entity} ${subject.stage.text} ${subject.edge}`;
      break;
    case "LifecycleSubject":
      base = `${entity} ${subject.event}`;
      break;
    case "EventSubject":
      base = `${entity} ${subject.event.text}`;
      break;
    default:
      base = `${entity} becomes`;
  }
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base} ${n}`;
  return name;
}

export const NamedRuleHintCheck: Check = {
  name: "NamedRuleHint",
  codes: ["SC2610"],
  program: (context) => {
    const graph = context.causeGraph();
    // in the graph's order: its rule index is the place in this list
    const rules = [...context.model.rules.values()];
    const taken = new Set<string>();
    for (const rule of rules) taken.add(rule.name);
    for (const workflow of context.model.workflows.values()) taken.add(workflow.name);
    for (let node = 0; node < graph.labels.length; node++) {
      const index = graph.ruleIndex[node]!;
      if (index < 0) continue;
      const { decl, file } = graph.rules[index]!;
      const resolution = rules[index]!;
      if (decl.name || !resolution.subject) continue;
      const reaction = reactionTo(graph, node);
      if (reaction === undefined) continue;
      const name = suggestedName(decl, resolution.subject.entity, taken);
      taken.add(name);
      context.reportIn(file, { start: decl.start, end: decl.subject.end }, Diagnostics.NameConsumedRule, { reaction, name });
    }
  },
};
