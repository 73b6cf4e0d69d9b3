import * as pulumi from "@pulumi/pulumi";

export interface ApiGwArgs {}

/** The Terraform module modules/api-gw, as a component. */
export class ApiGw extends pulumi.ComponentResource {
  public readonly urn_: pulumi.Output<string>;

  constructor(
    name: string,
    args: ApiGwArgs = {},
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super("pulumigrate:components:ApiGw", name, {}, opts);

    this.urn_ = pulumi.output("api-gw");

    this.registerOutputs({ urn_: this.urn_ });
  }
}
