/**
 * A variable's type constraint (`type = list(object({ name = string, port = optional(number, 80) }))`),
 * as hcl2json gives it (an expression of calls and bare words), read into the model's
 * VariableType: what the config read is typed as and what `optional(…, default)` fills in.
 */
import type { Expr } from "../../model/expr.js";
import type { VariableType } from "../../model/program.js";

/** Reads `type = …` of a variable: `string`, `list(string)`, `object({…})`, `optional(…)`. */
export function variableType(e: Expr): VariableType | undefined {
  if (e.kind === "ref" && e.target.kind === "scope" && e.path.length === 0) {
    switch (e.target.name) {
      case "string": return { kind: "string" };
      case "number": return { kind: "number" };
      case "bool": return { kind: "bool" };
      case "any": return { kind: "any" };
      // Terraform 0.11's `type = "list"` and `type = "map"`.
      case "list": return { kind: "list", element: { kind: "any" } };
      case "map": return { kind: "map", element: { kind: "any" } };
    }
    return undefined;
  }
  if (e.kind === "literal" && typeof e.value === "string") return variableType({ kind: "ref", target: { kind: "scope", name: e.value }, path: [] });
  if (e.kind === "call") {
    const arg = e.args[0];
    switch (e.name) {
      case "list":
      case "set":
        return { kind: "list", element: (arg && variableType(arg)) ?? { kind: "any" }, ...(e.name === "set" ? { set: true } : {}) };
      case "map":
        return { kind: "map", element: (arg && variableType(arg)) ?? { kind: "any" } };
      case "tuple":
        return arg?.kind === "list" ? { kind: "tuple", elements: arg.items.map((x) => variableType(x) ?? { kind: "any" }) } : undefined;
      case "object":
        if (arg?.kind !== "object") return undefined;
        return {
          kind: "object",
          fields: arg.entries.map((en) => {
            const optional = en.value.kind === "call" && en.value.name === "optional";
            const inner = optional && en.value.kind === "call" ? en.value.args[0]! : en.value;
            const def = optional && en.value.kind === "call" ? en.value.args[1] : undefined;
            return { name: typeof en.key === "string" ? en.key : "?", type: variableType(inner) ?? { kind: "any" }, optional, ...(def && !(def.kind === "literal" && def.value === null) ? { default: def } : {}) };
          }),
        };
    }
  }
  return undefined;
}
