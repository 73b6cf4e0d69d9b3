/**
 * Orders declarations so that nothing is used before it is declared (TypeScript `const`),
 * source order breaking ties. A cycle is reported at one of its declarations; the rest of
 * the cycle is then printed in source order.
 */
import { diagnostic, type Diagnostic } from "../../model/diagnostics.js";
import { walkExpr, type Expr } from "../../model/expr.js";
import { repeatExpr, type Decl, type ResourceOptions } from "../../model/pulumi.js";

export function declExprs(d: Decl): Expr[] {
  switch (d.kind) {
    case "config":
      // Its checks read other variables too (a Terraform 1.9 validation).
      return [...(d.default ? [d.default] : []), ...(d.checks ?? []).flatMap((c) => [c.condition, c.message])];
    case "const":
    case "export":
      return [d.value];
    case "invoke":
    case "resource": {
      // A repeated data source reads its count or for_each as a resource does; every option
      // that names another declaration (a module call's providers, a parent) is read too.
      const r = d.repeat;
      const rep = r ? [repeatExpr(r)] : [];
      const o: ResourceOptions = d.options;
      const checks = d.kind === "resource" ? (d.checks ?? []).flatMap((c) => [c.condition, c.message]) : [];
      return [d.args, ...rep, ...checks, ...(o.dependsOn ?? []), ...(o.replaceWith ?? []), ...[o.provider, o.providers, o.parent, o.replacementTrigger].filter((x): x is Expr => x !== undefined)];
    }
    case "assertion":
      return [d.condition, d.message];
    case "comment":
      return [];
  }
}

export function dependencies(d: Decl): Set<string> {
  const deps = new Set<string>();
  for (const e of declExprs(d)) {
    walkExpr(e, (x) => {
      if (x.kind === "ref" && x.target.kind === "decl") deps.add(x.target.id);
    });
  }
  deps.delete(d.id);
  return deps;
}

/**
 * The declarations in order: at each step the earliest declaration (in source order) whose
 * dependencies are all placed, found from a heap of the ready ones (each placement makes ready
 * the declarations it was the last missing dependency of), so ordering is linear in the
 * program but for the heap.
 *
 * @param canDefer whether `from` may be declared before `dep` (it reads only values a deferred
 *   Output can stand for); such cycles are broken there without an error, and `deferred`
 *   records, for each declaration released early, what it reads before it exists.
 */
export function orderDeclarations(decls: readonly Decl[], diags: Diagnostic[], canDefer?: (from: Decl, dep: Decl) => boolean, deferred?: Map<string, string[]>): Decl[] {
  const index = new Map(decls.map((d, i) => [d.id, i]));
  const deps = decls.map((d) => [...dependencies(d)].filter((id) => index.has(id)));
  // For each declaration, how many of its dependencies are not placed yet, and who depends on it.
  const missing = deps.map((ds) => ds.length);
  const dependents: number[][] = decls.map(() => []);
  deps.forEach((ds, i) => {
    for (const id of ds) dependents[index.get(id)!]!.push(i);
  });
  const ready = new MinHeap();
  missing.forEach((m, i) => {
    if (m === 0) ready.push(i);
  });
  const done = new Uint8Array(decls.length);
  const out: Decl[] = [];
  const place = (i: number) => {
    done[i] = 1;
    out.push(decls[i]!);
    for (const j of dependents[i]!) if (--missing[j]! === 0 && !done[j]) ready.push(j);
  };
  while (out.length < decls.length) {
    const i = ready.pop();
    if (i !== undefined) {
      if (!done[i]) place(i);
      continue;
    }
    // Nothing is ready: a cycle. The declarations not placed, earliest first.
    const remaining: number[] = [];
    for (let k = 0; k < decls.length; k++) if (!done[k]) remaining.push(k);
    let next: number | undefined;
    if (canDefer) {
      // A cycle through values that can be deferred: release the earliest such declaration.
      for (const k of remaining) {
        const blocking = deps[k]!.filter((id) => !done[index.get(id)!]);
        if (blocking.every((id) => canDefer(decls[k]!, decls[index.get(id)!]!))) {
          next = k;
          deferred?.set(decls[k]!.id, blocking);
          break;
        }
      }
    }
    if (next === undefined) {
      // A cycle: report it once and release the earliest declaration in it.
      next = remaining[0]!;
      const d = decls[next]!;
      const cycle = deps[next]!.filter((id) => !done[index.get(id)!]);
      diags.push(diagnostic("PG2009", "error", `dependency cycle: '${d.sourceName || d.id}' and ${cycle.map((c) => `'${c}'`).join(", ")} refer to each other`, d.loc));
    }
    place(next);
  }
  return out;
}

/** A binary min-heap of indices. */
class MinHeap {
  private readonly items: number[] = [];

  push(x: number): void {
    const a = this.items;
    let i = a.push(x) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (a[parent]! <= x) break;
      a[i] = a[parent]!;
      i = parent;
    }
    a[i] = x;
  }

  pop(): number | undefined {
    const a = this.items;
    if (a.length === 0) return undefined;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= a.length) break;
        const c = l + 1 < a.length && a[l + 1]! < a[l]! ? l + 1 : l;
        if (a[c]! >= last) break;
        a[i] = a[c]!;
        i = c;
      }
      a[i] = last;
    }
    return top;
  }
}
