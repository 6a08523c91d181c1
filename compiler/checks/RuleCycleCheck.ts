// Rules whose actions can re-trigger each other without end (A opens Y, a rule
// on Y opens X, a rule on X … A). The runtime stops such cascades at a fixed
// depth; this warns ahead of time, naming the chain.
import { buildCauseGraph, type CauseGraph } from "./causeGraph";
import type { Check } from "./context";
import { stronglyConnectedComponents } from "./stronglyConnected";

/** A shortest path from `start` back to itself inside one component. */
function cycleThrough(graph: CauseGraph, start: number, members: Set<number>): number[] {
  const parent = new Map<number, number>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    for (const next of graph.edges[node]!) {
      if (!members.has(next)) continue;
      if (next === start) {
        const path = [start];
        for (let step: number | undefined = node; step !== undefined && step !== start; step = parent.get(step)) path.push(step);
        path.push(start);
        return path.reverse();
      }
      if (!parent.has(next)) {
        parent.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start, start];
}

export const RuleCycleCheck: Check = {
  name: "RuleCycle",
  codes: ["SC2601"],
  program: (context) => {
    const graph = buildCauseGraph(context.model);
    const ruleCount = graph.rules.length;
    for (const component of stronglyConnectedComponents(graph.edges, 2)) {
      // a loop, not Math.min(...component): passing a large component (about a hundred
      // thousand nodes, depending on the stack size) as arguments throws a RangeError
      let first = component[0]!;
      for (const node of component) if (node < first) first = node;
      if (first >= ruleCount) continue;
      const path = cycleThrough(graph, first, new Set(component));
      const chain = path.map((node) => (node < ruleCount ? `"${graph.labels[node]}"` : graph.labels[node])).join(" → ");
      const rule = graph.rules[first]!;
      context.report({
        code: "SC2601",
        severity: "warning",
        message: `Rules can re-trigger each other without end: ${chain}. Add a condition that stops the loop.`,
        node: rule.decl.name ?? rule.decl.subject,
        file: rule.file,
      });
    }
  },
};
