// Tarjan's strongly connected components, iterative so ten thousand chained
// rules cannot overflow the call stack. Linear in nodes + edges.

export function stronglyConnectedComponents(edges: number[][]): number[][] {
  const count = edges.length;
  const index = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const stack: number[] = [];
  const components: number[][] = [];
  let next = 0;
  for (let root = 0; root < count; root++) {
    if (index[root] !== -1) continue;
    const work: Array<[node: number, edge: number]> = [[root, 0]];
    index[root] = low[root] = next++;
    stack.push(root);
    onStack[root] = 1;
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const [node, edge] = frame;
      const successors = edges[node]!;
      if (edge < successors.length) {
        frame[1]++;
        const successor = successors[edge]!;
        if (index[successor] === -1) {
          index[successor] = low[successor] = next++;
          stack.push(successor);
          onStack[successor] = 1;
          work.push([successor, 0]);
        } else if (onStack[successor]) {
          low[node] = Math.min(low[node]!, index[successor]!);
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low[parent[0]] = Math.min(low[parent[0]]!, low[node]!);
      if (low[node] === index[node]) {
        const component: number[] = [];
        let member: number;
        do {
          member = stack.pop()!;
          onStack[member] = 0;
          component.push(member);
        } while (member !== node);
        components.push(component);
      }
    }
  }
  return components;
}
