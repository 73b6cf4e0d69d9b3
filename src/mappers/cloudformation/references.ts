/**
 * Resolves the references of a CloudFormation template into references to declarations of the
 * Pulumi program: `Ref`/`Fn::GetAtt` per resource type (`Ref` of a RestApi → `.id`, of a Lambda
 * function → `.name`, `GetAtt Api.RootResourceId` → `.rootResourceId`), parameters, mappings and
 * conditions. Pseudo parameters, `Fn::GetAZs` and `Fn::ImportValue` become invokes declared once
 * (`aws.getRegionOutput()`, `aws.cloudformation.getExportOutput(…)`), shared by every use.
 */
import { ACCOUNT_FACTS, type AccountFact } from "../account-facts.js";
import { diagnostic, type Diagnostic } from "../../model/diagnostics.js";
import { rewriteExpr, type Accessor, type Expr } from "../../model/expr.js";
import type { Location } from "../../model/location.js";
import type { Decl } from "../../model/pulumi.js";
import { camel, snake } from "../../model/names.js";
import type { Target } from "./types.js";
import type { PlanOfStage } from "./api-keys.js";
import { withDynamicReferences } from "./dynamic-refs.js";
import type { NestedStackInterface } from "./nested.js";

export interface ResourceInfo {
  /** The declaration `Ref` and `Fn::GetAtt` read. */
  readonly declId: string;
  readonly target: Target;
  /** Created under a `Condition`: the declaration may be undefined. */
  readonly conditional: boolean;
  /** Every declaration the resource became, for `DependsOn`. */
  readonly parts: readonly string[];
  /** A nested stack converted with the template: the interface of the component its template became. */
  readonly stack?: NestedStackInterface;
}

export interface CfnTable {
  /** Parameter name → declaration id (the SSM invoke for an SSM parameter type). */
  readonly parameters: ReadonlyMap<string, { readonly declId: string; readonly ssm?: { readonly list: boolean } }>;
  readonly resources: ReadonlyMap<string, ResourceInfo>;
  /** Invokes made for pseudo parameters and intrinsics, by key; declared ahead of their users. */
  readonly hoisted: Map<string, Decl>;
  /** Declaration id of a String or Number parameter → its type. */
  readonly scalarTypes: ReadonlyMap<string, "string" | "number">;
  /** Declaration ids of list parameters (CommaDelimitedList, List<…>). */
  readonly lists?: ReadonlySet<string>;
  /** Mapped as part of a nested stack tree (tree/templates.ts). */
  readonly inTree?: boolean;
  /** API keys' StageKeys, each with the usage plan of the template that already gives the key its stage (api-keys.ts). */
  readonly stageKeys?: ReadonlyMap<string, readonly (PlanOfStage | undefined)[]>;
}

/** Pseudo parameters an invoke answers: the fact, and the invoke's declaration (one for the partition's two facts). */
const PSEUDO_INVOKES: Readonly<Record<string, { key: string; name: string; fact: AccountFact }>> = {
  "AWS::Region": { key: "pseudo.region", name: "currentRegion", fact: "region" },
  "AWS::AccountId": { key: "pseudo.account", name: "currentAccount", fact: "accountId" },
  "AWS::Partition": { key: "pseudo.partition", name: "currentPartition", fact: "partition" },
  "AWS::URLSuffix": { key: "pseudo.partition", name: "currentPartition", fact: "dnsSuffix" },
};

const declRef = (id: string, path: readonly Accessor[] = []): Expr => ({ kind: "ref", target: { kind: "decl", id }, path });
const attr = (name: string): Accessor => ({ kind: "attr", name });
const call = (name: string, args: Expr[] = []): Expr => ({ kind: "call", name, args });

export function rewriteCfn(e: Expr, table: CfnTable, diags: Diagnostic[], loc: Location | undefined): Expr {
  // `Fn::GetAZs` of the current region is `Fn::GetAZs ""`: no region invoke is needed for it.
  // The template's values are rewritten into the program's, not kept beside them: unchanged parts are kept as they are.
  const normal = rewriteExpr(e, (x) =>
    x.kind === "call" && x.name === "Fn::GetAZs" && x.args[0]?.kind === "ref" && x.args[0].target.kind === "pseudo" && x.args[0].target.name === "AWS::Region"
      ? { ...x, args: [{ kind: "literal", value: "" }] }
      : x,
  );
  return rewriteExpr(normal, (x) => {
    if (x.kind === "call" && (x.name === "Fn::GetAZs" || x.name === "Fn::ImportValue")) return hoistedCall(x.name, x.args[0]!, table);
    if (x.kind === "literal" || x.kind === "template") return withDynamicReferences(x, table, diags, loc);
    if (x.kind !== "ref") return x;
    const t = x.target;
    const at = x.loc ?? loc;
    switch (t.kind) {
      case "variable": {
        const p = table.parameters.get(t.name);
        if (!p) return x;
        if (p.ssm) {
          const value = declRef(p.declId, [attr("value")]);
          return p.ssm.list ? call("split", [{ kind: "literal", value: "," }, value]) : value;
        }
        return declRef(p.declId);
      }
      case "condition":
        return declRef(`cond.${t.name}`);
      case "mapping":
        return declRef(`map.${t.name}`, x.path);
      case "pseudo":
        return pseudo(t.name, table, diags, at);
      case "resource":
        return resourceRef(t.name, x.path, table, diags, at);
      default:
        return x;
    }
  });
}

function pseudo(name: string, table: CfnTable, diags: Diagnostic[], at: Location | undefined): Expr {
  const inv = PSEUDO_INVOKES[name];
  if (inv) {
    const { fn, attr: answer } = ACCOUNT_FACTS[inv.fact];
    if (!table.hoisted.has(inv.key)) {
      table.hoisted.set(inv.key, { kind: "invoke", id: inv.key, sourceName: inv.name, fn, args: { kind: "object", entries: [] }, options: {} });
    }
    return declRef(inv.key, [attr(answer)]);
  }
  switch (name) {
    case "AWS::StackName":
      return call("pulumi.getStack");
    case "AWS::StackId":
      // The fully qualified stack name is what identifies a stack in Pulumi.
      return { kind: "template", parts: [call("pulumi.getOrganization"), "/", call("pulumi.getProject"), "/", call("pulumi.getStack")] };
    case "AWS::NotificationARNs":
      diags.push(diagnostic("PG2010", "info", "AWS::NotificationARNs: Pulumi stacks have no notification topics; an empty list stands in", at));
      return { kind: "list", items: [] };
    default:
      return { kind: "unsupported", text: name, reason: "pseudo parameter" };
  }
}

/** `Fn::GetAZs` and `Fn::ImportValue`: one invoke per distinct argument. */
function hoistedCall(name: string, arg: Expr, table: CfnTable): Expr {
  const argText = JSON.stringify(arg);
  if (name === "Fn::GetAZs") {
    const region = arg.kind === "literal" && (arg.value === "" || arg.value === null) ? undefined : arg;
    const key = `azs.${region ? argText : ""}`;
    if (!table.hoisted.has(key)) {
      const args: Expr = { kind: "object", entries: region ? [{ key: "region", value: region }] : [] };
      table.hoisted.set(key, { kind: "invoke", id: key, sourceName: "availableZones", fn: "aws.getAvailabilityZonesOutput", args, options: {} });
    }
    return declRef(key, [attr("names")]);
  }
  const key = `import.${argText}`;
  if (!table.hoisted.has(key)) {
    const sourceName = arg.kind === "literal" && typeof arg.value === "string" ? `${arg.value}Export` : "importedValue";
    table.hoisted.set(key, { kind: "invoke", id: key, sourceName, fn: "aws.cloudformation.getExportOutput", args: { kind: "object", entries: [{ key: "name", value: arg }] }, options: {} });
  }
  return declRef(key, [attr("value")]);
}

function resourceRef(name: string, path: readonly Accessor[], table: CfnTable, diags: Diagnostic[], at: Location | undefined): Expr {
  const info = table.resources.get(name);
  const getAtt = path[0]?.kind === "attr" ? path[0].name : undefined;
  const what = getAtt ? `${name}.${getAtt}` : name;
  if (!info || info.target.kind === "serverless" || info.target.kind === "unknown") {
    return { kind: "unsupported", text: getAtt ? `Fn::GetAtt ${what}` : `Ref ${name}`, reason: "the resource is not converted" };
  }
  const head: Accessor[] = info.conditional ? [{ kind: "index", key: { kind: "literal", value: 0 } }] : [];
  if (info.stack) return nestedStackRef(name, getAtt, info, head, diags, at);
  const t = info.target;
  if (getAtt === undefined) {
    const prop = t.kind === "classic" ? t.curated.ref : (t.ref ?? "id");
    return declRef(info.declId, [...head, attr(prop)]);
  }
  // A custom resource's attributes are the names of its response's Data.
  if (t.kind === "native" && t.custom) return declRef(info.declId, [...head, attr("data"), { kind: "index", key: { kind: "literal", value: getAtt } }]);
  const mapped = t.kind === "classic" ? t.curated.getAtt?.[getAtt] : undefined;
  if (mapped) return declRef(info.declId, [...head, attr(mapped)]);
  // A nested stack's output (`Fn::GetAtt Network.Outputs.VpcId`): the stack's outputs are a list
  // of { outputKey, outputValue }, and this one is the value of the entry with that key.
  const nested = /^Outputs\.(.+)$/.exec(getAtt);
  if (nested && t.kind === "native" && t.className === "aws_native.cloudformation.Stack") {
    const o: Expr = { kind: "ref", target: { kind: "scope", name: "o" }, path: [] };
    const found: Expr = {
      kind: "for",
      valueVar: "o",
      collection: declRef(info.declId, [...head, attr("outputs")]),
      value: { kind: "ref", target: { kind: "scope", name: "o" }, path: [attr("outputValue")] },
      condition: { kind: "binary", op: "==", left: { ...o, path: [attr("outputKey")] }, right: { kind: "literal", value: nested[1]! } },
    };
    return { kind: "index", collection: found, key: { kind: "literal", value: 0 } };
  }
  // `Endpoint.Address` → `.endpoint.address`, each segment found among the outputs where it can be.
  const segments = getAtt.split(".").map((s) => camel(snake(s)));
  const first = segments[0]!;
  const outputs = t.schema.outputs;
  // aws-native calls a property named `Id` `awsId` (`id` is every resource's own).
  const found = first in outputs ? first : first === "id" ? ("awsId" in outputs ? "awsId" : "id") : Object.keys(outputs).find((k) => k.toLowerCase() === first.toLowerCase());
  if (!found) {
    diags.push(diagnostic("PG2003", "warning", `Fn::GetAtt ${what}: ${t.className} has no output '${first}'; check the attribute`, at));
  }
  return declRef(info.declId, [...head, attr(found ?? first), ...segments.slice(1).map(attr)]);
}

/** `Fn::GetAtt Storage.Outputs.BucketName` of a nested stack converted as a component: its property (`storage.bucketName`). */
function nestedStackRef(name: string, getAtt: string | undefined, info: ResourceInfo, head: readonly Accessor[], diags: Diagnostic[], at: Location | undefined): Expr {
  const output = getAtt !== undefined ? /^Outputs\.(.+)$/.exec(getAtt)?.[1] : undefined;
  const prop = output !== undefined ? info.stack!.outputs.get(output) : undefined;
  if (prop !== undefined) return declRef(info.declId, [...head, attr(prop)]);
  if (output !== undefined) {
    diags.push(diagnostic("PG2008", "error", `Fn::GetAtt ${name}.${getAtt}: the nested template has no output '${output}'`, at));
    return { kind: "unsupported", text: `Fn::GetAtt ${name}.${getAtt}`, reason: "the nested template has no such output" };
  }
  // Ref answers the nested stack's id; a component has none (its outputs are what callers read).
  diags.push(diagnostic("PG2007", "warning", `${getAtt ? `Fn::GetAtt ${name}.${getAtt}` : `Ref ${name}`}: ${name} is converted as a component, which has no stack id or attributes but its outputs (Fn::GetAtt ${name}.Outputs.<Name>)`, at));
  return { kind: "unsupported", text: getAtt ? `Fn::GetAtt ${name}.${getAtt}` : `Ref ${name}`, reason: "a nested stack converted as a component has no stack id" };
}
