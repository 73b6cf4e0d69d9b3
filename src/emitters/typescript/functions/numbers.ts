/** Terraform's numeric and type-conversion functions (see ./index.ts). */
import { arrow, binary, call, code, conditional, method, PREC, unary } from "../code.js";
import { stringLiteral } from "../escape.js";
import { helper, literal, spreadable, typed, type FnArg, type FnContext, type FnPrinter } from "./shared.js";
import { joinAll, required, unwrap } from "../../../typing/types.js";

const math = (name: string): FnPrinter => (args) => code(`Math.${name}(${args.map(spreadable).join(", ")})`);

/**
 * A closure of each alternative, for try() and can(): `() => value`, reads through absent values
 * asserted present (they throw, and the helper catches it). Where some alternatives are outputs
 * (an indexed output, which try() is not lifted over), the plain ones are made outputs too, so
 * that all have one type.
 */
const thunks = (args: readonly FnArg[], ctx: FnContext) => {
  const outs = args.some((a) => a.out);
  return args.map((a) => arrow("", outs && !a.out ? call("pulumi.output", [ctx.printAsserting(a.expr)]) : ctx.printAsserting(a.expr)));
};

export const NUMBER_FUNCTIONS: Readonly<Record<string, FnPrinter>> = {
  abs: math("abs"),
  ceil: math("ceil"),
  floor: math("floor"),
  max: math("max"),
  min: math("min"),
  signum: math("sign"),
  log: ([x, base]) => binary("/", call("Math.log", [x!.print()]), call("Math.log", [base!.print()])),
  pow: ([x, y]) => binary("**", x!.print(), y!.print()),
  parseint: helper("parseint"),
  // Conversions: what the converter inserted where Terraform converts implicitly prints plainly.
  tostring: ([v], ctx, e) => {
    if (v!.expr.kind === "literal" && v!.expr.value !== null && typeof v!.expr.value !== "object") return code(stringLiteral(String(v!.expr.value)));
    if (typed(v, "string")) return v!.print();
    if (typed(v, "number", "bool")) return call("String", [v!.print()]);
    if (e.implicit) return call("String", [v!.print()]);
    return call(ctx.helper("tostring"), [v!.print()]);
  },
  tonumber: ([v], ctx, e) => {
    const value = literal(v);
    if (typeof value === "string" && /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value)) return code(String(Number(value)), Number(value) < 0 ? PREC.unary : PREC.number);
    if (typed(v, "number")) return v!.print();
    if (e.implicit) return call("Number", [v!.print()]);
    return call(ctx.helper("tonumber"), [v!.print()]);
  },
  tobool: ([v], ctx, e) => {
    const value = literal(v);
    if (value === "true" || value === "false") return code(value);
    if (typed(v, "bool")) return v!.print();
    if (e.implicit) return binary("===", v!.print(), code('"true"'));
    return call(ctx.helper("tobool"), [v!.print()]);
  },
  // `try(x, null)`: null is a value, not a failure, so it is given as `null` (an `undefined`
  // answer means a missing attribute to the helper) and read back as the absent value.
  // Alternatives of kinds that have no common type (an object, else a string: Terraform's try answers whichever
  // succeeds, as it is) are typed `any`, as Terraform types the result dynamically.
  try: (args, ctx) => {
    const last = args[args.length - 1];
    const types = args.map((a) => required(unwrap(a.type)));
    // Scalars of different kinds too (`try(tonumber(x), "n/a")`): Terraform answers the number or the string as it is.
    const mixedScalars = types.every((t) => t.k === "string" || t.k === "number" || t.k === "bool") && new Set(types.map((t) => t.k)).size > 1;
    const fn = types.every((t) => t.k !== "any") && (joinAll(types).k === "any" || mixedScalars) ? `${ctx.helper("tryValues")}<any>` : ctx.helper("tryValues");
    if (args.length < 2 || last?.expr.kind !== "literal" || last.expr.value !== null) return call(fn, thunks(args, ctx));
    return binary("??", call(fn, [...thunks(args.slice(0, -1), ctx), arrow("", code("null"))]), code("undefined"));
  },
  can: ([v], ctx) => call(ctx.helper("can"), thunks([v!], ctx)),
  sensitive: ([v]) => call("pulumi.secret", [v!.print()]),
  nonsensitive: ([v]) => call("pulumi.unsecret", [v!.out ? v!.print() : call("pulumi.output", [v!.print()])]),
  issensitive: ([v]) => (v!.out ? call("pulumi.output", [call("pulumi.isSecret", [call("pulumi.output", [v!.print()])])]) : code("false")),
  // Pulumi has no ephemeral values: the value is what it is.
  ephemeralasnull: ([v]) => v!.print(),
};

export { conditional, method, unary };
