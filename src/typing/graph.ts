/**
 * Strongly connected components of a directed graph (Tarjan's algorithm, with an explicit stack:
 * a chain of any length is walked without recursion).
 */
export interface Component<T> {
  readonly members: readonly T[];
  /** Every edge leaving a member (to members or to others). */
  readonly edges: readonly T[];
}

/**
 * The components in an order where every component comes after the ones its edges reach
 * (for "reads" edges: what is read comes first). `edgesOf` is asked once per node.
 */
export function stronglyConnected<T>(nodes: readonly T[], edgesOf: (n: T) => readonly T[]): Component<T>[] {
  const index = new Map<T, number>();
  const low = new Map<T, number>();
  const onStack = new Set<T>();
  const stack: T[] = [];
  const edges = new Map<T, readonly T[]>();
  const out: Component<T>[] = [];
  let counter = 0;
  const edgesFor = (n: T) => {
    let e = edges.get(n);
    if (!e) edges.set(n, (e = edgesOf(n)));
    return e;
  };
  for (const root of nodes) {
    if (index.has(root)) continue;
    // Frames of the walk: a node and how many of its edges are done.
    const frames: { node: T; next: number }[] = [{ node: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      const es = edgesFor(frame.node);
      if (frame.next < es.length) {
        const to = es[frame.next++]!;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          frames.push({ node: to, next: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!));
        }
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const members: T[] = [];
        let m: T;
        do {
          m = stack.pop()!;
          onStack.delete(m);
          members.push(m);
        } while (m !== frame.node);
        out.push({ members, edges: members.flatMap((x) => edgesFor(x)) });
      }
    }
  }
  return out;
}
