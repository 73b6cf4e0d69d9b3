import { describe, expect, it } from "vitest";
import { convert } from "../src/index.js";
import { stronglyConnected } from "../src/typing/graph.js";
import { random } from "./helpers/random.js";

describe("long chains of declarations", () => {
  it("5,000 locals each reading the one before convert (700 overflowed the stack in typing)", async () => {
    const n = 5000;
    const text = `locals {\n${Array.from({ length: n }, (_, i) => `  l${i} = ${i ? `"\${local.l${i - 1}}x"` : '"a"'}`).join("\n")}\n}\nresource "aws_sqs_queue" "q" {\n  name = local.l${n - 1}\n}\n`;
    const r = await convert([{ path: "chain.tf", text }], { prettier: false });
    expect(r.ok).toBe(true);
    expect(r.code).toContain(`const l${n - 1} = \`\${l${n - 2}}x\`;`);
    expect(r.code).toMatch(new RegExp(`new aws\\.sqs\\.Queue\\("q", \\{\\s*name: l${n - 1},`));
  });
});

describe("strongly connected components", () => {
  it("partition the nodes into components whose members reach each other, each after the ones it reaches", () => {
    for (let seed = 1; seed <= 200; seed++) {
      const next = random(seed);
      const n = 1 + Math.floor(next() * 30);
      const edges = Array.from({ length: n }, () => Array.from({ length: Math.floor(next() * 3) }, () => Math.floor(next() * n)));
      const reach = (from: number) => {
        const seen = new Set([from]);
        const todo = [from];
        while (todo.length) for (const to of edges[todo.pop()!]!) if (!seen.has(to)) (seen.add(to), todo.push(to));
        return seen;
      };
      const reaches = Array.from({ length: n }, (_, i) => reach(i));
      const comps = stronglyConnected(Array.from({ length: n }, (_, i) => i), (i) => edges[i]!);
      expect(comps.flatMap((c) => c.members).sort((a, b) => a - b), `seed ${seed}`).toEqual(Array.from({ length: n }, (_, i) => i));
      const position = new Map(comps.flatMap((c, k) => c.members.map((m) => [m, k] as const)));
      for (const [k, c] of comps.entries()) {
        // Members reach each other, and nothing outside reaches back in.
        for (const a of c.members) for (const b of c.members) expect(reaches[a]!.has(b) && reaches[b]!.has(a), `seed ${seed}`).toBe(true);
        for (const to of c.members.flatMap((m) => edges[m]!)) expect(position.get(to)!, `seed ${seed}`).toBeLessThanOrEqual(k);
        expect([...c.edges].sort(), `seed ${seed}`).toEqual(c.members.flatMap((m) => edges[m]!).sort());
      }
      for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) if (position.get(a) !== position.get(b) && reaches[a]!.has(b)) expect(reaches[b]!.has(a), `seed ${seed}`).toBe(false);
    }
  });

  it("walks a chain of 300,000 nodes without recursion", () => {
    const n = 300_000;
    const comps = stronglyConnected(Array.from({ length: n }, (_, i) => i), (i) => (i + 1 < n ? [i + 1] : [0]));
    expect(comps).toHaveLength(1);
    expect(comps[0]!.members).toHaveLength(n);
  });
});
