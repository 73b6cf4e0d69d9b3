/**
 * Data sources a module's loops count, read by the root. A root program awaits the data sources
 * its loops count (typing/await.ts), but a component's constructor cannot wait: in the
 * VPC-module idiom (`count = length(data.aws_availability_zones.available.names)` inside a module)
 * the loop would run over an Output. Such a data source, when its arguments read nothing of the
 * module (literals only: `state = "available"`), is read once by the root program instead, before
 * anything is created, and passed to each instance of the component as an argument of its own;
 * inside the component the reads of the data source read that argument. Only for modules the root
 * calls itself, and none of whose calls passes a provider of its own (the data source is then the
 * root's provider's answer, as it would be the module's).
 */
import { walkExpr, type Expr } from "../model/expr.js";
import type { ConfigDecl, Decl, InvokeDecl, PulumiProgram } from "../model/pulumi.js";
import { plannedInvokes } from "../typing/await.js";

export interface Hoisted {
  /** The root's declaration of the data source, awaited. */
  readonly invoke: InvokeDecl;
  /** The argument of the component that takes its result (the Terraform variable key). */
  readonly key: string;
}

/** Whether an expression reads any declaration (a variable, a local, a resource): a data source's arguments must not. */
function readsAnything(e: Expr): boolean {
  let found = false;
  walkExpr(e, (x) => {
    if ((x.kind === "ref" && x.target.kind === "decl") || x.kind === "unsupported") found = true;
  });
  return found;
}

/** The module's program with its plan-time data sources made arguments, and what the root declares for them. */
export function hoistFromModule(program: PulumiProgram, moduleKey: string): { program: PulumiProgram; hoisted: Hoisted[] } {
  const planned = plannedInvokes(program.decls);
  const movable = program.decls.filter((d): d is InvokeDecl => d.kind === "invoke" && planned.has(d.id) && !d.repeat && !d.options.provider && !readsAnything(d.args));
  if (!movable.length) return { program, hoisted: [] };
  const taken = new Set(program.decls.filter((d): d is ConfigDecl => d.kind === "config").map((d) => d.sourceName));
  const hoisted: Hoisted[] = [];
  const replaced = new Map<string, ConfigDecl>();
  for (const d of movable) {
    let sourceName = d.sourceName;
    for (let i = 2; taken.has(sourceName); i++) sourceName = `${d.sourceName}_data${i === 2 ? "" : i}`;
    taken.add(sourceName);
    const key = `data:${d.id}`;
    replaced.set(d.id, {
      kind: "config",
      id: d.id,
      sourceName,
      key,
      type: { kind: "object", type: { kind: "any" } },
      // `aws.getAvailabilityZonesOutput` answers an `aws.GetAvailabilityZonesResult`.
      tsType: d.fn.replace(/\.get(\w+?)(Output)?$/, (_, n: string) => `.Get${n}Result`),
      optional: true,
      secret: false,
      description: `What ${d.id.replace(/^data\./, "data ")} answers, read by the program that creates this component before anything is created (its loops count it; a constructor cannot wait).`,
      ...(d.loc ? { loc: d.loc } : {}),
      ...(d.comments ? { comments: d.comments } : {}),
    });
    hoisted.push({ key, invoke: { ...d, id: `hoisted.${moduleKey}.${d.id}`, awaited: true } });
  }
  return { program: { ...program, decls: program.decls.map((d) => replaced.get(d.id) ?? d) }, hoisted };
}

/**
 * The root program with the hoisted data sources declared and passed to every call of their
 * component (`args` property `prop`), or as it was when a call passes providers of its own.
 */
export function withHoisted(root: PulumiProgram, className: string, hoisted: readonly Hoisted[], propOf: (key: string) => string | undefined): PulumiProgram {
  if (!hoisted.length) return root;
  const calls = root.decls.filter((d) => d.kind === "resource" && d.component === true && d.className === className);
  const defaultProvider = root.decls.find((d) => d.id === "provider.default");
  const entries = hoisted.flatMap((h) => {
    const prop = propOf(h.key);
    return prop ? [{ key: prop, value: { kind: "ref" as const, target: { kind: "decl" as const, id: h.invoke.id }, path: [] } }] : [];
  });
  const decls: Decl[] = [];
  let added = false;
  for (const d of root.decls) {
    if (!added && calls.includes(d)) {
      // Declared before the first call, on the root's own provider.
      for (const h of hoisted) decls.push(defaultProvider ? { ...h.invoke, options: { ...h.invoke.options, provider: { kind: "ref", target: { kind: "decl", id: defaultProvider.id }, path: [] } } } : h.invoke);
      added = true;
    }
    decls.push(calls.includes(d) && d.kind === "resource" && d.args.kind === "object" ? { ...d, args: { ...d.args, entries: [...d.args.entries, ...entries] } } : d);
  }
  return { ...root, decls };
}
