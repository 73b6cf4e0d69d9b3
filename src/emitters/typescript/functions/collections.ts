/** Terraform's collection functions (see ./index.ts). Sets print sorted, as Terraform orders them. */
import type { ObjectEntry } from "../../../model/expr.js";
import { tsType, type Type } from "../../../typing/types.js";
import { arg, arrow, binary, call, code, conditional, method, primary, PREC, type Code } from "../code.js";
import { helper, literal, param, spreadable, typed, type FnArg, type FnContext, type FnPrinter } from "./shared.js";

const scalar = (t: Type | undefined) => t !== undefined && (t.k === "string" || t.k === "number" || t.k === "bool");
const elementOf = (t: Type): Type => (t.k === "list" ? t.of : t.k === "tuple" ? (t.of.every((x) => x.k === t.of[0]?.k) && t.of[0] ? t.of[0] : { k: "any" }) : { k: "any" });
const isList = (a: FnArg | undefined) => a !== undefined && (a.type.k === "list" || a.type.k === "tuple");
const isMap = (a: FnArg | undefined) => a !== undefined && (a.type.k === "map" || a.type.k === "object" || a.type.k === "schema");

/** `[...a, ...b]`, literal lists spliced in place. */
function concat(args: readonly FnArg[]): Code {
  const parts = args.flatMap((a) => {
    if (a.spread) return [`...${primary(method(a.print(), "flat"))}`];
    if (a.expr.kind === "list") return [(a.print().text.slice(1, -1) || "")].filter((x) => x !== "");
    return [`...${arg(a.print())}`];
  });
  return code(`[${parts.join(", ")}]`);
}

/** `(v) => …` over the elements of `list`, with a parameter name free here (and a return type, when given one). */
function lambda(ctx: FnContext, name: string, list: FnArg, body: (v: string) => string, prec: number = PREC.primary, returns?: (v: string) => string): Code {
  const v = ctx.fresh(name);
  return arrow(param(v, list), code(body(v), prec), returns?.(v));
}

export const COLLECTION_FUNCTIONS: Readonly<Record<string, FnPrinter>> = {
  alltrue: ([l], ctx) => method(l!.print(), "every", [elementOf(l!.type).k === "bool" ? lambda(ctx, "v", l!, (v) => v) : code(ctx.helper("istrue"))]),
  anytrue: ([l], ctx) => method(l!.print(), "some", [elementOf(l!.type).k === "bool" ? lambda(ctx, "v", l!, (v) => v) : code(ctx.helper("istrue"))]),
  chunklist: helper("chunklist"),
  coalesce: (args, ctx) => {
    // Literals: the answer is known now.
    if (args.length && args.every((a) => !a.spread && a.expr.kind === "literal")) {
      const found = args.find((a) => literal(a) !== null && literal(a) !== "");
      const mixedTypes = new Set(args.map((a) => typeof literal(a))).size > 1;
      if (found) return mixedTypes ? code(JSON.stringify(String(literal(found)))) : found.print();
    }
    // Strings only: `a || b` skips null and "" as Terraform's coalesce() does.
    if (args.length > 1 && args.every((a) => !a.spread && typed(a, "string") && a.expr.kind !== "literal")) return args.map((a) => a.print()).reduce((x, y) => binary("||", x, y));
    // Mixed types: Terraform converts every argument to a string.
    const mixed = new Set(args.map((a) => a.type.k)).size > 1 && args.every((a) => scalar(a.type) || a.type.k === "null");
    const printed = args.map((a) => (mixed && !a.spread && (a.type.k === "number" || a.type.k === "bool") ? (literal(a) !== undefined ? code(JSON.stringify(String(literal(a)))) : call("String", [a.print()])) : undefined));
    return code(`${ctx.helper("coalesce")}(${args.map((a, i) => (printed[i] ? printed[i]!.text : spreadable(a))).join(", ")})`);
  },
  coalescelist: helper("coalescelist"),
  // Elements that may be absent: a type predicate, so that the list's type loses the null and
  // undefined it drops (TypeScript infers none for a test that also drops "").
  compact: ([l], ctx) =>
    elementOf(l!.type).k === "string"
      ? method(l!.print(), "filter", [lambda(ctx, "v", l!, (v) => v)])
      : method(l!.print(), "filter", [lambda(ctx, "v", l!, (v) => `${v} !== undefined && ${v} !== null && ${v} !== ""`, PREC.and, (v) => `${v} is NonNullable<typeof ${v}>`)]),
  concat: (args) => concat(args),
  list: (args) => concat(args.map((a) => (a.spread ? a : { ...a, expr: { kind: "list", items: [a.expr] }, print: () => code(`[${arg(a.print())}]`) }))),
  contains: ([l, v], ctx) => {
    if (scalar(elementOf(l!.type)) || scalar(v!.type)) return method(l!.print(), "includes", [v!.print()]);
    ctx.use("util");
    return method(l!.print(), "some", [lambda(ctx, "x", l!, (x) => `util.isDeepStrictEqual(${x}, ${arg(v!.print())})`)]);
  },
  distinct: ([l], ctx) => (scalar(elementOf(l!.type)) ? code(`[...new Set(${arg(l!.print())})]`) : call(ctx.helper("distinct"), [l!.print()])),
  element: helper("element"),
  flatten: ([l], ctx, e) => {
    const t = elementOf(flatType(l!.type));
    const generic = t.k === "any" ? "" : `<${tsType(t)}>`;
    void e;
    return code(`${ctx.helper("flatten")}${generic}(${arg(l!.print())})`);
  },
  index: helper("index"),
  keys: ([m]) => method(call("Object.keys", [m!.print()]), "sort"),
  length: ([x], ctx) => {
    if (isList(x)) return code(`${primary(x!.print())}.length`);
    if (isMap(x)) return code(`${primary(call("Object.keys", [x!.print()]))}.length`);
    return call(ctx.helper("length"), [x!.print()]);
  },
  lookup: ([m, given, d], ctx) => {
    const written = literal(given);
    if (written === null || !given) {
      // Terraform's key is a string that must not be null: it fails where the call is evaluated (a dynamic block with no entries never is).
      ctx.warn(`lookup() is given ${!given ? "no key" : "a null key"}, which Terraform rejects where the call is evaluated (its key is a string, never null)`);
      return undefined;
    }
    // A bool key is converted to the string Terraform makes of it.
    const key = typeof written === "boolean" ? String(written) : written;
    const k = typeof written === "boolean" ? { print: () => code(JSON.stringify(key)) } : given;
    // An object type declares its keys: another one is read as a map's.
    const declared = m!.type.k !== "object" || (typeof key === "string" && key in m!.type.fields);
    const base = declared ? primary(m!.print()) : `(${m!.print().text} as Record<string, any>)`;
    // A map that may be absent (an optional resource attribute) is read through `?.`.
    const q = m!.optional ? "?." : "";
    const read = code(`${base}${declared && typeof key === "string" && /^[A-Za-z_$][\w$]*$/.test(key) ? `${q || "."}${key}` : `${q}[${k!.print().text}]`}`);
    return d ? binary("??", read, d.print()) : read;
  },
  map: (args) => {
    const lines: string[] = [];
    for (let i = 0; i + 1 < args.length; i += 2) lines.push(`[${args[i]!.print().text}]: ${arg(args[i + 1]!.print())},`);
    return code(`{\n${lines.join("\n")}\n}`);
  },
  matchkeys: helper("matchkeys"),
  merge: (args, ctx) => {
    if (args.some((a) => a.spread)) return call("Object.assign", [code("{}"), ...args.map((a) => code(spreadable(a)))]);
    // Literal objects merge in place, a later key replacing an earlier one where it stood.
    const entries: (ObjectEntry & { spread?: boolean })[] = [];
    for (const a of args) {
      if (a.expr.kind !== "object" || a.expr.entries.some((en) => typeof en.key !== "string")) {
        entries.push({ key: "", value: a.expr, spread: true });
        continue;
      }
      for (const en of a.expr.entries) {
        const at = entries.findIndex((x) => !x.spread && x.key === en.key && !entries.slice(entries.indexOf(x) + 1).some((y) => y.spread));
        if (at >= 0) entries[at] = en;
        else entries.push(en);
      }
    }
    return ctx.object(entries);
  },
  one: helper("one"),
  range: helper("range"),
  reverse: ([l]) => method(code(`[...${arg(l!.print())}]`), "reverse"),
  setintersection: helper("setintersection"),
  setproduct: helper("setproduct"),
  setsubtract: helper("setsubtract"),
  setunion: (args, ctx) => (args.every((a) => !a.spread && elementOf(a.type).k === "string") ? method(code(`[...new Set([${args.map((a) => `...${arg(a.print())}`).join(", ")}])]`), "sort") : helper("setunion")(args, ctx, undefined as never)),
  slice: ([l, from, to]) => method(l!.print(), "slice", [from!.print(), to!.print()]),
  sort: ([l]) => method(code(`[...${arg(l!.print())}]`), "sort"),
  sum: ([l], ctx) => {
    const [a, b] = [ctx.fresh("a"), ctx.fresh("b")];
    return method(l!.print(), "reduce", [arrow(`${param(a, l)}, ${param(b, l)}`, code(`${a} + ${b}`, PREC.add))]);
  },
  transpose: helper("transpose"),
  values: helper("values"),
  zipmap: ([k, v], ctx) => {
    const [key, i] = [ctx.fresh("key"), ctx.fresh("i")];
    const untyped = param(key, k) !== key;
    return call("Object.fromEntries", [method(k!.print(), "map", [arrow(`${param(key, k)}, ${untyped ? `${i}: number` : i}`, code(`[${key}, ${primary(v!.print())}[${i}]]`))])]);
  },
  tolist: ([l], ctx) => {
    if (l!.expr.kind === "list" || scalar(elementOf(l!.type)) || elementOf(l!.type).k !== "any") return mixedLiteral(l!, ctx) ?? l!.print();
    return call(ctx.helper("tolist"), [l!.print()]);
  },
  tomap: ([m], ctx) => (m!.type.k === "map" ? m!.print() : call(ctx.helper("tomap"), [m!.print()])),
  toset: ([l], ctx) => (elementOf(l!.type).k === "string" ? method(code(`[...new Set(${arg(mixedLiteral(l!, ctx) ?? l!.print())})]`), "sort") : call(ctx.helper("toset"), [l!.print()])),
};

/** A literal list of mixed primitive types: Terraform makes every element a string. */
function mixedLiteral(l: FnArg, ctx: FnContext): Code | undefined {
  if (l.expr.kind !== "list") return undefined;
  const items = l.expr.items;
  const kinds = new Set(items.map((x) => (x.kind === "literal" ? typeof x.value : "other")));
  if (kinds.size <= 1 || kinds.has("other") || kinds.has("object")) return undefined;
  return code(`[${items.map((x) => (x.kind === "literal" && x.value !== null ? JSON.stringify(String(x.value)) : arg(ctx.print(x)))).join(", ")}]`);
}

function flatType(t: Type): Type {
  return t.k === "list" && (t.of.k === "list" || t.of.k === "tuple") ? flatType(t.of) : t.k === "tuple" ? { k: "list", of: t.of.map(flatType).map(elementOf)[0] ?? { k: "any" } } : t;
}

export { conditional };
