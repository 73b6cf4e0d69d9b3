/**
 * A nested stack whose template is converted with its parent (`AWS::CloudFormation::Stack` with
 * a local `TemplateURL`, converted into a project: tree/templates.ts): an instance of the
 * component class that template became, where the stack was. Its `Parameters` are the
 * component's args (parameter names → property names, from the child's interface), `DependsOn`
 * and `Condition` apply as to any resource, and `Fn::GetAtt Stack.Outputs.Name` reads the
 * component's property (references.ts). The stack's own settings (Tags, TimeoutInMinutes,
 * NotificationARNs) have no counterpart in a component: each is a warning.
 */
import { diagnostic } from "../../model/diagnostics.js";
import type { Expr, ObjectEntry } from "../../model/expr.js";
import type { ResourceDecl } from "../../model/pulumi.js";
import type { ModuleInterface } from "../terraform/modules.js";
import { requireArguments } from "../required.js";
import type { ResourceContext } from "./build.js";
import { declId } from "./build.js";

/** A nested template's interface: its component's, and the kind of each parameter. */
export interface NestedStackInterface extends ModuleInterface {
  /** Parameter name → how the component types it: CloudFormation passes every nested stack parameter as text (a number, a comma-joined list), the component's args are typed. */
  readonly params: ReadonlyMap<string, "string" | "number" | "list">;
}

/**
 * A parameter's value as the component's argument takes it: CloudFormation hands a nested stack
 * text, and the nested template reads a Number or a list parameter from it, so the value passed
 * becomes what the nested template reads (`"3"` → 3, `!Join [",", L]` → L, `"a,b"` → ["a", "b"],
 * any other text through `tonumber`/`split`, as the nested stack reads it).
 */
function asParameter(v: Expr, kind: "string" | "number" | "list", ctx: ResourceContext): Expr {
  const lit = (value: string | number): Expr => ({ kind: "literal", value });
  if (kind === "number") {
    if (v.kind === "literal" && typeof v.value === "number") return v;
    if (v.kind === "literal" && typeof v.value === "string" && v.value.trim() !== "" && Number.isFinite(Number(v.value))) return lit(Number(v.value));
    if (ctx.values.scalarType?.(v) === "number") return v;
    return { kind: "call", name: "tonumber", args: [v] };
  }
  if (kind === "list") {
    if (v.kind === "list" || (v.kind === "call" && v.name === "split") || (v.kind === "ref" && v.target.kind === "decl" && ctx.table.lists?.has(v.target.id) && v.path.length === 0)) return v;
    if (v.kind === "call" && v.name === "join" && v.args[0]?.kind === "literal" && v.args[0].value === ",") return v.args[1]!;
    if (v.kind === "literal" && typeof v.value === "string") return { kind: "list", items: v.value === "" ? [] : v.value.split(",").map(lit) };
    return { kind: "call", name: "split", args: [lit(","), v] };
  }
  if (v.kind === "literal" && (typeof v.value === "number" || typeof v.value === "boolean")) return lit(String(v.value));
  if (ctx.values.scalarType?.(v) === "number") return { kind: "call", name: "tostring", args: [v] };
  return v;
}

/** A `TemplateURL` that names a file beside the template (what `aws cloudformation package` uploads), not one on S3 or the web. */
export function isLocalTemplateUrl(url: string): boolean {
  return !/^(https?|s3):\/\//i.test(url) && url.trim() !== "";
}

export function nestedStackDecl(ctx: ResourceContext, iface: NestedStackInterface): ResourceDecl {
  const entries: ObjectEntry[] = [];
  for (const e of ctx.entries) {
    if (e.name === "TemplateURL") continue;
    if (e.name !== "Parameters") {
      ctx.diags.push(diagnostic("PG2003", "warning", `${ctx.id}: ${e.name} is a setting of the nested stack itself, which has no counterpart in a component: it is left out`, e.loc));
      continue;
    }
    if (e.value.kind !== "object") {
      ctx.diags.push(diagnostic("PG2003", "warning", `${ctx.id}: Parameters is not written out as a mapping, so its entries cannot be passed as the component's arguments: it is left out`, e.loc));
      continue;
    }
    for (const p of e.value.entries) {
      const key = typeof p.key === "string" ? p.key : undefined;
      const input = key !== undefined ? iface.inputs.get(key) : undefined;
      if (!input) {
        ctx.diags.push(diagnostic("PG2003", "warning", `${ctx.id}: the nested template has no parameter '${key ?? "…"}'; the value is left out (CloudFormation rejects it)`, e.loc));
        continue;
      }
      entries.push({ key: input.prop, value: asParameter(p.value, iface.params.get(key!) ?? "string", ctx), ...(p.comments ? { comments: p.comments } : {}) });
    }
  }
  if (ctx.retain) ctx.diags.push(diagnostic("PG2010", "warning", `${ctx.id}: DeletionPolicy Retain keeps a nested stack's resources; a component's children do not inherit retainOnDelete, so it is not applied: set it on the resources of the component that must outlive it`, ctx.loc));
  const required = [...iface.inputs.values()].filter((i) => i.required).map((i) => i.prop);
  const args = requireArguments({ kind: "object", entries }, required, `${ctx.id} (the nested template's parameters)`, ctx.loc, ctx.diags);
  return {
    kind: "resource",
    id: declId(ctx.id),
    sourceName: ctx.id,
    className: iface.className,
    component: true,
    resourceName: ctx.id,
    args,
    options: ctx.dependsOn.length ? { dependsOn: ctx.dependsOn } : {},
    ...(ctx.condition ? { repeat: { kind: "conditional", condition: ctx.condition } } : {}),
    source: { type: ctx.type, address: ctx.id },
    loc: ctx.loc,
    ...(ctx.comments ? { comments: ctx.comments } : {}),
  };
}
