/**
 * What a resource's (or module call's) meta-arguments make of it in Pulumi: its resource options
 * (`depends_on`, `provider`, `lifecycle`: protect, ignoreChanges, deleteBeforeReplace,
 * replaceWith / replacementTrigger), the explicit default provider where the program has one,
 * and its repetition (`count`, `for_each`, a `count` of `cond ? 1 : 0`).
 */
import { diagnostic, type Diagnostic } from "../../model/diagnostics.js";
import type { Expr } from "../../model/expr.js";
import type { Repeat, ResourceOptions } from "../../model/pulumi.js";
import type { ModuleCall, ProviderConfig, Resource } from "../../model/program.js";
import { lowerSimpleTraversal } from "../../parsers/terraform/lower-expr.js";
import { mapProperty } from "../properties.js";
import { rewriteReferences, type ReferenceTable } from "./references.js";

/** Options with the explicit default provider for an aws class that names no provider of its own. */
export function withDefaultProvider(o: ResourceOptions, className: string, table: ReferenceTable): ResourceOptions {
  if (!table.defaultProvider || o.provider || !/^aws\./.test(className) || className === "aws.Provider") return o;
  return { ...o, provider: { kind: "ref", target: { kind: "decl", id: table.defaultProvider }, path: [] } };
}

export function options(r: Resource | ModuleCall | ProviderConfig, table: ReferenceTable, diags: Diagnostic[], argProps?: Record<string, unknown>, tfType?: string): ResourceOptions {
  if (r.kind === "provider") return {};
  const m = r.meta;
  // Terraform 0.11 wrote `depends_on = ["aws_x.y"]`: the string names the resource.
  const named = (d: Expr): Expr => (d.kind === "literal" && typeof d.value === "string" ? (lowerSimpleTraversal(d.value) ?? d) : d);
  const dependsOn = m.dependsOn.map((d) => rewriteReferences(named(d), table, diags, r.loc)).filter((d) => {
    if (d.kind === "ref" && d.target.kind === "decl") return true;
    diags.push(diagnostic("PG2008", "warning", "depends_on names nothing declared in the converted files; it is left out", r.loc));
    return false;
  });
  const provider = m.provider ? rewriteReferences(m.provider, table, diags, r.loc) : undefined;
  if (provider && !(provider.kind === "ref" && provider.target.kind === "decl")) {
    diags.push(diagnostic("PG2008", "warning", "provider reference not found: declare the aliased provider block in the converted files", r.loc));
  }
  if (m.createBeforeDestroy === false) {
    diags.push(diagnostic("PG2010", "info", "create_before_destroy = false maps to deleteBeforeReplace", r.loc));
  }
  const ignore = m.ignoreChanges?.map((n) => {
    const [head, ...rest] = n.split(".");
    const p = argProps && head ? mapProperty(head, argProps as never, tfType) : undefined;
    return [p ?? head, ...rest].join(".");
  });
  // replace_triggered_by: a resource named whole is replaced with it (replaceWith); an attribute, or a
  // terraform_data's value, replaces this one when its value changes (replacementTrigger).
  const wholeResource = (e: Expr) => e.kind === "ref" && e.target.kind === "resource" && e.target.type !== "terraform_data" && e.path.every((a) => a.kind === "index");
  const triggers = m.replaceTriggeredBy ?? [];
  const replaceWith = triggers.filter(wholeResource).map((e) => rewriteReferences(e, table, diags, r.loc));
  const values = triggers.filter((e) => !wholeResource(e)).map((e) => rewriteReferences(e, table, diags, r.loc));
  if (replaceWith.length) diags.push(diagnostic("PG2010", "info", "replace_triggered_by a whole resource: Pulumi replaces this one when that one is replaced (replaceWith); Terraform also when it is updated in place: name the attribute that matters to trigger on its change", r.loc));
  return {
    ...(dependsOn.length ? { dependsOn } : {}),
    ...(replaceWith.length ? { replaceWith } : {}),
    ...(values.length ? { replacementTrigger: values.length === 1 ? values[0]! : { kind: "list" as const, items: values } } : {}),
    ...(provider && provider.kind === "ref" && provider.target.kind === "decl" ? { provider } : {}),
    ...(m.protect ? { protect: true } : {}),
    ...(m.timeouts ? { customTimeouts: m.timeouts } : {}),
    ...(ignore?.length ? { ignoreChanges: ignore } : {}),
    ...(m.createBeforeDestroy === false ? { deleteBeforeReplace: true } : {}),
  };
}

export function repeat(r: Resource | ModuleCall, table: ReferenceTable, diags: Diagnostic[]): Repeat | undefined {
  const { count, forEach } = r.meta;
  if (count) {
    const c = rewriteReferences(count, table, diags, r.loc);
    if (c.kind === "conditional" && c.whenTrue.kind === "literal" && c.whenFalse.kind === "literal") {
      if (c.whenTrue.value === 1 && c.whenFalse.value === 0) return { kind: "conditional", condition: c.condition, list: true };
      if (c.whenTrue.value === 0 && c.whenFalse.value === 1) return { kind: "conditional", condition: { kind: "unary", op: "!", operand: c.condition }, list: true };
    }
    return { kind: "count", count: c };
  }
  if (forEach) {
    const c = rewriteReferences(forEach, table, diags, r.loc);
    if (c.kind === "call" && c.name === "toset" && c.args.length === 1) return { kind: "forEach", collection: c.args[0]!, set: true };
    return { kind: "forEach", collection: c, set: c.kind === "list" };
  }
  return undefined;
}
