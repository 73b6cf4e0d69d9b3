import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

const config = new pulumi.Config();

// The seed page's Lambda example (samples/lambda-integration/main.tf) as a CloudFormation
// template, deployed with `aws cloudformation package` (which uploads Code: lambda.zip).
//
// API Gateway REST API with a Lambda proxy integration

const myregion = config.require("myregion");
const accountId = config.require("accountId");

// API Gateway
const api = new aws.apigateway.RestApi("api", {
  name: "myapi",
});

const resource = new aws.apigateway.Resource("resource", {
  pathPart: "resource",
  parentId: api.rootResourceId,
  restApi: api.id,
});

const method = new aws.apigateway.Method("method", {
  restApi: api.id,
  resourceId: resource.id,
  httpMethod: "GET",
  authorization: "NONE",
});

// IAM
const role = new aws.iam.Role("role", {
  name: "myrole",
  assumeRolePolicy: JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Action: "sts:AssumeRole",
        Principal: {
          Service: "lambda.amazonaws.com",
        },
        Effect: "Allow",
        Sid: "",
      },
    ],
  }),
});

const lambda = new aws.lambda.Function("lambda", {
  code: new pulumi.asset.FileArchive("lambda.zip"),
  name: "mylambda",
  role: role.arn,
  handler: "lambda.lambda_handler",
  runtime: "python3.6",
});

const methodIntegration = new aws.apigateway.Integration("methodIntegration", {
  restApi: api.id,
  resourceId: resource.id,
  httpMethod: method.httpMethod,
  integrationHttpMethod: "POST",
  type: "AWS_PROXY",
  uri: pulumi.interpolate`arn:aws:apigateway:${myregion}:lambda:path/2015-03-31/functions/${lambda.arn}/invocations`,
});

// Lambda
const apigwLambda = new aws.lambda.Permission("apigw_lambda", {
  action: "lambda:InvokeFunction",
  function: lambda.name,
  principal: "apigateway.amazonaws.com",
  // More: http://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-control-access-using-iam-policies-to-invoke-api.html
  sourceArn: pulumi.interpolate`arn:aws:execute-api:${myregion}:${accountId}:${api.id}/*/GET/resource`,
});
