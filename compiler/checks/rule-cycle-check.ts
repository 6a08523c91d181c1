// Rules whose actions can re-trigger each other without end (A opens Y, a rule
// on Y opens X, a rule on X … A). The runtime stops such cascades at a fixed
// depth; this warns ahead of time, naming the chain.
import type { CauseGraph } from "./cause-graph";
import { Diagnostics } from "../../diagnostics/messages";
import type { Check } from "./context";
import { stronglyConnectedComponents } from "./strongly-connected";

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
    const graph = context.causeGraph();
    for (const component of stronglyConnectedComponents(graph.edges, 2)) {
      // the component's first rule in file order: rules are numbered in that order
      // (a loop, not Math.min(...): a component of about a hundred thousand
      // nodes as arguments throws a RangeError)
      let first = -1;
      for (const node of component) if (graph.ruleIndex[node]! >= 0 && (first < 0 || node < first)) first = node;
      if (first < 0) continue;
      const path = cycleThrough(graph, first, new Set(component));
      const chain = path.map((node) => (graph.ruleIndex[node]! >= 0 ? `"${graph.labels[node]}"` : graph.labels[node])).join(" → ");
      const rule = graph.rules[graph.ruleIndex[first]!]!;
      context.reportIn(rule.file, rule.node, Diagnostics.RuleCycle, { chain });
    }
  },
};
