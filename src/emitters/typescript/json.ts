/**
 * `jsonencode(x)` and CloudFormation's `Fn::ToJsonString` printed: `JSON.stringify` (or
 * `pulumi.jsonStringify` over Outputs) where the text is known to be what Terraform writes, the
 * sorting helper where it is not.
 */
import { diagnostic } from "../../model/diagnostics.js";
import type { Expr } from "../../model/expr.js";
import { required, type Type } from "../../typing/types.js";
import { call, code, method, type Code } from "./code.js";
import type { ExprPrinter } from "./expr.js";

/**
 * `jsonencode(x)`: where the keys of every object in `x` are known, they are sorted here (as
 * Terraform encodes them) and the value is `JSON.stringify`, or `pulumi.jsonStringify` over
 * outputs; maps known only when the program runs go through the sorting helper.
 * `tojsonstring` (CloudFormation's `Fn::ToJsonString`) keeps the template's order.
 */
export function jsonCall(p: ExprPrinter, e: Extract<Expr, { kind: "call" }>): Code {
  const value = e.args[0];
  if (!value) return p.placeholder(`${e.name}()`);
  // A resource itself (`jsonencode(aws_sqs_queue.q)`): in Pulumi an object of Outputs, which JSON does not show.
  const whole = required(p.type(value));
  if (whole.k === "resource" || whole.k === "component" || (whole.k === "list" && (whole.of.k === "resource" || whole.of.k === "component"))) {
    p.env.diags.push(diagnostic("PG2006", "warning", `${e.name} of a whole resource: in Pulumi its attributes are Outputs, which JSON does not show; encode the attributes it needs (${e.name}({ arn = x.arn, … }))`, p.loc));
  }
  const terraform = e.name === "jsonencode";
  if (!terraform || staticJson(p, value)) {
    const v = terraform ? sortKeys(value) : value;
    return call(p.isOut(value) ? "pulumi.jsonStringify" : "JSON.stringify", [p.print(v)]);
  }
  const fn = p.env.program.helper("jsonencode");
  return p.isOut(value) ? method(call("pulumi.output", [p.print(value)]), "apply", [code(fn)]) : call(fn, [p.print(value)]);
}

/** Whether every object in the value has its keys written out, and no literal text needs Terraform's escapes. */
function staticJson(p: ExprPrinter, e: Expr): boolean {
  switch (e.kind) {
    case "literal":
      return typeof e.value !== "string" || !/[<>&\u2028\u2029]/.test(e.value);
    case "list":
      return e.items.every((x) => staticJson(p, x));
    case "object":
      return e.entries.every((en) => typeof en.key === "string" && !en.key.startsWith("// ") && staticJson(p, en.value));
    case "template":
      return e.parts.every((part) => (typeof part === "string" ? !/[<>&\u2028\u2029]/.test(part) : staticJson(p, part)));
    default: {
      const t = p.plainType(e);
      const scalarOrList = (x: Type): boolean => ["string", "number", "bool", "null"].includes(x.k) || ((x.k === "list" || x.k === "opt") && scalarOrList(x.of));
      return scalarOrList(t);
    }
  }
}

/** An object value with its keys in Terraform's (sorted) order, all the way down. */
function sortKeys(e: Expr): Expr {
  if (e.kind === "list") return { ...e, items: e.items.map(sortKeys) };
  if (e.kind !== "object") return e;
  const entries = e.entries.map((en) => ({ ...en, value: sortKeys(en.value) }));
  return { ...e, entries: [...entries].sort((a, b) => (String(a.key) < String(b.key) ? -1 : String(a.key) > String(b.key) ? 1 : 0)) };
}
