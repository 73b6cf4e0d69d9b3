import * as pulumi from "@pulumi/pulumi";

export interface IndexModuleArgs {}

/** The Terraform module modules/index, as a component. */
export class IndexModule extends pulumi.ComponentResource {
  public readonly constructor_: pulumi.Output<string>;

  constructor(
    name: string,
    args: IndexModuleArgs = {},
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super("pulumigrate:components:IndexModule", name, {}, opts);

    this.constructor_ = pulumi.output("index");

    this.registerOutputs({ constructor_: this.constructor_ });
  }
}
