/**
 * `module` blocks: a call of another module is an instance of the component class that module
 * became, where the block was. Its arguments are the component's args (variable names →
 * property names, from the callee's interface), `count`/`for_each` repeat it like a resource,
 * `depends_on` and `providers` are its options, and `module.x.y` reads its property.
 */
import { diagnostic, type Diagnostic } from "../../model/diagnostics.js";
import type { Expr, ObjectEntry } from "../../model/expr.js";
import type { Location } from "../../model/location.js";
import { memberNames } from "../../model/names.js";
import type { ConfigDecl, Decl, PulumiProgram } from "../../model/pulumi.js";
import type { ModuleCall } from "../../model/program.js";
import { requireArguments } from "../required.js";

/** What a caller needs to know of a module: its class, its variables and its outputs. */
export interface ModuleInterface {
  /** The component class the module became (`ApiGateway`). */
  readonly className: string;
  /** Terraform variable → args property; `required` when it has no default. */
  readonly inputs: ReadonlyMap<string, { readonly prop: string; readonly required: boolean }>;
  /** Terraform output → property. */
  readonly outputs: ReadonlyMap<string, string>;
  /** A source that was not converted (no local or downloaded copy): any argument and output is accepted. */
  readonly placeholder?: boolean;
}

export interface MapOptions {
  /** The interfaces of the modules this one calls, by call name; a module tree's conversion supplies them. */
  readonly modules?: ReadonlyMap<string, ModuleInterface>;
  /** What `path.module` reads: the module's directory relative to the root module (`.` for the root). */
  readonly pathModule?: string;
  /** Calls already reported as not convertible (a cycle, a missing directory): a TODO comment, no other warning. */
  readonly reported?: ReadonlySet<string>;
}

export interface ModuleDeclContext {
  readonly diags: Diagnostic[];
  readonly value: (e: Expr, loc?: Location) => Expr;
  /** `depends_on` and the repetition, as a resource has them. */
  readonly dependsOn: readonly Expr[];
  readonly repeat: Extract<Decl, { kind: "resource" }>["repeat"];
  /** The program's explicit default aws provider, passed to a call that names none. */
  readonly defaultProvider?: Expr;
}

/** The instance of a module's component where its `module` block was. */
export function moduleDecl(call: ModuleCall, iface: ModuleInterface, ctx: ModuleDeclContext): Decl {
  const entries: ObjectEntry[] = [];
  for (const a of call.args) {
    const input = iface.inputs.get(a.name);
    if (!input && !iface.placeholder) {
      ctx.diags.push(diagnostic("PG2003", "warning", `module "${call.name}" has no variable '${a.name}'; the argument is left out`, a.loc));
      continue;
    }
    entries.push({ key: input?.prop ?? a.name, value: ctx.value(a.value, a.loc), ...(a.comments ? { comments: a.comments } : {}) });
  }
  const required = [...iface.inputs.values()].filter((i) => i.required).map((i) => i.prop);
  const args = requireArguments({ kind: "object", entries }, required, `module.${call.name}`, call.loc, ctx.diags);
  const providers = call.providers ? providersOption(call, ctx) : ctx.defaultProvider ? ({ kind: "object", entries: [{ key: "aws", value: ctx.defaultProvider }] } satisfies Expr) : undefined;
  return {
    kind: "resource",
    id: `module.${call.name}`,
    sourceName: call.name,
    className: iface.className,
    component: true,
    resourceName: call.name,
    args,
    options: { ...(ctx.dependsOn.length ? { dependsOn: ctx.dependsOn } : {}), ...(providers ? { providers } : {}) },
    ...(ctx.repeat ? { repeat: ctx.repeat } : {}),
    source: { type: "module", address: `module.${call.name}` },
    loc: call.loc,
    ...(call.comments ? { comments: call.comments } : {}),
  };
}

/**
 * `providers = { aws = aws.west }` → `providers: { aws: west }`. A Pulumi component passes one
 * provider per package down to its children; a module's own aliases (`aws.east = aws.east`)
 * have no such slot, so they are a warning.
 */
function providersOption(call: ModuleCall, ctx: ModuleDeclContext): Expr | undefined {
  const p = ctx.value(call.providers!, call.loc);
  if (p.kind !== "object") return undefined;
  const entries = p.entries.filter((en) => {
    if (en.key === "aws" && en.value.kind === "ref" && en.value.target.kind === "decl") return true;
    const key = typeof en.key === "string" ? en.key : "…";
    ctx.diags.push(diagnostic("PG2004", "warning", `module "${call.name}": providers entry '${key}' is not converted (a component takes one provider per package, passed as providers: { aws: … })`, call.loc));
    return false;
  });
  return entries.length ? { kind: "object", entries } : undefined;
}

/** A mapped module's interface: its variables (required when they have no default) and outputs, named as its component names them. */
export function moduleInterface(program: PulumiProgram, className: string): ModuleInterface {
  const configs = program.decls.filter((d): d is ConfigDecl => d.kind === "config");
  const exports = program.decls.filter((d) => d.kind === "export");
  const args = memberNames(configs.map((d) => d.sourceName));
  const props = memberNames(exports.map((d) => d.sourceName));
  return {
    className,
    inputs: new Map(configs.map((d) => [d.key, { prop: args.get(d.sourceName)!, required: !d.default && !d.optional }])),
    outputs: new Map(exports.map((d) => [d.sourceName, props.get(d.sourceName)!])),
  };
}
