/**
 * Orders declarations so that nothing is used before it is declared (TypeScript `const`),
 * source order breaking ties. A cycle is reported at one of its declarations; the rest of
 * the cycle is then printed in source order.
 */
import { diagnostic, type Diagnostic } from "../../model/diagnostics.js";
import { walkExpr, type Expr } from "../../model/expr.js";
import type { Decl } from "../../model/pulumi.js";

export function declExprs(d: Decl): Expr[] {
  switch (d.kind) {
    case "config":
      return d.default ? [d.default] : [];
    case "const":
    case "export":
      return [d.value];
    case "invoke":
      return [d.args, ...(d.options.dependsOn ?? []), ...(d.options.provider ? [d.options.provider] : [])];
    case "resource": {
      const r = d.repeat;
      const rep = r ? [r.kind === "count" ? r.count : r.kind === "forEach" ? r.collection : r.condition] : [];
      return [d.args, ...rep, ...(d.options.dependsOn ?? []), ...(d.options.provider ? [d.options.provider] : [])];
    }
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
 * @param canDefer whether `from` may be declared before `dep` (it reads only values a deferred
 *   Output can stand for); such cycles are broken there without an error, and `deferred`
 *   records, for each declaration released early, what it reads before it exists.
 */
export function orderDeclarations(decls: readonly Decl[], diags: Diagnostic[], canDefer?: (from: Decl, dep: Decl) => boolean, deferred?: Map<string, string[]>): Decl[] {
  const index = new Map(decls.map((d, i) => [d.id, i]));
  const deps = decls.map((d) => [...dependencies(d)].filter((id) => index.has(id)));
  const remaining = new Set(decls.map((_, i) => i));
  const done = new Set<number>();
  const out: Decl[] = [];
  while (remaining.size > 0) {
    let next: number | undefined;
    for (const i of remaining) {
      if (deps[i]!.every((id) => done.has(index.get(id)!))) {
        next = i;
        break;
      }
    }
    if (next === undefined && canDefer) {
      // A cycle through values that can be deferred: release the earliest such declaration.
      for (const i of [...remaining].sort((a, b) => a - b)) {
        const blocking = deps[i]!.filter((id) => !done.has(index.get(id)!));
        if (blocking.every((id) => canDefer(decls[i]!, decls[index.get(id)!]!))) {
          next = i;
          deferred?.set(decls[i]!.id, blocking);
          break;
        }
      }
    }
    if (next === undefined) {
      // A cycle: report it once and release the earliest declaration in it.
      next = Math.min(...remaining);
      const d = decls[next]!;
      const cycle = deps[next]!.filter((id) => remaining.has(index.get(id)!));
      diags.push(diagnostic("PG2009", "error", `dependency cycle: '${d.sourceName || d.id}' and ${cycle.map((c) => `'${c}'`).join(", ")} refer to each other`, d.loc));
    }
    remaining.delete(next);
    done.add(next);
    out.push(decls[next]!);
  }
  return out;
}
