/**
 * Credentials written into the input are handled as hostile: a provider's `access_key`,
 * `secret_key` and `token` written out in the source are left out of the converted program (a
 * located warning says where each was and how to set it instead); the variables that feed them
 * are secret config whose values (defaults, tfvars) are written nowhere.
 */
import { diagnostic, type Diagnostic } from "../../model/diagnostics.js";
import { walkExpr, type Expr } from "../../model/expr.js";
import type { ProviderConfig, SourceProgram } from "../../model/program.js";
import { camel } from "../../model/names.js";

/** Provider arguments that are credentials (the provider's schema marks them secret). */
export const CREDENTIAL_ARGS: ReadonlySet<string> = new Set(["access_key", "secret_key", "token"]);

/** Variables a provider's credentials read (`secret_key = var.aws_secret_key`). */
export function credentialVariables(program: SourceProgram): Set<string> {
  const out = new Set<string>();
  for (const it of program.items) {
    if (it.kind !== "provider") continue;
    for (const b of it.body) {
      if (b.kind !== "attribute" || !CREDENTIAL_ARGS.has(b.name)) continue;
      walkExpr(b.value, (x) => {
        if (x.kind === "ref" && x.target.kind === "variable") out.add(x.target.name);
      });
    }
  }
  return out;
}

/** Whether a value is written out in the source (a literal, or a template with literal text), not only read from variables. */
function writtenOut(e: Expr): boolean {
  let found = false;
  walkExpr(e, (x) => {
    if ((x.kind === "literal" && typeof x.value === "string" && x.value !== "") || (x.kind === "template" && x.parts.some((p) => typeof p === "string" && p !== ""))) found = true;
  });
  return found;
}

/**
 * The provider block without the credentials written into it, each one a located warning that
 * never shows its value. Credentials read from variables stay: those variables are secret config.
 */
export function withoutCredentials(p: ProviderConfig, diags: Diagnostic[]): ProviderConfig {
  const body = p.body.filter((b) => {
    if (b.kind !== "attribute" || !CREDENTIAL_ARGS.has(b.name) || !writtenOut(b.value)) return true;
    const key = `aws:${camel(b.name)}`;
    const where = p.alias ? `provider "${p.name}" (alias ${p.alias})` : `provider "${p.name}"`;
    diags.push(diagnostic("PG2014", "warning", `${where}: credentials (${b.name}) are left out of the converted program; set them with \`pulumi config set --secret ${key} …\`, or use a profile or a role (aws:profile, an assumed role) instead`, b.loc));
    return false;
  });
  return body.length === p.body.length ? p : { ...p, body };
}
