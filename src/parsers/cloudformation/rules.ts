/**
 * A template's `Rules`: each assertion over the parameters becomes a check of the program's
 * config, `if (!(assert)) throw new Error("rule <Name>: <AssertDescription>")`, under the rule's
 * `RuleCondition` when it has one; CloudFormation refuses the stack the same way before anything
 * is created. A check is made part of the parameter read last among those it reads (so that every
 * value it reads is known there). The rule functions `Fn::Contains`, `Fn::EachMemberEquals` and
 * `Fn::EachMemberIn` convert (intrinsics.ts); a rule that reads `Fn::ValueOf`, `Fn::ValueOfAll`
 * or `Fn::RefAll` (attributes CloudFormation looks up in the account) or no parameter at all is
 * a located warning. The CDK's `CheckBootstrapVersion` rule and its `BootstrapVersion`
 * parameter, which check the CDK's own deployment machinery, are left out.
 */
import { diagnostic, type Diagnostic } from "../../model/diagnostics.js";
import type { Expr } from "../../model/expr.js";
import type { Location } from "../../model/location.js";
import type { Validation } from "../../model/program.js";
import { isObj, type Obj } from "./obj.js";

export interface RuleChecks {
  /** Parameter name → the checks it carries. */
  readonly byParameter: ReadonlyMap<string, readonly Validation[]>;
  /** Parameters left out with the rule that reads them (the CDK's bootstrap version). */
  readonly leftOut: ReadonlySet<string>;
}

const LOOKUPS = ["Fn::ValueOf", "Fn::ValueOfAll", "Fn::RefAll"];

/** Whether `v` holds a call to one of `names`. */
function uses(v: unknown, names: readonly string[]): string | undefined {
  if (Array.isArray(v)) return v.map((x) => uses(x, names)).find(Boolean);
  if (!isObj(v)) return undefined;
  for (const [k, x] of Object.entries(v)) {
    if (names.includes(k)) return k;
    const inner = uses(x, names);
    if (inner) return inner;
  }
  return undefined;
}

/** The parameters an expression reads. */
function variablesOf(e: Expr, out = new Set<string>()): Set<string> {
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (isObj(x)) {
      if (x.kind === "ref" && isObj(x.target) && x.target.kind === "variable" && typeof x.target.name === "string") out.add(x.target.name);
      Object.values(x).forEach(walk);
    }
  };
  walk(e);
  return out;
}

/** The CDK's check of its bootstrap stack's version, over the parameter it reads from SSM. */
function isCdkBootstrapCheck(name: string, parameters: Obj): boolean {
  const p = parameters.BootstrapVersion;
  return name === "CheckBootstrapVersion" && isObj(p) && typeof p.Description === "string" && p.Description.includes("[cdk:skip]");
}

export function ruleChecks(section: unknown, parameters: Obj, lower: (v: unknown, path: readonly string[]) => Expr, locate: (path: readonly string[]) => Location, diags: Diagnostic[]): RuleChecks {
  const byParameter = new Map<string, Validation[]>();
  const leftOut = new Set<string>();
  if (section === undefined) return { byParameter, leftOut };
  if (!isObj(section)) {
    diags.push(diagnostic("PG1003", "error", "Rules must be a mapping", locate(["Rules"])));
    return { byParameter, leftOut };
  }
  const order = Object.keys(parameters);
  for (const [name, rule] of Object.entries(section)) {
    const at = ["Rules", name];
    if (isCdkBootstrapCheck(name, parameters)) {
      diags.push(diagnostic("PG2010", "info", `rule ${name} and parameter BootstrapVersion check the CDK's bootstrap stack, which a Pulumi program does not use: they are left out`, locate(at)));
      leftOut.add("BootstrapVersion");
      continue;
    }
    if (!isObj(rule) || !Array.isArray(rule.Assertions)) {
      diags.push(diagnostic("PG1003", "error", `rule ${name} needs a list of Assertions`, locate(at)));
      continue;
    }
    const lookup = uses(rule, LOOKUPS);
    if (lookup) {
      diags.push(diagnostic("PG2004", "warning", `rule ${name} is not converted: ${lookup} reads an attribute CloudFormation looks up in the account (a VPC's CIDR, a key pair's name…); check it with a Pulumi invoke`, locate(at)));
      continue;
    }
    const when = rule.RuleCondition === undefined ? undefined : lower(rule.RuleCondition, [...at, "RuleCondition"]);
    rule.Assertions.forEach((a, i) => {
      const path = [...at, "Assertions", String(i)];
      if (!isObj(a) || a.Assert === undefined) {
        diags.push(diagnostic("PG1003", "error", `rule ${name}: assertion ${i + 1} needs an Assert`, locate(path)));
        return;
      }
      const assert = lower(a.Assert, [...path, "Assert"]);
      const condition: Expr = when ? { kind: "binary", op: "||", left: { kind: "unary", op: "!", operand: when }, right: assert } : assert;
      const reads = variablesOf(condition);
      const fromSsm = [...reads].find((p) => isObj(parameters[p]) && String((parameters[p] as Obj).Type).startsWith("AWS::SSM::Parameter::Value"));
      if (fromSsm) {
        diags.push(diagnostic("PG2004", "warning", `rule ${name}: assertion ${i + 1} reads ${fromSsm}, whose value the program reads from SSM when it runs (an Output), so it is not converted`, locate(path)));
        return;
      }
      const last = order.filter((p) => reads.has(p)).at(-1);
      if (!last) {
        diags.push(diagnostic("PG2004", "warning", `rule ${name}: assertion ${i + 1} reads no parameter (only values known when the stack deploys), so it is not converted`, locate(path)));
        return;
      }
      const description = typeof a.AssertDescription === "string" ? a.AssertDescription : `assertion ${i + 1} failed`;
      const checks = byParameter.get(last) ?? [];
      checks.push({ condition, message: { kind: "literal", value: description }, subject: `rule ${name}`, loc: locate(path) });
      byParameter.set(last, checks);
    });
  }
  return { byParameter, leftOut };
}
