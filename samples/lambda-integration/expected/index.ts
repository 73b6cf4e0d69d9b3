import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import * as crypto from "crypto";
import * as fs from "fs";

const config = new pulumi.Config();

/** Terraform's filebase64sha256(). */
function filebase64sha256(file: string): string {
  return crypto
    .createHash("sha256")
    .update(fs.readFileSync(file))
    .digest("base64");
}

// Variables
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
  assumeRolePolicy: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Action": "sts:AssumeRole",
      "Principal": {
        "Service": "lambda.amazonaws.com"
      },
      "Effect": "Allow",
      "Sid": ""
    }
  ]
}
`,
});

const lambda = new aws.lambda.Function("lambda", {
  code: new pulumi.asset.FileArchive("lambda.zip"),
  name: "mylambda",
  role: role.arn,
  handler: "lambda.lambda_handler",
  runtime: "python3.6",
  sourceCodeHash: filebase64sha256("lambda.zip"),
});

const integration = new aws.apigateway.Integration("integration", {
  restApi: api.id,
  resourceId: resource.id,
  httpMethod: method.httpMethod,
  integrationHttpMethod: "POST",
  type: "AWS_PROXY",
  uri: lambda.invokeArn,
});

// Lambda
const apigwLambda = new aws.lambda.Permission("apigw_lambda", {
  statementId: "AllowExecutionFromAPIGateway",
  action: "lambda:InvokeFunction",
  function: lambda.name,
  principal: "apigateway.amazonaws.com",
  // More: http://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-control-access-using-iam-policies-to-invoke-api.html
  sourceArn: pulumi.interpolate`arn:aws:execute-api:${myregion}:${accountId}:${api.id}/*/${method.httpMethod}${resource.path}`,
});
