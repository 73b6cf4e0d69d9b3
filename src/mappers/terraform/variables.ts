/** Variables → config reads: their types (declared, or read off a literal default), defaults, secrecy. */
import { diagnostic, type Diagnostic } from "../../model/diagnostics.js";
import { walkExpr, type Expr } from "../../model/expr.js";
import type { ConfigType, Decl } from "../../model/pulumi.js";
import type { Variable, VariableType } from "../../model/program.js";
import { rewriteReferences, type ReferenceTable } from "./references.js";

/** The type of a literal default, for a variable declared without a type. */
function literalType(e: Expr): VariableType {
  if (e.kind === "literal") return typeof e.value === "number" ? { kind: "number" } : typeof e.value === "boolean" ? { kind: "bool" } : e.value === null ? { kind: "any" } : { kind: "string" };
  const same = (ts: VariableType[]): VariableType => (ts.length && ts.every((t) => t.kind === ts[0]!.kind && t.kind !== "list" && t.kind !== "map" && t.kind !== "object") ? ts[0]! : { kind: "any" });
  if (e.kind === "list") return { kind: "list", element: same(e.items.map(literalType)) };
  if (e.kind === "object") return { kind: "map", element: same(e.entries.map((en) => literalType(en.value))) };
  return { kind: "any" };
}

function configType(t: VariableType | undefined, def: Expr | undefined): ConfigType {
  const declared = t && t.kind !== "any" ? t : def ? literalType(def) : t;
  if (!declared) return { kind: "string" };
  switch (declared.kind) {
    case "string":
      return { kind: "string" };
    case "number":
      return { kind: "number" };
    case "bool":
      return { kind: "boolean" };
    default:
      return { kind: "object", type: declared };
  }
}

/**
 * Why a validation cannot run where the variable is read (undefined when it can): it reads a
 * value known only after deployment or something not converted. Variables are plain values
 * there; since Terraform 1.9 a condition may read others too.
 */
function readsBeyondVariables(e: Expr): string | undefined {
  let why: string | undefined;
  walkExpr(e, (x) => {
    if (x.kind === "unsupported") why ??= `it reads ${x.text || "something"} that is not converted`;
    else if (x.kind === "ref" && x.target.kind === "decl" && !x.target.id.startsWith("var.")) why ??= "it reads more than variables (values known only after deployment)";
  });
  return why;
}

/** @param credential the variable feeds a provider's credentials: a secret, and its default is written nowhere */
export function configDecl(v: Variable, table: ReferenceTable, diags: Diagnostic[], credential = false): Decl {
  const nullDefault = v.default?.kind === "literal" && v.default.value === null;
  if (credential && v.default && !nullDefault) {
    diags.push(diagnostic("PG2014", "warning", `variable "${v.name}" holds provider credentials: its default is left out; set it with \`pulumi config set --secret ${v.name} …\``, v.loc));
  }
  const def = v.default && !nullDefault && !credential ? rewriteReferences(v.default, table, diags, v.loc) : undefined;
  const checks = (v.validations ?? []).flatMap((val) => {
    const [condition, message] = [rewriteReferences(val.condition, table, diags, val.loc), rewriteReferences(val.message, table, diags, val.loc)];
    const why = v.sensitive || credential ? "the value is a secret (an Output)" : readsBeyondVariables(condition) || readsBeyondVariables(message);
    if (why) {
      diags.push(diagnostic("PG2010", "warning", `variable "${v.name}": this validation is not enforced: ${why}`, val.loc));
      return [];
    }
    return [{ condition, message }];
  });
  return {
    kind: "config",
    ...(nullDefault ? { optional: true } : {}),
    id: `var.${v.name}`,
    sourceName: v.name,
    key: v.name,
    type: configType(v.type, def),
    ...(!v.type && !v.default ? { untyped: true } : {}),
    ...(def ? { default: def } : {}),
    secret: v.sensitive || credential,
    ...(checks.length ? { checks } : {}),
    ...(v.description !== undefined ? { description: v.description } : {}),
    loc: v.loc,
    ...(v.comments ? { comments: v.comments } : {}),
  };
}
