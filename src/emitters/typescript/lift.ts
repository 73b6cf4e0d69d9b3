/**
 * An operation that needs the values of outputs, lifted: its output leaves become the
 * parameters of one `.apply` (one leaf) or `pulumi.all([…]).apply` (several), and the operation
 * prints inside over plain values; and which calls are lifted (try() and can() with care).
 */
import { diagnostic } from "../../model/diagnostics.js";
import { childrenOf, walkExpr, type Expr } from "../../model/expr.js";
import { camelCase, NameScope } from "../../model/names.js";
import { arg, arrow, call, code, method, type Code } from "./code.js";
import { ExprPrinter } from "./expr.js";
import { helperNames } from "./helpers/index.js";
import { SIGNATURES } from "../../typing/functions.js";

/** Calls whose value is an Output whatever their arguments (`pulumi.secret`, inline invokes). */
export function outputCall(e: Extract<Expr, { kind: "call" }>): boolean {
  if (e.name === "sensitive" || e.name === "nonsensitive" || e.name === "issensitive") return true;
  return (e.name.startsWith("aws.") || e.name.startsWith("aws_native.")) && e.name.endsWith("Output");
}

/**
 * Prints an operation over outputs lifted: `x.apply((v) => …)` or
 * `pulumi.all([a, b]).apply(([a, b]) => …)`, the operation printed inside over plain values.
 */
export function liftExpr(p: ExprPrinter, e: Expr): Code {
  const leaves: Expr[] = [];
  const codes: string[] = [];
  const param = new Map<Expr, number>();
  const isLeaf = (x: Expr): boolean =>
    (x.kind === "ref" && !x.path.some((a) => a.kind === "index" && p.isOut(a.key))) ||
    (x.kind === "splat" && !p.isOutputValue(x.source)) ||
    (x.kind === "call" && (outputCall(x) || (x.name.includes(".") && !x.name.startsWith("new "))));
  // A `for` whose body reads outputs of its own loop variables (`[for m in x : m.id]`) is a
  // plain collection of outputs: it is a leaf, resolved whole (`pulumi.output([...])`).
  const readsOwnOutputs = (x: Extract<Expr, { kind: "for" }>): boolean => {
    const own = [x.valueVar, ...(x.keyVar ? [x.keyVar] : [])];
    let found = false;
    for (const c of [x.key, x.value, x.condition]) {
      if (c) walkExpr(c, (y) => void (found ||= isLeaf(y) && p.isOut(y) && own.some((v) => refersTo(y, v))));
    }
    return found;
  };
  const collect = (x: Expr, bound: ReadonlySet<string>): void => {
    if (!p.isOut(x)) return;
    const leaf = isLeaf(x) || (x.kind === "for" && readsOwnOutputs(x));
    if (leaf) {
      // A leaf that reads a loop variable of a `for` inside `e` cannot move out of its loop.
      if ([...bound].some((b) => refersTo(x, b))) return;
      const text = new ExprPrinter(p.env, p.subst).print(x).text;
      let i = codes.indexOf(text);
      if (i < 0) i = codes.push(text) - 1, leaves.push(x);
      param.set(x, i);
      return;
    }
    if (x.kind === "for") {
      collect(x.collection, bound);
      const inner = new Set([...bound, x.valueVar, ...(x.keyVar ? [x.keyVar] : [])]);
      for (const c of [x.key, x.value, x.condition]) if (c) collect(c, inner);
      return;
    }
    childrenOf(x).forEach((c) => collect(c, bound));
  };
  collect(e, new Set());
  if (leaves.length === 0) {
    p.env.diags.push(diagnostic("PG2006", "warning", "an expression over values known only after deployment could not be converted", p.env.loc));
    return p.placeholder("expression over outputs");
  }
  // Parameters may shadow outer names the body does not read (`east.apply((east) => …)`).
  const forbidden = new Set<string>([...p.env.locals.values(), ...helperNames()]);
  walkExpr(e, (x) => {
    if (x.kind === "ref" && x.target.kind === "decl") {
      const n = p.env.names.get(x.target.id);
      if (n !== undefined && !leaves.some((l) => l.kind === "ref" && l.target.kind === "decl" && l.target.id === (x.target as { id: string }).id && l.path.length === 0)) forbidden.add(n);
    }
  });
  const scope = new NameScope(p.env.scope);
  const names = leaves.map((l) => scope.claimShadowing(paramName(l, p.env.names), forbidden));
  const subst = new Map(p.subst);
  for (const [x, i] of param) subst.set(x, names[i]!);
  const inner = new ExprPrinter({ ...p.env, scope }, subst, p.asserting);
  let body = inner.print(e);
  // What is left holds outputs a loop variable reads: the lambda returns them resolved.
  if (inner.isOut(e)) body = call("pulumi.output", [body]);
  const sources = leaves.map((l) => {
    const c = new ExprPrinter(p.env, p.subst).print(l);
    return p.isOutputValue(l) && l.kind !== "splat" ? c : call("pulumi.output", [c]);
  });
  if (leaves.length === 1) return method(sources[0]!, "apply", [arrow(names[0]!, body)]);
  return method(call("pulumi.all", [code(`[${sources.map(arg).join(", ")}]`)]), "apply", [arrow(`[${names.join(", ")}]`, body)]);
}

/** Whether a call prints lifted over its outputs (a function over plain values), or as it is. */
export function needsLift(p: ExprPrinter, e: Extract<Expr, { kind: "call" }>): boolean {
  if (outputCall(e)) return false;
  if (e.name.startsWith("new ")) return e.name.startsWith("new pulumi.asset.") && e.args.some((a) => p.isOut(a));
  if (e.name.includes(".")) return false;
  const mode = SIGNATURES[e.name]?.outputs ?? "lift";
  if (mode === "structural") return e.args.some((a) => p.isOutputValue(a));
  // try()/can() over an indexed output (`try(aws_x.y[5].id, null)`): the index is what may
  // fail, and lifting would read it outside the alternative that catches it. The alternatives
  // stay as written, outputs and all.
  if ((e.name === "try" || e.name === "can") && e.args.some((a) => indexesOutput(p, a))) return false;
  return e.args.some((a) => p.isOut(a));
}

/**
 * try()/can() over an indexed output whose alternative also calls a function over outputs
 * (`can(regex("^10\\.", aws_vpc.x[0].cidr_block))`): the index may fail where it is read, and the
 * function inside the `.apply` that gives it its value, where no closure around the output can
 * catch it. Both are caught by {@link guardedLift}.
 */
export function failsInsideApply(p: ExprPrinter, e: Extract<Expr, { kind: "call" }>): boolean {
  if ((e.name !== "try" && e.name !== "can") || !e.args.some((a) => indexesOutput(p, a))) return false;
  let found = false;
  for (const a of e.args) walkExpr(a, (x) => void (found ||= x.kind === "call" && x !== e && !outputCall(x) && needsLift(p, x)));
  return found;
}

/**
 * try()/can() lifted over its outputs, so that the function fails inside the try (`x.apply((v) =>
 * can(() => regex(…, v)))`), in a try of its own for the index: one that fails where it is read
 * goes on to the other alternatives (for can(), `false`), outputs too so that all have one type.
 */
export function guardedLift(p: ExprPrinter, e: Extract<Expr, { kind: "call" }>): Code {
  const wrap = (a: Expr) => arrow("", p.isOut(a) ? p.printAsserting(a) : call("pulumi.output", [p.printAsserting(a)]));
  const others = e.name === "can" ? [arrow("", call("pulumi.output", [code("false")]))] : e.args.slice(1).map(wrap);
  return call(p.env.program.helper("tryValues"), [arrow("", liftExpr(p, e)), ...others]);
}

/** Whether `e` reads an output through an index (`x[5].id`, `x["k"].arn`), which fails when the element is not there. */
function indexesOutput(p: ExprPrinter, e: Expr): boolean {
  let found = false;
  walkExpr(e, (x) => void (found ||= x.kind === "ref" && x.target.kind === "decl" && x.path.some((a) => a.kind === "index") && p.isOut(x)));
  return found;
}

/** A lambda parameter's name: the last attribute the leaf reads (`api.name` → `name`). */
function paramName(e: Expr, names: ReadonlyMap<string, string>): string {
  if (e.kind === "ref") {
    const attrs = e.path.filter((a): a is { kind: "attr"; name: string } => a.kind === "attr");
    const last = attrs[attrs.length - 1];
    if (last) return camelCase(last.name);
    if (e.target.kind === "decl" && e.path.length === 0) return names.get(e.target.id) ?? "value";
  }
  // `[for m in x : m.id]` → `ids`.
  if (e.kind === "for" && !e.key && e.value.kind === "ref") {
    const last = e.value.path.at(-1);
    if (last?.kind === "attr") return camelCase(last.name) + "s";
  }
  if (e.kind === "splat") {
    const attrs = e.each.filter((a): a is { kind: "attr"; name: string } => a.kind === "attr");
    const last = attrs[attrs.length - 1];
    if (last) return camelCase(last.name) + "s";
  }
  return "value";
}

/** Whether `e` reads the loop variable `name`. */
export function refersTo(e: Expr, name: string): boolean {
  let found = false;
  walkExpr(e, (x) => {
    if (x.kind === "ref" && x.target.kind === "scope" && x.target.name === name) found = true;
  });
  return found;
}
