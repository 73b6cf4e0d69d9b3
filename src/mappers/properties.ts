/**
 * Terraform attribute names → @pulumi/aws property names. The package's own property list is
 * the authority; names are found by rule (camelCase, pluralised repeated blocks, a dropped
 * `Id` suffix where Pulumi takes the resource itself, `<type>_name` → `name`), and a short
 * table holds the renames no rule reaches.
 */
import { camel } from "../model/names.js";
import type { Props } from "../schema/index.js";

/** `<terraform type>.<attribute>` → Pulumi property, where no rule gives the right name. */
export const PROPERTY_RENAMES: Readonly<Record<string, string>> = {
  "aws_api_gateway_base_path_mapping.api_id": "restApi",
  "aws_lambda_permission.function_name": "function",
  "aws_lambda_function.filename": "code",
  "aws_lambda_layer_version.filename": "code",
  "aws_elastic_beanstalk_environment.version_label": "version",
};

function plurals(c: string): string[] {
  const out = [c + "s"];
  if (c.endsWith("y")) out.push(c.slice(0, -1) + "ies");
  if (/(s|x|ch|sh)$/.test(c)) out.push(c + "es");
  if (c.endsWith("Ids")) out.push(c.slice(0, -3) + "s");
  if (c.endsWith("ex")) out.push(c.slice(0, -2) + "ices");
  return out;
}

function singulars(c: string): string[] {
  const out: string[] = [];
  if (c.endsWith("ies")) out.push(c.slice(0, -3) + "y");
  if (c.endsWith("es")) out.push(c.slice(0, -2));
  if (c.endsWith("s")) out.push(c.slice(0, -1));
  return out;
}

/**
 * Finds the Pulumi property for a Terraform attribute.
 * @param tfType the Terraform type whose attribute this is (for the rename table and `<type>_name`)
 */
export function mapProperty(attr: string, props: Props, tfType?: string): string | undefined {
  if (tfType) {
    const renamed = PROPERTY_RENAMES[`${tfType}.${attr}`];
    if (renamed && renamed in props) return renamed;
  }
  const c = camel(attr);
  if (c in props) return c;
  for (const p of plurals(c)) if (p in props) return p;
  // Where Pulumi takes the resource itself: `rest_api_id` → `restApi`, `topic_arn` → `topic`,
  // `log_group_name` → `logGroup`.
  for (const suffix of ["Id", "Arn", "Name"]) {
    if (c.endsWith(suffix) && c.length > suffix.length && c.slice(0, -suffix.length) in props) return c.slice(0, -suffix.length);
  }
  // A list Terraform allows one element of, which Pulumi flattens (`target_arns` → `targetArn`).
  for (const s of singulars(c)) if (s in props && !Array.isArray(props[s])) return s;
  if (c.endsWith("Ids")) {
    const s = c.slice(0, -3) + "s";
    if (s in props) return s;
  }
  if (tfType && attr.endsWith("_name") && "name" in props) {
    const subject = attr.slice(0, -"_name".length);
    if (tfType.endsWith(`_${subject}`)) return "name";
  }
  // Properties whose Terraform name differs only in acronym case (`ipv6_cidr_block` vs `ipv6CidrBlock`).
  const lower = c.toLowerCase();
  for (const k of Object.keys(props)) if (k.toLowerCase() === lower) return k;
  return undefined;
}
