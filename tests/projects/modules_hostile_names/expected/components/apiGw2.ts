import * as pulumi from "@pulumi/pulumi";

export interface ApiGw2Args {}

/** The Terraform module modules/api_gw, as a component. */
export class ApiGw2 extends pulumi.ComponentResource {
  public readonly urn_: pulumi.Output<string>;

  constructor(
    name: string,
    args: ApiGw2Args = {},
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super("pulumigrate:components:ApiGw2", name, {}, opts);

    this.urn_ = pulumi.output("api_gw");

    this.registerOutputs({ urn_: this.urn_ });
  }
}
