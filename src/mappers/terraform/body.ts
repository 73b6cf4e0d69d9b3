/**
 * A Terraform resource body → the args object of its @pulumi/aws class, property by property
 * against the generated schema: attribute names renamed, nested blocks turned into objects
 * (allowed once) or arrays (repeated), `dynamic` blocks into mapped collections, file names
 * into assets where the property is an archive. Unknown attributes stay visible as comments.
 */
import { diagnostic, type Diagnostic } from "../../model/diagnostics.js";
import { transformExpr, type Expr, type ObjectEntry } from "../../model/expr.js";
import type { Location } from "../../model/location.js";
import type { BodyItem } from "../../model/program.js";
import { awsSchema, isList, objectTypeOf, type Props, type Shape } from "../../schema/index.js";
import { camel } from "../../model/names.js";
import { readsArchiveHash } from "./providers.js";
import { mapProperty } from "../properties.js";
import { requireArguments } from "../required.js";

export interface BodyContext {
  readonly tfType: string;
  readonly diags: Diagnostic[];
  /** Rewrites source references in a value into Pulumi references; `loc` is where the value stands. */
  readonly value: (e: Expr, loc?: Location) => Expr;
}

export function mapBody(items: readonly BodyItem[], props: Props | undefined, ctx: BodyContext): Expr {
  const entries: ObjectEntry[] = [];
  // Nested types: the inputs of resources and invokes, and what each requires.
  const { inputTypes: types, inputRequired } = awsSchema();
  // Repeated blocks of one type collect into one array property, placed where the first one stood.
  const blockGroups = new Map<string, ObjectEntry & { items: Expr[] }>();

  for (const it of items) {
    const prop = props ? mapProperty(it.name, props, ctx.tfType) : camel(it.name);
    if (prop === undefined) {
      ctx.diags.push(diagnostic("PG2003", "warning", `${ctx.tfType}: unknown attribute '${it.name}' is kept as a comment`, it.loc));
      entries.push({
        key: `// TODO(pulumigrate): unknown ${it.kind === "attribute" ? "attribute" : "block"} '${it.name}'`,
        value: { kind: "unsupported", text: it.name, reason: "unknown attribute" },
        ...(it.comments ? { comments: it.comments } : {}),
        loc: it.loc,
      });
      continue;
    }
    const shape = props?.[prop];
    if (it.kind === "attribute" && readsArchiveHash(it.value)) {
      ctx.diags.push(diagnostic("PG2010", "info", `${ctx.tfType}: '${it.name}' hashes an archive_file; Pulumi hashes the archive itself, so it is left out`, it.loc));
      continue;
    }
    if (it.kind === "attribute") {
      if (entries.some((e) => e.key === prop)) {
        ctx.diags.push(diagnostic("PG2003", "warning", `${ctx.tfType}: '${it.name}' sets '${prop}' again; the first value is kept`, it.loc));
        continue;
      }
      entries.push({ key: prop, value: convertValue(ctx.value(it.value, it.loc), shape), ...(it.comments ? { comments: it.comments } : {}), loc: it.loc });
      continue;
    }
    const nestedType = objectTypeOf(shape);
    const nestedKey = nestedType === undefined ? undefined : types[nestedType] ? nestedType : types[`${nestedType}Args`] ? `${nestedType}Args` : undefined;
    const nestedProps = nestedKey === undefined ? undefined : types[nestedKey];
    const nestedCtx: BodyContext = { ...ctx, tfType: `${ctx.tfType}.${it.name}` };
    // A block that leaves out what the package's type requires (written for an older provider,
    // say) gets the same placeholder and warning as a resource that does.
    const complete = (obj: Expr) => requireArguments(obj, (nestedKey && inputRequired[nestedKey]) || [], nestedCtx.tfType, it.loc, ctx.diags);
    if (it.kind === "dynamic") {
      // `rule.key` / `rule.value` inside the content become the loop's own variables (before
      // references are resolved: `my_rule.value` reads like a resource of type `my_rule`).
      const iterator = it.iterator;
      const contentCtx: BodyContext = { ...nestedCtx, value: (e, loc) => ctx.value(transformExpr(e, (x) => iteratorRef(x, iterator)), loc) };
      const content = complete(mapBody(it.content, nestedProps, contentCtx));
      const mapped: Expr = {
        kind: "for",
        keyVar: `${iterator}_key`,
        valueVar: `${iterator}_value`,
        collection: ctx.value(it.forEach, it.loc),
        value: content,
      };
      // A block Pulumi allows once: the dynamic block makes zero or one of it.
      if (shape !== undefined && !isList(shape)) {
        entries.push({ key: prop, value: { kind: "index", collection: mapped, key: { kind: "literal", value: 0 } }, ...(it.comments ? { comments: it.comments } : {}), loc: it.loc });
        continue;
      }
      // Blocks and dynamic blocks of one type make one list, in source order.
      const group = blockGroups.get(prop);
      if (group) {
        group.items.push({ kind: "call", name: "concat", args: [] }, mapped);
        continue;
      }
      const entry = { key: prop, value: mapped, ...(it.comments ? { comments: it.comments } : {}), loc: it.loc, items: [{ kind: "call", name: "concat", args: [] } as Expr, mapped] };
      blockGroups.set(prop, entry);
      entries.push(entry);
      continue;
    }
    const obj = complete(mapBody(it.body, nestedProps, nestedCtx));
    if (shape !== undefined && !isList(shape)) {
      if (blockGroups.has(prop)) {
        ctx.diags.push(diagnostic("PG2004", "warning", `${ctx.tfType}: block '${it.name}' is allowed once; the first one is used`, it.loc));
        continue;
      }
      const entry = { key: prop, value: obj, ...(it.comments ? { comments: it.comments } : {}), loc: it.loc, items: [] };
      blockGroups.set(prop, entry);
      entries.push(entry);
      continue;
    }
    const group = blockGroups.get(prop);
    if (group) {
      group.items.push(obj);
      continue;
    }
    const entry = { key: prop, value: obj, ...(it.comments ? { comments: it.comments } : {}), loc: it.loc, items: [obj] };
    blockGroups.set(prop, entry);
    entries.push(entry);
  }
  return {
    kind: "object",
    entries: entries.map((e) => {
      if (!("items" in e)) return e;
      const { items, ...rest } = e as ObjectEntry & { items: Expr[] };
      return items.length === 0 ? rest : { ...rest, value: blockList(items) };
    }),
  };
}

const SPREAD = (e: Expr) => e.kind === "call" && e.name === "concat" && e.args.length === 0;

/**
 * The list a property's blocks make: static blocks are elements, a dynamic block's `for`
 * (marked by an empty `concat` before it) is spread in: `concat([a, b], forA, [c])`.
 */
function blockList(items: readonly Expr[]): Expr {
  if (!items.some(SPREAD)) return { kind: "list", items };
  const args: Expr[] = [];
  let run: Expr[] = [];
  for (let i = 0; i < items.length; i++) {
    if (SPREAD(items[i]!)) {
      if (run.length) args.push({ kind: "list", items: run });
      run = [];
      args.push(items[++i]!);
    } else run.push(items[i]!);
  }
  if (run.length) args.push({ kind: "list", items: run });
  return args.length === 1 ? args[0]! : { kind: "call", name: "concat", args };
}

/** Adapts a value to its property's shape where Pulumi's type differs from Terraform's. */
function convertValue(v: Expr, shape: Shape | undefined): Expr {
  // An archive_file is the archive itself.
  if (v.kind === "ref" && v.target.kind === "decl" && v.target.id.startsWith("data.archive_file.") && v.path.length === 0) return v;
  if (shape === "A") return { kind: "call", name: "new pulumi.asset.FileArchive", args: [v] };
  // An asset or an archive (an S3 object's `source`): Terraform's path names one file, uploaded as it is.
  if (shape === "F" || shape === "AF") return { kind: "call", name: "new pulumi.asset.FileAsset", args: [v] };
  // A one-element list where Pulumi flattened the property to its element (`target_arns` → `targetArn`).
  if (typeof shape === "string" && shape !== "a" && v.kind === "list" && v.items.length === 1) return v.items[0]!;
  return v;
}

function iteratorRef(e: Expr, iterator: string): Expr {
  if (e.kind !== "ref") return e;
  // `my_rule.value.x` was read as an attribute of a resource of type `my_rule` named `value`.
  if (e.target.kind === "resource" && e.target.type === iterator && (e.target.name === "key" || e.target.name === "value")) {
    return { ...e, target: { kind: "scope", name: `${iterator}_${e.target.name}` } };
  }
  if (e.target.kind !== "scope" || e.target.name !== iterator) return e;
  const first = e.path[0];
  if (first?.kind === "attr" && (first.name === "key" || first.name === "value")) {
    return { ...e, target: { kind: "scope", name: `${iterator}_${first.name}` }, path: e.path.slice(1) };
  }
  return e;
}
