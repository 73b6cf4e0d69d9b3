/**
 * A required argument the source leaves out is reported (PG2011): the program would not
 * type-check. Shared by the Terraform and CloudFormation mappers.
 */
import { diagnostic, type Diagnostic } from "../model/diagnostics.js";
import type { Expr } from "../model/expr.js";
import type { Location } from "../model/location.js";

export function requireArguments(args: Expr, required: readonly string[], what: string, loc: Location | undefined, diags: Diagnostic[]): void {
  if (args.kind !== "object") return;
  const present = new Set(args.entries.map((e) => (typeof e.key === "string" ? e.key : "")));
  for (const p of required) {
    if (!present.has(p)) diags.push(diagnostic("PG2011", "warning", `${what}: required argument '${p}' is missing`, loc));
  }
}
