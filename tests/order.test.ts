import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../src/model/diagnostics.js";
import type { Decl } from "../src/model/pulumi.js";
import { dependencies, orderDeclarations } from "../src/emitters/typescript/order.js";
import { random } from "./helpers/random.js";

/** A `const` reading the declarations named. */
function decl(id: string, reads: readonly string[]): Decl {
  return { kind: "const", id, sourceName: id, value: { kind: "list", items: reads.map((r) => ({ kind: "ref", target: { kind: "decl", id: r }, path: [] })) } };
}

/**
 * The order defined plainly: at each step the earliest declaration whose dependencies are all
 * placed; with none, the earliest one whose missing dependencies may all be deferred, else the
 * earliest one, reported. Quadratic, and the reference the linear ordering is held to.
 */
function reference(decls: readonly Decl[], diags: Diagnostic[], canDefer?: (from: Decl, dep: Decl) => boolean, deferred?: Map<string, string[]>): string[] {
  const index = new Map(decls.map((d, i) => [d.id, i]));
  const deps = decls.map((d) => [...dependencies(d)].filter((id) => index.has(id)));
  const done = new Set<number>();
  const out: string[] = [];
  while (out.length < decls.length) {
    const remaining = decls.map((_, i) => i).filter((i) => !done.has(i));
    let next = remaining.find((i) => deps[i]!.every((id) => done.has(index.get(id)!)));
    if (next === undefined && canDefer) {
      for (const i of remaining) {
        const blocking = deps[i]!.filter((id) => !done.has(index.get(id)!));
        if (blocking.every((id) => canDefer(decls[i]!, decls[index.get(id)!]!))) {
          next = i;
          deferred?.set(decls[i]!.id, blocking);
          break;
        }
      }
    }
    if (next === undefined) {
      next = remaining[0]!;
      diags.push({ code: "PG2009" } as Diagnostic);
    }
    done.add(next);
    out.push(decls[next]!.id);
  }
  return out;
}

describe("declaration order", () => {
  it("equals the plain earliest-ready-first order on random programs, cycles and deferrable reads included", () => {
    for (let seed = 1; seed <= 300; seed++) {
      const next = random(seed);
      const n = 1 + Math.floor(next() * 40);
      const ids = Array.from({ length: n }, (_, i) => `d${i}`);
      // Mostly backward references, some forward ones (cycles), and an unknown name now and then.
      const decls = ids.map((id, i) => decl(id, Array.from({ length: Math.floor(next() * 4) }, () => (next() < 0.05 ? "elsewhere" : ids[next() < 0.8 && i > 0 ? Math.floor(next() * i) : Math.floor(next() * n)]!))));
      const deferrable = new Set(ids.filter(() => next() < 0.3));
      const canDefer = seed % 2 === 0 ? (_from: Decl, dep: Decl) => deferrable.has(dep.id) : undefined;
      const [diagsA, diagsB] = [[] as Diagnostic[], [] as Diagnostic[]];
      const [defA, defB] = [new Map<string, string[]>(), new Map<string, string[]>()];
      const got = orderDeclarations(decls, diagsA, canDefer, defA).map((d) => d.id);
      expect(got, `seed ${seed}`).toEqual(reference(decls, diagsB, canDefer, defB));
      expect(diagsA.map((d) => d.code), `seed ${seed}`).toEqual(diagsB.map((d) => d.code));
      expect([...defA], `seed ${seed}`).toEqual([...defB]);
    }
  });

  it("orders a long chain written backwards, and a cycle among 200,000 declarations, without growing the stack", () => {
    const n = 200_000;
    const chain = Array.from({ length: n }, (_, i) => decl(`c${i}`, i + 1 < n ? [`c${i + 1}`] : []));
    const ordered = orderDeclarations(chain, []);
    expect(ordered[0]!.id).toBe(`c${n - 1}`);
    expect(ordered.at(-1)!.id).toBe("c0");
    const cycle = Array.from({ length: n }, (_, i) => decl(`k${i}`, [`k${(i + 1) % n}`]));
    const diags: Diagnostic[] = [];
    expect(orderDeclarations(cycle, diags)).toHaveLength(n);
    expect(diags.map((d) => d.code)).toEqual(["PG2009"]);
  });
});
