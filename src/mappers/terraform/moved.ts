/**
 * Attributes the provider moved to another resource. `@pulumi/aws` 7's Deployment has no stage:
 * an `aws_api_gateway_deployment` with `stage_name` becomes the Deployment plus an
 * `aws.apigateway.Stage` of it (the stage Terraform's deployment made), the stage's attributes
 * go with it, and reads of `invoke_url` / `execution_arn` and of the moved attributes read the
 * Stage's. A short table, each entry tested by its fixture. A deployment without `stage_name`
 * has no Stage: its `invoke_url` and `execution_arn`, which the provider computed from the API's
 * id, the region and no stage, are computed the same way ({@link COMPUTED}).
 */
import type { Expr } from "../../model/expr.js";
import type { AccountFact } from "../account-facts.js";
import type { BodyItem, Resource } from "../../model/program.js";

export interface MovedAttributes {
  /** The Terraform attribute whose presence makes the new resource. */
  readonly trigger: string;
  /** The class the attributes move to, and the suffix of its declaration id. */
  readonly className: string;
  readonly suffix: string;
  /** The Terraform resource type whose schema maps the moved attributes (`aws_api_gateway_stage`). */
  readonly asType: string;
  /** Source attribute → the new resource's attribute (Terraform names). */
  readonly attributes: Readonly<Record<string, string>>;
  /** Attributes of the original copied to the new resource (Terraform names). */
  readonly copied: readonly string[];
  /** The new resource's attribute that names the original, and which of its outputs it takes. */
  readonly link: { readonly attribute: string; readonly output: string };
  /** Reads of the original's attributes that the new resource answers (Terraform names). */
  readonly reads: Readonly<Record<string, string>>;
}

export const MOVED: Readonly<Record<string, MovedAttributes>> = {
  aws_api_gateway_deployment: {
    trigger: "stage_name",
    className: "aws.apigateway.Stage",
    suffix: "stage",
    asType: "aws_api_gateway_stage",
    attributes: { stage_name: "stage_name", stage_description: "description", variables: "variables", canary_settings: "canary_settings" },
    copied: ["rest_api_id"],
    link: { attribute: "deployment_id", output: "id" },
    reads: { invoke_url: "invoke_url", execution_arn: "execution_arn", stage_name: "stage_name", stage_description: "description", variables: "variables" },
  },
};

/** The moved attributes of a resource, when its type has an entry and it sets the trigger. */
export function movedOf(r: Resource): MovedAttributes | undefined {
  const m = MOVED[r.type];
  return m && r.body.some((b) => b.kind === "attribute" && b.name === m.trigger) ? m : undefined;
}

/** The original's body without the moved attributes, and the new resource's body. */
export function splitBody(r: Resource, m: MovedAttributes, self: Expr): { own: BodyItem[]; moved: BodyItem[] } {
  const own: BodyItem[] = [];
  const moved: BodyItem[] = [];
  for (const b of r.body) {
    const to = m.attributes[b.name];
    if (to !== undefined) moved.push({ ...b, name: to });
    else own.push(b);
    if (m.copied.includes(b.name) && b.kind === "attribute") moved.unshift({ ...b });
  }
  const loc = r.loc;
  return { own, moved: [{ kind: "attribute", name: m.link.attribute, value: self, loc }, ...moved] };
}

/** A part of a computed attribute: text, one of the resource's own attributes (Terraform name), or a fact of the account the program runs in. */
export type ComputedPart = string | { readonly own: string } | { readonly current: AccountFact };

/**
 * Attributes the provider computed from others that `@pulumi/aws` 7 no longer has, where nothing
 * moved them (a deployment without `stage_name`): Terraform's
 * `https://{rest_api_id}.execute-api.{region}.{dns_suffix}/{stage_name}` and
 * `arn:{partition}:execute-api:{region}:{account}:{rest_api_id}/{stage_name}`, with no stage.
 */
export const COMPUTED: Readonly<Record<string, Readonly<Record<string, readonly ComputedPart[]>>>> = {
  aws_api_gateway_deployment: {
    invoke_url: ["https://", { own: "rest_api_id" }, ".execute-api.", { current: "region" }, ".", { current: "dnsSuffix" }, "/"],
    execution_arn: ["arn:", { current: "partition" }, ":execute-api:", { current: "region" }, ":", { current: "accountId" }, ":", { own: "rest_api_id" }, "/"],
  },
};
