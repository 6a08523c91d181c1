// The iterative Tarjan (typed-array stack, components below a size never built)
// against the textbook recursive one: the same components, members in the same
// order, in the same order (cycle warnings are reported in that order).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stronglyConnectedComponents } from "../../../compiler/checks/strongly-connected";

function recursiveTarjan(edges: number[][]): number[][] {
  const index: number[] = edges.map(() => -1);
  const low: number[] = edges.map(() => 0);
  const onStack: boolean[] = edges.map(() => false);
  const stack: number[] = [];
  const components: number[][] = [];
  let next = 0;
  const visit = (node: number): void => {
    index[node] = low[node] = next++;
    stack.push(node);
    onStack[node] = true;
    for (const successor of edges[node]!) {
      if (index[successor] === -1) {
        visit(successor);
        low[node] = Math.min(low[node]!, low[successor]!);
      } else if (onStack[successor]) {
        low[node] = Math.min(low[node]!, index[successor]!);
      }
    }
    if (low[node] === index[node]) {
      const component: number[] = [];
      let member: number;
      do {
        member = stack.pop()!;
        onStack[member] = false;
        component.push(member);
      } while (member !== node);
      components.push(component);
    }
  };
  for (let node = 0; node < edges.length; node++) if (index[node] === -1) visit(node);
  return components;
}

const graphs = fc.integer({ min: 1, max: 30 }).chain((count) =>
  fc.array(fc.array(fc.integer({ min: 0, max: count - 1 }), { maxLength: 4 }), { minLength: count, maxLength: count }),
);

describe("stronglyConnectedComponents", () => {
  it("finds the components the recursive algorithm finds, in its order", () => {
    fc.assert(
      fc.property(graphs, (edges) => {
        expect(stronglyConnectedComponents(edges)).toEqual(recursiveTarjan(edges));
      }),
    );
  });

  it("builds only the components of at least minSize nodes", () => {
    fc.assert(
      fc.property(graphs, (edges) => {
        expect(stronglyConnectedComponents(edges, 2)).toEqual(recursiveTarjan(edges).filter((component) => component.length >= 2));
      }),
    );
  });

  it("handles a chain of a hundred thousand nodes without a deep call stack", () => {
    const edges = Array.from({ length: 100_000 }, (_, i) => (i + 1 < 100_000 ? [i + 1] : [0]));
    expect(stronglyConnectedComponents(edges, 2).map((component) => component.length)).toEqual([100_000]);
  });
});
