import * as aws from "@pulumi/aws";

const api = new aws.apigateway.RestApi("api", { notAnArgument: 1 });
