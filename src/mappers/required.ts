/**
 * A required argument the source leaves out is reported (PG2011) and stands in the program as
 * a placeholder that says so, so that the program still type-checks and fails where it runs
 * as Terraform fails where it plans. Shared by the Terraform and CloudFormation mappers.
 */
import { diagnostic, type Diagnostic } from "../model/diagnostics.js";
import type { Expr } from "../model/expr.js";
import type { Location } from "../model/location.js";

export function requireArguments(args: Expr, required: readonly string[], what: string, loc: Location | undefined, diags: Diagnostic[]): Expr {
  if (args.kind !== "object") return args;
  const present = new Set(args.entries.map((e) => (typeof e.key === "string" ? e.key : "")));
  const missing = required.filter((p) => !present.has(p));
  for (const p of missing) diags.push(diagnostic("PG2011", "warning", `${what}: required argument '${p}' is missing; a placeholder stands in its place`, loc));
  if (missing.length === 0) return args;
  return {
    ...args,
    entries: [...args.entries, ...missing.map((p) => ({ key: p, value: { kind: "unsupported" as const, text: `${what}: required argument ${p}`, reason: "missing required argument" } }))],
  };
}
