import * as pulumi from "@pulumi/pulumi";

export interface BArgs {}

/** The Terraform module modules/b, as a component. */
export class B extends pulumi.ComponentResource {
  public readonly name: pulumi.Output<string>;

  constructor(
    name: string,
    args: BArgs = {},
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super("pulumigrate:components:B", name, {}, opts);

    // TODO(pulumigrate): module "a" (../a) is not converted (see the error at this line).

    this.name = pulumi.output("b");

    this.registerOutputs({ name: this.name });
  }
}
