import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { FunctionModule } from "./functionModule";

export interface ApiArgs {
  apiName: string;
  stageName?: string;
}

/** The Terraform module modules/api, as a component. */
export class Api extends pulumi.ComponentResource {
  public readonly invokeUrl: pulumi.Output<string>;
  public readonly handlerName: pulumi.Output<string>;

  constructor(
    name: string,
    args: ApiArgs,
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super("pulumigrate:components:Api", name, {}, opts);

    const apiName = args.apiName;
    const stageName = args.stageName ?? "dev";

    const thisRestApi = new aws.apigateway.RestApi(
      `${name}-this`,
      {
        name: apiName,
      },
      { parent: this },
    );

    const handler = new FunctionModule(
      `${name}-handler`,
      {
        functionName: `${apiName}-handler`,
      },
      { parent: this },
    );

    const proxy = new aws.apigateway.Resource(
      `${name}-proxy`,
      {
        restApi: thisRestApi.id,
        parentId: thisRestApi.rootResourceId,
        pathPart: "{proxy+}",
      },
      { parent: this },
    );

    const any = new aws.apigateway.Method(
      `${name}-any`,
      {
        restApi: thisRestApi.id,
        resourceId: proxy.id,
        httpMethod: "ANY",
        authorization: "NONE",
      },
      { parent: this },
    );

    const lambda = new aws.apigateway.Integration(
      `${name}-lambda`,
      {
        restApi: thisRestApi.id,
        resourceId: proxy.id,
        httpMethod: any.httpMethod,
        integrationHttpMethod: "POST",
        type: "AWS_PROXY",
        uri: handler.invokeArn,
      },
      { parent: this },
    );

    const thisDeployment = new aws.apigateway.Deployment(
      `${name}-this`,
      {
        restApi: thisRestApi.id,
      },
      { parent: this, dependsOn: [lambda] },
    );

    const thisStage = new aws.apigateway.Stage(
      `${name}-this`,
      {
        restApi: thisRestApi.id,
        deployment: thisDeployment.id,
        stageName: stageName,
      },
      { parent: this },
    );

    this.invokeUrl = thisStage.invokeUrl;
    this.handlerName = handler.name;

    this.registerOutputs({
      invokeUrl: this.invokeUrl,
      handlerName: this.handlerName,
    });
  }
}
