/**
 * The rules of `aws.apigateway.Integration` from its reference page, as data shared by the
 * Terraform and CloudFormation paths. They run on the mapped args (Pulumi property names),
 * wherever the values are known at conversion time.
 */
import { diagnostic, type Diagnostic } from "../model/diagnostics.js";
import type { Expr, ObjectEntry } from "../model/expr.js";
import type { Location } from "../model/location.js";
import type { Decl } from "../model/pulumi.js";

export const INTEGRATION_RULES = {
  className: "aws.apigateway.Integration",
  allowedValues: {
    type: ["HTTP", "MOCK", "AWS", "AWS_PROXY", "HTTP_PROXY"],
    passthroughBehavior: ["WHEN_NO_MATCH", "WHEN_NO_TEMPLATES", "NEVER"],
    contentHandling: ["CONVERT_TO_BINARY", "CONVERT_TO_TEXT"],
    connectionType: ["INTERNET", "VPC_LINK"],
    httpMethod: ["GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH", "ANY"],
    integrationHttpMethod: ["GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH", "ANY"],
  } as Readonly<Record<string, readonly string[]>>,
  /** Types that need `integrationHttpMethod` and `uri`. */
  typesNeedingBackend: ["AWS", "AWS_PROXY", "HTTP", "HTTP_PROXY"],
  backendFields: ["integrationHttpMethod", "uri"],
  timeout: { field: "timeoutMilliseconds", min: 50, max: 29000 },
} as const;

function literal(e: Expr | undefined): string | number | boolean | null | undefined {
  return e?.kind === "literal" ? e.value : undefined;
}

export function checkIntegrationArgs(args: Expr, at: Location | undefined, diags: Diagnostic[]): void {
  if (args.kind !== "object") return;
  const entries = new Map<string, ObjectEntry>();
  for (const e of args.entries) if (typeof e.key === "string") entries.set(e.key, e);
  const where = (k: string) => entries.get(k)?.loc ?? at;
  const R = INTEGRATION_RULES;

  for (const [field, allowed] of Object.entries(R.allowedValues)) {
    const v = literal(entries.get(field)?.value);
    if (typeof v !== "string") continue;
    if (!allowed.includes(v)) {
      const code = field === "type" ? "PG3001" : "PG3004";
      diags.push(diagnostic(code, "warning", `integration ${field} '${v}' is not one of ${allowed.join(", ")}`, where(field)));
    }
  }
  const type = literal(entries.get("type")?.value);
  if (typeof type === "string" && (R.typesNeedingBackend as readonly string[]).includes(type)) {
    for (const f of R.backendFields) {
      if (!entries.has(f)) diags.push(diagnostic("PG3002", "warning", `integration of type ${type} requires ${f}`, at));
    }
  }
  if (literal(entries.get("connectionType")?.value) === "VPC_LINK" && !entries.has("connectionId")) {
    diags.push(diagnostic("PG3002", "warning", "integration with connectionType VPC_LINK requires connectionId", where("connectionType")));
  }
  const t = literal(entries.get(R.timeout.field)?.value);
  if (typeof t === "number" && (t < R.timeout.min || t > R.timeout.max)) {
    diags.push(diagnostic("PG3003", "warning", `integration ${R.timeout.field} ${t} is outside ${R.timeout.min}–${R.timeout.max}`, where(R.timeout.field)));
  }
}

export function checkIntegrations(decls: readonly Decl[], diags: Diagnostic[]): void {
  for (const d of decls) {
    if (d.kind === "resource" && d.className === INTEGRATION_RULES.className) checkIntegrationArgs(d.args, d.loc, diags);
  }
}
