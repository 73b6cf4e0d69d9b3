import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

export interface LambdaEndpointArgs {
  /** The REST API the endpoint belongs to. */
  restApiId: pulumi.Input<string>;
  /** The resource the endpoint's path hangs from. */
  parentId: pulumi.Input<string>;
  /** The endpoint's path segment. */
  pathPart: string;
  region: string;
}

/** The Terraform module modules/lambda-endpoint, as a component. */
export class LambdaEndpoint extends pulumi.ComponentResource {
  public readonly pathPart: pulumi.Output<string>;
  public readonly functionName: pulumi.Output<string>;

  constructor(
    name: string,
    args: LambdaEndpointArgs,
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super("pulumigrate:components:LambdaEndpoint", name, {}, opts);

    const restApiId = pulumi.output(args.restApiId);
    const parentId = pulumi.output(args.parentId);
    const pathPart = args.pathPart;

    // One GET endpoint served by its own Lambda function (AWS_PROXY integration).
    const lambdaRole = new aws.iam.Role(
      `${name}-lambda`,
      {
        name: `${pathPart}-lambda`,
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

    const handler = new aws.lambda.Function(
      `${name}-handler`,
      {
        name: pathPart,
        role: lambdaRole.arn,
        handler: "lambda.handler",
        runtime: "nodejs20.x",
        code: new pulumi.asset.FileArchive(
          "modules/lambda-endpoint/lambda.zip",
        ),
      },
      { parent: this },
    );

    const path_ = new aws.apigateway.Resource(
      `${name}-path`,
      {
        restApi: restApiId,
        parentId: parentId,
        pathPart: pathPart,
      },
      { parent: this },
    );

    const get = new aws.apigateway.Method(
      `${name}-get`,
      {
        restApi: restApiId,
        resourceId: path_.id,
        httpMethod: "GET",
        authorization: "NONE",
      },
      { parent: this },
    );

    const lambdaIntegration = new aws.apigateway.Integration(
      `${name}-lambda`,
      {
        restApi: restApiId,
        resourceId: path_.id,
        httpMethod: get.httpMethod,
        integrationHttpMethod: "POST",
        type: "AWS_PROXY",
        uri: handler.invokeArn,
      },
      { parent: this },
    );

    this.pathPart = path_.pathPart;
    this.functionName = handler.name;

    const region = args.region;

    const apigw = new aws.lambda.Permission(
      `${name}-apigw`,
      {
        statementId: "AllowAPIGatewayInvoke",
        action: "lambda:InvokeFunction",
        function: handler.name,
        principal: "apigateway.amazonaws.com",
        sourceArn: pulumi.interpolate`arn:aws:execute-api:${region}:*:${restApiId}/*/GET/${pathPart}`,
      },
      { parent: this },
    );

    this.registerOutputs({
      pathPart: this.pathPart,
      functionName: this.functionName,
    });
  }
}
