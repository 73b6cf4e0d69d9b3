import { describe, expect, it } from "vitest";
import { propertyKey, stringLiteral, templateText } from "../src/emitters/typescript/escape.js";
import { camelCase, declarationNames, NameScope } from "../src/model/names.js";
import { decodeQuoted, heredocIndent } from "../src/parsers/terraform/literal-text.js";
import { mapProperty } from "../src/mappers/properties.js";
import { camel } from "../src/model/names.js";
import { resolveDataSource, resolveResourceType } from "../src/mappers/terraform/types.js";

describe("naming", () => {
  it.each([
    ["apigw_lambda", "apigwLambda"],
    ["MyDemoAPI", "myDemoAPI"],
    ["VPCs", "vpcs"],
    ["APIGateway", "apiGateway"],
    ["my-bucket", "myBucket"],
    ["3rd", "_3rd"],
    ["subnet_id", "subnetId"],
    // One word of letters and digits (the common case, read without splitting) and the same words split.
    ["API", "api"],
    ["X", "x"],
    ["S3Bucket", "s3Bucket"],
    ["ABs", "abs"],
    ["9", "_9"],
    ["9Lives", "_9Lives"],
    ["api-GATEWAY_v2", "apiGATEWAYV2"],
    ["", "_"],
    ["--", "_"],
  ])("camelCase(%s) = %s", (input, out) => expect(camelCase(input)).toBe(out));

  it("never hands out a reserved word or a taken name", () => {
    const scope = new NameScope();
    expect(scope.claim("class")).toBe("class_");
    expect(scope.claim("x")).toBe("x");
    expect(scope.claim("x")).toBe("x2");
    expect(scope.claim("aws")).toBe("aws_");
  });

  it("adds the class name to every declaration of a clashing name", () => {
    const names = declarationNames(
      [
        { id: "a", sourceName: "test", className: "aws.apigateway.RestApi" },
        { id: "b", sourceName: "test", className: "aws.lb.LoadBalancer" },
        { id: "c", sourceName: "other" },
      ],
      new NameScope(),
    );
    expect([...names.values()]).toEqual(["testRestApi", "testLoadBalancer", "other"]);
  });
});

describe("escaping", () => {
  it("string literals take prettier's quotes and escape what must be", () => {
    expect(stringLiteral("plain")).toBe('"plain"');
    expect(stringLiteral("it's")).toBe('"it\'s"');
    expect(stringLiteral('say "hi"')).toBe("'say \"hi\"'");
    expect(stringLiteral("a\\b\n\u2028")).toBe('"a\\\\b\\n\\u2028"');
  });
  it("template text escapes backticks, ${ and backslashes, keeps VTL", () => {
    expect(templateText("`${x}` \\ $input.json('$')", true)).toBe("\\`\\${x}\\` \\\\ $input.json('$')");
  });
  it("property keys are bare only when they are identifiers", () => {
    expect(propertyKey("class")).toBe("class");
    expect(propertyKey("with space")).toBe('"with space"');
    expect(propertyKey("integration.request.header.X")).toBe('"integration.request.header.X"');
  });
});

describe("HCL literal decoding", () => {
  it("decodes escapes and template escapes", () => {
    expect(decodeQuoted('a\\"b\\n\\u00e9 $${x} %%{y}')).toBe('a"b\né ${x} %{y}');
  });
  it("measures <<- indentation over all lines", () => {
    expect(heredocIndent("<<-EOT\n      a\n    b\n    EOT")).toBe(4);
    // The closing marker's own indentation does not count.
    expect(heredocIndent("<<-EOT\n    a\n      b\n  EOT")).toBe(4);
  });
});

describe("type and property rules", () => {
  it.each([
    ["aws_api_gateway_integration", "apigateway.Integration"],
    ["aws_api_gateway_gateway_response", "apigateway.Response"],
    ["aws_lb", "lb.LoadBalancer"],
    ["aws_instance", "ec2.Instance"],
    ["aws_security_group", "ec2.SecurityGroup"],
    ["aws_s3_bucket", "s3.Bucket"],
    ["aws_lambda_function", "lambda.Function"],
    ["aws_autoscaling_group_tag", "autoscaling.Tag"],
  ])("%s → %s", (tf, key) => expect(resolveResourceType(tf)?.key).toBe(key));

  it("data sources become invokes", () => {
    expect(resolveDataSource("aws_iam_policy_document")?.key).toBe("iam.getPolicyDocument");
    expect(resolveDataSource("aws_caller_identity")?.key).toBe("index.getCallerIdentity");
  });

  it("attributes map through the schema", () => {
    const integration = resolveResourceType("aws_api_gateway_integration")!.schema.args;
    expect(mapProperty("rest_api_id", integration, "aws_api_gateway_integration")).toBe("restApi");
    expect(mapProperty("timeout_milliseconds", integration)).toBe("timeoutMilliseconds");
    const fn = resolveResourceType("aws_lambda_function")!.schema;
    expect(mapProperty("function_name", fn.outputs, "aws_lambda_function")).toBe("name");
    expect(mapProperty("filename", fn.args, "aws_lambda_function")).toBe("code");
    const perm = resolveResourceType("aws_lambda_permission")!.schema.args;
    expect(mapProperty("function_name", perm, "aws_lambda_permission")).toBe("function");
    const sg = resolveResourceType("aws_security_group")!.schema.args;
    expect(mapProperty("ingress", sg)).toBe("ingress");
    const pd = resolveDataSource("aws_iam_policy_document")!.schema.args;
    expect(mapProperty("statement", pd)).toBe("statements");
    const link = resolveResourceType("aws_api_gateway_vpc_link")!.schema.args;
    expect(mapProperty("target_arns", link)).toBe("targetArn");
    expect(camel("load_balancer_type")).toBe("loadBalancerType");
  });
});
