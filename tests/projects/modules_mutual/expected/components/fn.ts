import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

export interface FnArgs {
  roleArn: pulumi.Input<string>;
}

/** The Terraform module modules/fn, as a component. */
export class Fn extends pulumi.ComponentResource {
  public readonly arn: pulumi.Output<string>;

  constructor(
    name: string,
    args: FnArgs,
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super("pulumigrate:components:Fn", name, {}, opts);

    const roleArn = pulumi.output(args.roleArn);

    const this_ = new aws.lambda.Function(
      `${name}-this`,
      {
        name: "fn",
        role: roleArn,
        handler: "index.handler",
        runtime: "nodejs20.x",
        code: new pulumi.asset.FileArchive("fn.zip"),
      },
      { parent: this },
    );

    this.arn = this_.arn;

    this.registerOutputs({ arn: this.arn });
  }
}
