import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { LambdaEndpoint } from "./components/lambdaEndpoint";

const config = new pulumi.Config();

// A REST API whose endpoints come from one local module, called once per endpoint. Converted
// as a project (pulumigrate convert samples/module-tree -o out/), the module becomes a
// component class in components/ and each call an instance of it.
const region = config.get("region") ?? "us-east-1";

const stageName = config.get("stage_name") ?? "dev";

const apiRestApi = new aws.apigateway.RestApi("api", {
  name: "greetings",
});

const hello = new LambdaEndpoint("hello", {
  restApiId: apiRestApi.id,
  parentId: apiRestApi.rootResourceId,
  pathPart: "hello",
  region: region,
});

const goodbye = new LambdaEndpoint("goodbye", {
  restApiId: apiRestApi.id,
  parentId: apiRestApi.rootResourceId,
  pathPart: "goodbye",
  region: region,
});

const apiDeployment = new aws.apigateway.Deployment(
  "api",
  {
    restApi: apiRestApi.id,
  },
  { dependsOn: [hello, goodbye] },
);

const apiStage = new aws.apigateway.Stage("api", {
  restApi: apiRestApi.id,
  deployment: apiDeployment.id,
  stageName: stageName,
});

export const urls = {
  hello: pulumi.interpolate`${apiStage.invokeUrl}/${hello.pathPart}`,
  goodbye: pulumi.interpolate`${apiStage.invokeUrl}/${goodbye.pathPart}`,
};
