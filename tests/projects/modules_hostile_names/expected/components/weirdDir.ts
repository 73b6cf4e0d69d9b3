import * as pulumi from "@pulumi/pulumi";

export interface WeirdDirArgs {}

/** The Terraform module modules/weird dir, as a component. */
export class WeirdDir extends pulumi.ComponentResource {
  public readonly name: pulumi.Output<string>;

  constructor(
    name: string,
    args: WeirdDirArgs = {},
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super("pulumigrate:components:WeirdDir", name, {}, opts);

    this.name = pulumi.output("weird");

    this.registerOutputs({ name: this.name });
  }
}
