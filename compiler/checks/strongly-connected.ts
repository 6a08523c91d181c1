// Tarjan's strongly connected components, iterative so ten thousand chained
// rules cannot overflow the call stack. Linear in nodes + edges. The explicit
// stack lives in typed arrays, and components below `minSize` (a rule set is
// mostly single nodes, which are no cycle) are never built as arrays.

export function stronglyConnectedComponents(edges: number[][], minSize = 1): number[][] {
  const count = edges.length;
  const index = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const stack = new Int32Array(count);
  let stackSize = 0;
  // the depth-first path: a node and how many of its edges were followed
  const workNode = new Int32Array(count);
  const workEdge = new Int32Array(count);
  const components: number[][] = [];
  let next = 0;
  for (let root = 0; root < count; root++) {
    if (index[root] !== -1) continue;
    let depth = 0;
    workNode[0] = root;
    workEdge[0] = 0;
    index[root] = low[root] = next++;
    stack[stackSize++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const node = workNode[depth]!;
      const successors = edges[node]!;
      const edge = workEdge[depth]!;
      if (edge < successors.length) {
        workEdge[depth] = edge + 1;
        const successor = successors[edge]!;
        if (index[successor] === -1) {
          index[successor] = low[successor] = next++;
          stack[stackSize++] = successor;
          onStack[successor] = 1;
          depth++;
          workNode[depth] = successor;
          workEdge[depth] = 0;
        } else if (onStack[successor] && index[successor]! < low[node]!) {
          low[node] = index[successor]!;
        }
        continue;
      }
      depth--;
      if (depth >= 0) {
        const parent = workNode[depth]!;
        if (low[node]! < low[parent]!) low[parent] = low[node]!;
      }
      if (low[node] === index[node]) {
        let start = stackSize - 1;
        while (stack[start] !== node) start--;
        if (stackSize - start >= minSize) {
          const component: number[] = [];
          for (let i = stackSize - 1; i >= start; i--) component.push(stack[i]!);
          components.push(component);
        }
        for (let i = start; i < stackSize; i++) onStack[stack[i]!] = 0;
        stackSize = start;
      }
    }
  }
  return components;
}
