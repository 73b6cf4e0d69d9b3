/**
 * `for` expressions: over a list `.map`/`.filter` (a filtered list whose index is read is one
 * `flatMap`), over a map its entries, map-making ones `Object.fromEntries` of pairs (or the
 * `group` helper for `...` grouping); loops that change nothing print as their collection.
 */
import type { Expr, ForExpr } from "../../model/expr.js";
import { camelCase, NameScope } from "../../model/names.js";
import { isOutputType, iteration, required, unwrap } from "../../typing/types.js";
import { arg, arrow, call, code, conditional, method, primary, type Code } from "./code.js";
import { withLocals } from "./env.js";
import { ExprPrinter } from "./expr.js";
import { refersTo } from "./lift.js";

/** What a `for` expression iterates and how its lambdas are written. */
function forSource(p: ExprPrinter, e: ForExpr): { inner: ExprPrinter; source: Code; params: string; map: boolean; indexed: boolean } {
  const t = p.type(e.collection);
  const it = iteration(t);
  const scope = new NameScope(p.env.scope);
  const mentions = (name: string | undefined) => name !== undefined && [e.value, e.key, e.condition].some((x) => x !== undefined && refersTo(x, name));
  const v = scope.claim(camelCase(e.valueVar));
  // A set's key is its value.
  const k = mentions(e.keyVar) && e.keyVar ? (it.kind === "set" ? v : scope.claim(camelCase(e.keyVar))) : undefined;
  const inner = new ExprPrinter(withLocals(p.env, { [e.valueVar]: v, ...(e.keyVar && k ? { [e.keyVar]: k } : {}) }, p.env.types.forScope(e, p.env.scopeTypes), scope), p.subst, p.asserting);
  let coll = p.print(e.collection);
  // Terraform fails on a null collection; so does the program, at the same place.
  if (p.type(e.collection).k === "opt" && !isOutputType(t)) coll = code(`${primary(coll)}!`);
  // Elements of unknown type are typed `any` on purpose (TypeScript would say `unknown`).
  const untyped = it.kind === "any" || required(unwrap(it.value)).k === "any";
  const map = it.kind === "map";
  // `Object.entries<any>`: the values of a map of unknown type are `any` (TypeScript says `unknown`).
  const anyArg = untyped ? "<any>" : "";
  if (map || (it.kind === "any" && k)) {
    const source = it.kind === "any" || e.key ? call(`Object.entries${anyArg}`, [coll]) : call(p.env.program.helper("entries"), [coll]);
    return { inner, source, params: `[${k ?? "_"}, ${v}]`, map, indexed: false };
  }
  if (it.kind === "any") return { inner, source: call(`Object.values${anyArg}`, [coll]), params: v, map, indexed: false };
  const typed = (x: string, t = "any") => (untyped ? `${x}: ${t}` : x);
  return { inner, source: coll, params: k ? (it.kind === "set" ? typed(v) : `${typed(v)}, ${typed(k, "number")}`) : typed(v), map, indexed: k !== undefined && it.kind !== "set" };
}

export function forExpr(p: ExprPrinter, e: ForExpr): Code {
  const { inner, source, params, map, indexed } = forSource(p, e);
  // A list's index after a filter is not the index Terraform means: filter and map in one pass.
  if (e.condition && indexed && !e.key) {
    const body = conditional(inner.print(e.condition), code(`[${arg(inner.print(e.value))}]`), code("[]"));
    return method(source, "flatMap", [arrow(params, body)]);
  }
  const filter = e.condition ? method(source, "filter", [arrow(params, inner.print(e.condition))]) : source;
  if (e.key) {
    const identity = refersOnlyTo(e.key, e.keyVar) && refersOnlyTo(e.value, e.valueVar) && map && !e.grouped;
    if (identity && !e.condition) return p.print(e.collection);
    const pairs = forPairs(p, e);
    return e.grouped ? call(p.env.program.helper("group"), [pairs]) : call("Object.fromEntries", [pairs]);
  }
  if (refersOnlyTo(e.value, e.valueVar) && !map && p.type(e.collection).k !== "any") return filter;
  return method(filter, "map", [arrow(params, inner.print(e.value))]);
}

/**
 * The `[key, value]` pairs a map-making `for` expression makes; `tuples` types each pair as a
 * tuple (`as const`), as a loop that destructures them needs.
 */
export function forPairs(p: ExprPrinter, e: ForExpr, tuples = false): Code {
  const { inner, source, params, map } = forSource(p, e);
  const filter = e.condition ? method(source, "filter", [arrow(params, inner.print(e.condition))]) : source;
  if (refersOnlyTo(e.key!, e.keyVar) && refersOnlyTo(e.value, e.valueVar) && map) return filter;
  // Terraform's object keys are strings: a list's index (or another number, or a bool) as a key is its text.
  const keyType = required(unwrap(inner.type(e.key!))).k;
  const key = keyType === "number" || keyType === "bool" ? call("String", [inner.print(e.key!)]) : inner.print(e.key!);
  return method(filter, "map", [arrow(params, code(`[${arg(key)}, ${arg(inner.print(e.value))}]${tuples ? " as const" : ""}`))]);
}

/** Whether `e` is exactly the loop variable `name`. */
function refersOnlyTo(e: Expr, name: string | undefined): boolean {
  return name !== undefined && e.kind === "ref" && e.target.kind === "scope" && e.target.name === name && e.path.length === 0;
}
