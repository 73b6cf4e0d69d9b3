/** The AWS provider's own functions (`provider::aws::…`, Terraform 1.8 and AWS provider 5.40 on), computed as the provider computes them (see ./strings.ts). */

/** An ARN's parts, under the names the provider's `arn_parse` gives them. */
export interface ArnParts {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account_id: string;
  readonly resource: string;
}

/** The AWS provider's arn_parse(): `arn:partition:service:region:account:resource`, the resource being all after the fifth colon. */
export function arnParse(arn: string): ArnParts {
  if (!arn.startsWith("arn:")) throw new Error("arn_parse: arn: invalid prefix");
  const sections = arn.split(":");
  if (sections.length < 6) throw new Error("arn_parse: arn: not enough sections");
  return { partition: sections[1]!, service: sections[2]!, region: sections[3]!, account_id: sections[4]!, resource: sections.slice(5).join(":") };
}

/** The AWS provider's arn_build(): the ARN of the parts. */
export function arnBuild(partition: string, service: string, region: string, accountId: string, resource: string): string {
  return `arn:${partition}:${service}:${region}:${accountId}:${resource}`;
}

/** The AWS provider's trim_iam_role_path(): an IAM role's ARN without the role's path (`role/a/b/name` → `role/name`). */
export function trimIamRolePath(arn: string): string {
  const parts = arnParse(arn);
  if (parts.service !== "iam") throw new Error(`trim_iam_role_path: service must be iam, got ${parts.service}`);
  if (parts.region !== "") throw new Error("trim_iam_role_path: region must be empty");
  if (!parts.resource.startsWith("role/")) throw new Error("trim_iam_role_path: resource must begin with role/");
  return arnBuild(parts.partition, parts.service, parts.region, parts.account_id, `role/${parts.resource.split("/").pop()!}`);
}
