import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

const config = new pulumi.Config();

const name = config.require("name");
const subnetId = config.require("subnet_id");

const testLoadBalancer = new aws.lb.LoadBalancer("test", {
  name: name,
  internal: true,
  loadBalancerType: "network",
  subnets: [subnetId],
});

const testVpcLink = new aws.apigateway.VpcLink("test", {
  name: name,
  targetArn: testLoadBalancer.arn,
});

const testRestApi = new aws.apigateway.RestApi("test", {
  name: name,
});

const testResource = new aws.apigateway.Resource("test", {
  restApi: testRestApi.id,
  parentId: testRestApi.rootResourceId,
  pathPart: "test",
});

const testMethod = new aws.apigateway.Method("test", {
  restApi: testRestApi.id,
  resourceId: testResource.id,
  httpMethod: "GET",
  authorization: "NONE",
  requestModels: {
    "application/json": "Error",
  },
});

const testIntegration = new aws.apigateway.Integration("test", {
  restApi: testRestApi.id,
  resourceId: testResource.id,
  httpMethod: testMethod.httpMethod,
  requestTemplates: {
    "application/json": "",
    "application/xml": `#set($inputRoot = $input.path('$'))
{ }`,
  },
  requestParameters: {
    "integration.request.header.X-Authorization": "'static'",
    "integration.request.header.X-Foo": "'Bar'",
  },
  type: "HTTP",
  uri: "https://www.google.de",
  integrationHttpMethod: "GET",
  passthroughBehavior: "WHEN_NO_MATCH",
  contentHandling: "CONVERT_TO_TEXT",
  connectionType: "VPC_LINK",
  connectionId: testVpcLink.id,
});
