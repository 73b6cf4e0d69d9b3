/**
 * `AWS::ApiGateway::Method` → `aws.apigateway.Method` + `Integration` + one `MethodResponse`
 * per `MethodResponses` entry + one `IntegrationResponse` per `IntegrationResponses` entry, as
 * classic Pulumi splits them. Each part takes the parent's `restApi` and `resourceId`, and
 * `httpMethod` from the Method (so it is created after it); each integration response waits
 * for the Integration and for the MethodResponse of its status code. Names derive from the
 * logical id: `GetPets`, `GetPetsIntegration`, `GetPetsResponse200`, `GetPetsIntegrationResponse200`.
 */
import { diagnostic } from "../../model/diagnostics.js";
import type { Expr, ObjectEntry } from "../../model/expr.js";
import type { ResourceDecl } from "../../model/pulumi.js";
import { awsSchema } from "../../schema/index.js";
import { checkIntegrationArgs } from "../integration-rules.js";
import { declare, sibling, withLeading, type ResourceContext } from "./build.js";
import { entriesOf, mapEntries, type SourceEntry } from "./values.js";

const METHOD_RENAMES = { RestApiId: "restApi", AuthorizationType: "authorization" };
const INTEGRATION_RENAMES = { TimeoutInMillis: "timeoutMilliseconds" };

/**
 * The name part of each response of a literal list: its status code (`200`, `4\d{2}` → `4d2`),
 * or its index when the code is not a literal or repeats.
 */
export function responseCodes(list: Expr | undefined): string[] {
  if (list?.kind !== "list") return [];
  const taken = new Set<string>();
  return list.items.map((r, index) => {
    const code = entriesOf(r).find((e) => e.name === "StatusCode")?.value;
    let name = code?.kind === "literal" && code.value !== null ? String(code.value).replace(/[^A-Za-z0-9]/g, "") : String(index);
    if (taken.has(name)) name = `${name}_${index}`;
    taken.add(name);
    return name;
  });
}

/** Every declaration suffix a Method becomes, for `DependsOn` on it. */
export function methodParts(entries: readonly SourceEntry[]): string[] {
  const integration = entries.find((e) => e.name === "Integration")?.value;
  const irs = integration?.kind === "object" ? integration.entries.find((e) => e.key === "IntegrationResponses")?.value : undefined;
  return [
    "",
    ...(integration ? ["Integration"] : []),
    ...responseCodes(entries.find((e) => e.name === "MethodResponses")?.value).map((c) => `Response${c}`),
    ...(integration ? responseCodes(irs).map((c) => `IntegrationResponse${c}`) : []),
  ];
}

export function splitMethod(ctx: ResourceContext): ResourceDecl[] {
  const schema = awsSchema().resources;
  const own = ctx.entries.filter((e) => e.name !== "Integration" && e.name !== "MethodResponses");
  const integration = ctx.entries.find((e) => e.name === "Integration");
  const responses = ctx.entries.find((e) => e.name === "MethodResponses")?.value;
  let method = mapEntries(own, schema["apigateway.Method"]!.args, ctx.values, METHOD_RENAMES, "api_gateway_method");
  if (!method.entries.some((e) => e.key === "authorization")) {
    // Optional in CloudFormation (NONE), required in Pulumi: it goes after httpMethod.
    const at = method.entries.findIndex((e) => e.key === "httpMethod") + 1 || method.entries.length;
    const none: ObjectEntry = { key: "authorization", value: { kind: "literal", value: "NONE" } };
    method = { kind: "object", entries: [...method.entries.slice(0, at), none, ...method.entries.slice(at)] };
  }
  const decls: ResourceDecl[] = [declare(ctx, "aws.apigateway.Method", method)];

  const parent = (key: "restApi" | "resourceId") => method.entries.find((e) => e.key === key);
  const lead: ObjectEntry[] = [
    ...(["restApi", "resourceId"] as const).flatMap((k) => {
      const e = parent(k);
      return e ? [{ key: k, value: e.value }] : [];
    }),
    { key: "httpMethod", value: sibling(ctx, "", ["httpMethod"]) },
  ];

  const entries = integration ? entriesOf(integration.value) : [];
  if (integration) {
    const own = entries.filter((e) => e.name !== "IntegrationResponses");
    const args = withLeading(lead, mapEntries(own, schema["apigateway.Integration"]!.args, ctx.values, INTEGRATION_RENAMES, "api_gateway_integration"));
    checkIntegrationArgs(args, integration.loc ?? ctx.loc, ctx.diags);
    decls.push(declare(ctx, "aws.apigateway.Integration", args, { suffix: "Integration", withComments: false }));
  } else {
    ctx.diags.push(diagnostic("PG2010", "info", `${ctx.id}: a Method without Integration; API Gateway will not deploy it until one is added`, ctx.loc));
  }
  const methodResponseNames = new Map<string, string>();
  if (responses) {
    if (responses.kind !== "list") {
      ctx.diags.push(diagnostic("PG2006", "warning", `${ctx.id}: MethodResponses is not a literal list; it is not converted`, ctx.loc));
    } else {
      const codes = responseCodes(responses);
      responses.items.forEach((r, i) => {
        const entries = entriesOf(r);
        const code = codes[i]!;
        const args = mapEntries(entries, schema["apigateway.MethodResponse"]!.args, ctx.values);
        methodResponseNames.set(code, `Response${code}`);
        decls.push(declare(ctx, "aws.apigateway.MethodResponse", withLeading(lead, args), { suffix: `Response${code}`, withComments: false }));
      });
    }
  }

  if (integration) {
    const irs = entries.find((e) => e.name === "IntegrationResponses")?.value;
    if (irs && irs.kind !== "list") {
      ctx.diags.push(diagnostic("PG2006", "warning", `${ctx.id}: IntegrationResponses is not a literal list; it is not converted`, ctx.loc));
    } else if (irs) {
      const codes = responseCodes(irs);
      irs.items.forEach((r, i) => {
        const entries = entriesOf(r);
        const code = codes[i]!;
        const args = mapEntries(entries, schema["apigateway.IntegrationResponse"]!.args, ctx.values);
        const matching = methodResponseNames.get(code);
        const after = [sibling(ctx, "Integration"), ...(matching ? [sibling(ctx, matching)] : [])];
        decls.push(declare(ctx, "aws.apigateway.IntegrationResponse", withLeading(lead, args), { suffix: `IntegrationResponse${code}`, after, withComments: false }));
      });
    }
  }
  return decls;
}
