/**
 * Data sources a loop needs before anything is created. Terraform reads a data source at plan
 * time, so `count = length(data.aws_availability_zones.available.names)` is a number when the
 * resources are planned; the `…Output` form of an invoke is an Output, which a loop cannot count
 * (Pulumi cannot create resources inside `.apply`). An invoke whose result a repetition reads
 * (through locals too) and whose arguments are known before deployment is awaited instead
 * (`await aws.getAvailabilityZones({…})`, in the program's async entry point): its result is a
 * plain value. The same for a data source a precondition reads. One whose arguments read an
 * Output stays as it is, and the loop's (or the precondition's) warning says why.
 */
import { walkExpr, type Expr } from "../model/expr.js";
import { repeatExpr, type Decl, type InvokeDecl } from "../model/pulumi.js";
import { TypeTable } from "./infer.js";
import { hasOutput, type Type } from "./types.js";

export function awaitPlanTimeInvokes(decls: readonly Decl[], components: ReadonlyMap<string, Type>): readonly Decl[] {
  const wanted = plannedInvokes(decls);
  if (!wanted.size) return decls;
  // Awaited only where the arguments are plain once the others are awaited: dropped one by one until none reads an Output.
  for (;;) {
    const marked = decls.map((d) => (d.kind === "invoke" && wanted.has(d.id) ? ({ ...d, awaited: true } satisfies InvokeDecl) : d));
    const types = new TypeTable(marked, components);
    const outputs = marked.filter((d): d is InvokeDecl => d.kind === "invoke" && d.awaited === true && hasOutput(types.type(d.args)));
    if (!outputs.length) return marked;
    for (const d of outputs) wanted.delete(d.id);
    if (!wanted.size) return decls;
  }
}

/** The invokes a repetition or a precondition reads, through locals and through the arguments of those invokes, by id. */
export function plannedInvokes(decls: readonly Decl[]): Set<string> {
  const byId = new Map(decls.map((d) => [d.id, d]));
  const wanted = new Set<string>();
  const seen = new Set<string>();
  const reach = (e: Expr) =>
    walkExpr(e, (x) => {
      if (x.kind !== "ref" || x.target.kind !== "decl" || seen.has(x.target.id)) return;
      seen.add(x.target.id);
      const d = byId.get(x.target.id);
      if (d?.kind === "const") reach(d.value);
      else if (d?.kind === "invoke" && !d.repeat && d.fn.endsWith("Output")) {
        wanted.add(d.id);
        reach(d.args);
      }
    });
  for (const d of decls) {
    if ((d.kind === "resource" || d.kind === "invoke") && d.repeat) reach(repeatExpr(d.repeat));
    // A precondition too: Terraform checks it at plan, before the resource is created.
    if (d.kind === "resource") for (const c of d.checks ?? []) [c.condition, c.message].forEach(reach);
  }
  return wanted;
}
