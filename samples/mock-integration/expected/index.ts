import * as aws from "@pulumi/aws";

const myDemoAPI = new aws.apigateway.RestApi("MyDemoAPI", {
  name: "MyDemoAPI",
  description: "This is my API for demonstration purposes",
});

const myDemoResource = new aws.apigateway.Resource("MyDemoResource", {
  restApi: myDemoAPI.id,
  parentId: myDemoAPI.rootResourceId,
  pathPart: "mydemoresource",
});

const myDemoMethod = new aws.apigateway.Method("MyDemoMethod", {
  restApi: myDemoAPI.id,
  resourceId: myDemoResource.id,
  httpMethod: "GET",
  authorization: "NONE",
});

const myDemoIntegration = new aws.apigateway.Integration("MyDemoIntegration", {
  restApi: myDemoAPI.id,
  resourceId: myDemoResource.id,
  httpMethod: myDemoMethod.httpMethod,
  type: "MOCK",
  cacheKeyParameters: ["method.request.path.param"],
  cacheNamespace: "foobar",
  timeoutMilliseconds: 29000,
  requestParameters: {
    "integration.request.header.X-Authorization": "'static'",
  },
  // Transforms the incoming XML request to JSON
  requestTemplates: {
    "application/xml": `{
   "body" : $input.json('$')
}
`,
  },
});
