import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

export interface IamArgs {
  functionArn: pulumi.Input<string>;
}

/** The Terraform module modules/iam, as a component. */
export class Iam extends pulumi.ComponentResource {
  public readonly roleArn: pulumi.Output<string>;

  constructor(
    name: string,
    args: IamArgs,
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super("pulumigrate:components:Iam", name, {}, opts);

    const functionArn = pulumi.output(args.functionArn);

    const this_ = new aws.iam.Role(
      `${name}-this`,
      {
        name: "fn-role",
        assumeRolePolicy: "{}",
      },
      { parent: this },
    );

    const invoke = new aws.iam.RolePolicy(
      `${name}-invoke`,
      {
        role: this_.id,
        policy: pulumi.jsonStringify({
          Statement: [
            {
              Action: "lambda:InvokeFunction",
              Effect: "Allow",
              Resource: functionArn,
            },
          ],
          Version: "2012-10-17",
        }),
      },
      { parent: this },
    );

    this.roleArn = this_.arn;

    this.registerOutputs({ roleArn: this.roleArn });
  }
}
