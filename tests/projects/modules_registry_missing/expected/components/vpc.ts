import * as pulumi from "@pulumi/pulumi";

export type VpcArgs = Record<string, unknown>;

/** TODO(pulumigrate): module source terraform-aws-modules/vpc/aws 5.8.1 was not converted: run terraform init so that .terraform/modules holds it, then convert again */
export class Vpc extends pulumi.ComponentResource {
  public readonly vpcId!: pulumi.Output<any>;
  public readonly privateSubnets!: pulumi.Output<any>;

  constructor(
    name: string,
    args: VpcArgs = {},
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super("pulumigrate:components:Vpc", name, {}, opts);
    void args;
    throw new Error(
      "module source terraform-aws-modules/vpc/aws 5.8.1 was not converted: run terraform init so that .terraform/modules holds it, then convert again",
    );
  }
}
