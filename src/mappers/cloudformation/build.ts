/**
 * What every Pulumi resource made from one CloudFormation resource shares: its options
 * (`DependsOn`, the deletion policies), its `Condition`, its location and comments. A
 * resource that becomes several declarations (a Method and its Integration and responses)
 * makes each one through {@link ResourceContext.declare}, so none of them loses any of it.
 */
import type { Diagnostic } from "../../model/diagnostics.js";
import type { Comments, Expr, ObjectEntry } from "../../model/expr.js";
import type { Location } from "../../model/location.js";
import { memo } from "../../model/memo.js";
import type { ResourceDecl } from "../../model/pulumi.js";
import { awsSchema } from "../../schema/index.js";
import { requireArguments } from "../required.js";
import type { CfnTable } from "./references.js";
import { CURATED } from "./types.js";
import { mapEntries, type SourceEntry, type ValueContext } from "./values.js";

export interface ResourceContext {
  /** The logical id. */
  readonly id: string;
  readonly type: string;
  readonly loc: Location;
  readonly comments?: Comments;
  readonly condition?: Expr;
  readonly retain: boolean;
  /** `DependsOn`, already expanded to every declaration each named resource became. */
  readonly dependsOn: readonly Expr[];
  readonly table: CfnTable;
  readonly diags: Diagnostic[];
  readonly values: ValueContext;
  /** The properties, references already resolved. */
  readonly entries: readonly SourceEntry[];
}

export interface DeclareOptions {
  /** Appended to the logical id for the Pulumi name and the declaration: `Integration`, `Response200`. */
  readonly suffix?: string;
  /** Ordering beyond what references give. */
  readonly after?: readonly Expr[];
  readonly notes?: readonly string[];
  /** Whether the source's comments go above this declaration (the first one made). */
  readonly withComments?: boolean;
}

export function declId(id: string, suffix = ""): string {
  return `res.${id}${suffix ? `.${suffix}` : ""}`;
}

/** A reference to a declaration made from the same resource: `x!` when under a Condition. */
export function sibling(ctx: ResourceContext, suffix: string, path: readonly string[] = []): Expr {
  return {
    kind: "ref",
    target: { kind: "decl", id: declId(ctx.id, suffix) },
    path: [...(ctx.condition ? [{ kind: "index" as const, key: { kind: "literal" as const, value: 0 } }] : []), ...path.map((name) => ({ kind: "attr" as const, name }))],
  };
}

const requiredByClass = new Map<string, readonly string[]>();

/** The required arguments of a classic class (`aws.apigateway.Integration`); aws-native declares none. */
function requiredOf(className: string): readonly string[] {
  // Asked for every declaration made, of a few classes: each is looked up once.
  return memo(requiredByClass, className, () => {
    const m = /^aws\.(?:(\w+)\.)?(\w+)$/.exec(className);
    return (m && awsSchema().resources[`${m[1] ?? "index"}.${m[2]}`]?.required) || [];
  });
}

export function declare(ctx: ResourceContext, className: string, args: Extract<Expr, { kind: "object" }>, o: DeclareOptions = {}): ResourceDecl {
  const suffix = o.suffix ?? "";
  const name = ctx.id + suffix.replace(/\./g, "");
  const dependsOn = [...ctx.dependsOn, ...(o.after ?? [])];
  const complete = requireArguments(args, requiredOf(className), `${name} (${ctx.type})`, ctx.loc, ctx.diags);
  return {
    kind: "resource",
    id: declId(ctx.id, suffix),
    sourceName: name,
    className,
    resourceName: name,
    args: complete,
    options: { ...(dependsOn.length ? { dependsOn } : {}), ...(ctx.retain ? { retainOnDelete: true } : {}) },
    ...(ctx.condition ? { repeat: { kind: "conditional", condition: ctx.condition } } : {}),
    ...(o.notes?.length ? { notes: o.notes } : {}),
    source: { type: ctx.type, address: ctx.id },
    loc: ctx.loc,
    ...(o.withComments !== false && ctx.comments ? { comments: ctx.comments } : {}),
  };
}

/** Prepends entries (the parent's `restApi`/`resourceId`/`httpMethod`) to mapped args. */
export function withLeading(lead: readonly ObjectEntry[], args: Extract<Expr, { kind: "object" }>): Extract<Expr, { kind: "object" }> {
  const keys = new Set(lead.map((e) => e.key));
  return { kind: "object", entries: [...lead, ...args.entries.filter((e) => !keys.has(e.key))] };
}

/** A property's value, by its CloudFormation name. */
export function get(entries: readonly SourceEntry[], name: string): Expr | undefined {
  return entries.find((e) => e.name === name)?.value;
}

/** Maps with the curated renames of the context's type onto `className`. */
export function curatedArgs(ctx: ResourceContext, entries: readonly SourceEntry[], className = CURATED[ctx.type]!.className): Extract<Expr, { kind: "object" }> {
  return mapEntries(entries, awsSchema().resources[className]!.args, ctx.values, CURATED[ctx.type]?.props ?? {}, undefined);
}
