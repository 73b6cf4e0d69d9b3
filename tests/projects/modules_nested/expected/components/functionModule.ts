import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

export interface FunctionModuleArgs {
  functionName: string;
}

/** The Terraform module modules/function, as a component. */
export class FunctionModule extends pulumi.ComponentResource {
  public readonly invokeArn: pulumi.Output<string>;
  public readonly name: pulumi.Output<string>;

  constructor(
    name: string,
    args: FunctionModuleArgs,
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super("pulumigrate:components:FunctionModule", name, {}, opts);

    const functionName = args.functionName;

    const thisRole = new aws.iam.Role(
      `${name}-this`,
      {
        name: `${functionName}-role`,
        assumeRolePolicy: JSON.stringify({
          Statement: [
            {
              Action: "sts:AssumeRole",
              Effect: "Allow",
              Principal: {
                Service: "lambda.amazonaws.com",
              },
            },
          ],
          Version: "2012-10-17",
        }),
      },
      { parent: this },
    );

    const thisFunction = new aws.lambda.Function(
      `${name}-this`,
      {
        name: functionName,
        role: thisRole.arn,
        handler: "index.handler",
        runtime: "nodejs20.x",
        code: new pulumi.asset.FileArchive("modules/function/handler.zip"),
      },
      { parent: this },
    );

    this.invokeArn = thisFunction.invokeArn;
    this.name = thisFunction.name;

    this.registerOutputs({ invokeArn: this.invokeArn, name: this.name });
  }
}
