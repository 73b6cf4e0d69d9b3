/**
 * CloudFormation property values → Pulumi argument values, directed by the schema's shapes:
 * PascalCase keys of nested objects become the input type's property names, maps keep the
 * user's keys, `[{Key, Value}]` tag lists become maps where Pulumi takes a map, JSON documents
 * given as objects (policies, API bodies, model schemas) become JSON strings, and scalars are
 * coerced to the declared type (`"30"` → `30` for a number, `true` → `"true"` for a string).
 */
import { diagnostic, type Diagnostic } from "../../model/diagnostics.js";
import type { Comments, Expr, ObjectEntry } from "../../model/expr.js";
import type { Location } from "../../model/location.js";
import type { AwsSchema, Props, Shape } from "../../schema/index.js";
import { mapProperty } from "../properties.js";
import { snake } from "../../model/names.js";

export interface ValueContext {
  readonly schema: AwsSchema;
  readonly diags: Diagnostic[];
  /** What is being mapped, for messages: `Api (AWS::ApiGateway::RestApi)`. */
  readonly what: string;
  readonly loc?: Location;
  /** The scalar type of a parameter reference, where `e` is one: for coercions to the argument's type. */
  readonly scalarType?: (e: Expr) => "string" | "number" | undefined;
}

export interface SourceEntry {
  readonly name: string;
  readonly value: Expr;
  readonly loc?: Location;
  readonly comments?: Comments;
}

/** The entries of a property value written as a mapping (none for anything else). */
export function entriesOf(e: Expr | undefined): SourceEntry[] {
  if (!e || e.kind !== "object") return [];
  return e.entries.flatMap((en) => (typeof en.key === "string" ? [{ name: en.key, value: en.value, ...(en.loc ? { loc: en.loc } : {}), ...(en.comments ? { comments: en.comments } : {}) }] : []));
}

/** Finds the Pulumi property for a CloudFormation property name. */
export function propertyName(name: string, props: Props, renames: Readonly<Record<string, string>> = {}, typeKey?: string): string | undefined {
  const r = renames[name];
  if (r !== undefined && r in props) return r;
  return mapProperty(snake(name), props, typeKey);
}

/**
 * Maps properties onto `props`. A property with no Pulumi counterpart is reported and left as
 * a comment line in the object, so nothing disappears silently.
 */
export function mapEntries(
  entries: readonly SourceEntry[],
  props: Props,
  ctx: ValueContext,
  renames: Readonly<Record<string, string>> = {},
  typeKey?: string,
): Extract<Expr, { kind: "object" }> {
  const out: ObjectEntry[] = [];
  for (const en of entries) {
    const key = propertyName(en.name, props, renames, typeKey);
    const comments = en.comments ? { comments: en.comments } : {};
    if (key === undefined) {
      ctx.diags.push(diagnostic("PG2003", "warning", `${ctx.what}: property '${en.name}' has no counterpart in Pulumi; it is left as a TODO`, en.loc ?? ctx.loc));
      out.push({ key: `// TODO(pulumigrate): ${en.name} is not converted (no such argument in Pulumi)`, value: en.value, ...comments });
      continue;
    }
    out.push({ key, value: mapValue(en.value, props[key], en.loc ? { ...ctx, loc: en.loc } : ctx), ...(en.loc ? { loc: en.loc } : {}), ...comments });
  }
  return { kind: "object", entries: out };
}

const isTagList = (e: Expr): boolean =>
  e.kind === "list" &&
  e.items.length > 0 &&
  e.items.every((x) => x.kind === "object" && x.entries.some((en) => en.key === "Key") && x.entries.some((en) => en.key === "Value"));

export function mapValue(e: Expr, shape: Shape | undefined, ctx: ValueContext): Expr {
  if (shape === undefined || shape === "a") return e;
  if (e.kind === "conditional") return { ...e, whenTrue: mapValue(e.whenTrue, shape, ctx), whenFalse: mapValue(e.whenFalse, shape, ctx) };
  if (typeof shape === "string") {
    // A String parameter where a number goes, and the other way round.
    const param = ctx.scalarType?.(e);
    if (shape === "n" && param === "string") return { kind: "call", name: "tonumber", args: [e], implicit: true };
    if ((shape === "s" || shape === "b") && param === "number") return { kind: "call", name: "tostring", args: [e], implicit: true };
    if (shape === "s") {
      if (e.kind === "object" || (e.kind === "list" && e.items.length !== 1)) return { kind: "call", name: "tojsonstring", args: [e] };
      if (e.kind === "list" && e.items.length === 1) return mapValue(e.items[0]!, shape, ctx);
      if (e.kind === "literal" && (typeof e.value === "number" || typeof e.value === "boolean")) return { kind: "literal", value: String(e.value) };
    }
    if (shape === "n" && e.kind === "literal" && typeof e.value === "string" && e.value.trim() !== "" && Number.isFinite(Number(e.value))) return { kind: "literal", value: Number(e.value) };
    if (shape === "b" && e.kind === "literal" && (e.value === "true" || e.value === "false")) return { kind: "literal", value: e.value === "true" };
    return e;
  }
  switch (shape[0]) {
    case "r":
      return mapValue(e, "s", ctx);
    case "l": {
      const inner = shape[1] as Shape;
      if (e.kind === "list") return { kind: "list", items: e.items.map((x) => mapValue(x, inner, ctx)) };
      // A list with items on a condition (intrinsics.ts): each part is such a list.
      if (e.kind === "call" && e.name === "concat") return { ...e, args: e.args.map((a) => mapValue(a, shape, ctx)) };
      return e;
    }
    case "m": {
      const inner = shape[1] as Shape;
      if (isTagList(e) && e.kind === "list") {
        return {
          kind: "object",
          entries: e.items.map((x) => {
            const o = x as Extract<Expr, { kind: "object" }>;
            const [ke, ve] = [o.entries.find((en) => en.key === "Key")!, o.entries.find((en) => en.key === "Value")!];
            const [k, v] = [ke.value, ve.value];
            const comments = joinComments(o.entries);
            return { key: k.kind === "literal" && typeof k.value === "string" ? k.value : k, value: mapValue(v, inner, ctx), ...(comments ? { comments } : {}) };
          }),
        };
      }
      if (e.kind === "object") return { kind: "object", entries: e.entries.map((en) => ({ ...en, value: mapValue(en.value, inner, ctx) })) };
      // Tags with some on a condition: the parts merged, a part the condition leaves out no tags.
      if (e.kind === "call" && e.name === "concat") return { kind: "call", name: "merge", args: e.args.map((a) => mapValue(a, shape, ctx)) };
      if (e.kind === "list" && e.items.length === 0) return { kind: "object", entries: [] };
      return e;
    }
    case "o": {
      // Policy documents: Pulumi also takes the typed object, but JSON is what the template meant.
      if (/PolicyDocument$/.test(shape[1] as string)) return mapValue(e, "s", ctx);
      const props = ctx.schema.inputTypes[shape[1] as string];
      const target = e.kind === "list" && e.items.length === 1 ? e.items[0]! : e;
      // A type that declares no properties (a state machine's `Definition`) is free-form: the value as written.
      if (!props || Object.keys(props).length === 0 || target.kind !== "object") return e;
      return mapEntries(entriesOf(target), props, ctx);
    }
    default:
      return e;
  }
}

/** The comments of several entries that become one (a tag's `Key` and `Value`): their leading comments in order, their trailing ones joined. */
function joinComments(entries: readonly ObjectEntry[]): Comments | undefined {
  const leading = entries.flatMap((en) => en.comments?.leading ?? []);
  const trailing = entries.map((en) => en.comments?.trailing).filter((t) => t !== undefined);
  if (!leading.length && !trailing.length) return undefined;
  return { ...(leading.length ? { leading } : {}), ...(trailing.length ? { trailing: trailing.join("; ") } : {}) };
}
