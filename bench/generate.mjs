import fs from "node:fs";
import path from "node:path";

/** Generates a ~100-line Terraform module of the API Gateway REST family; `i` varies names. */
export function apiGatewayModule(i) {
  const lines = [
    `# Generated API ${i}`,
    `variable "stage_${i}" {`,
    `  type    = string`,
    `  default = "dev"`,
    `}`,
    ``,
    `resource "aws_api_gateway_rest_api" "api" {`,
    `  name        = "api-${i}-\${var.stage_${i}}"`,
    `  description = "Generated API number ${i}"`,
    `}`,
    ``,
  ];
  for (const path of ["users", "orders", "items"]) {
    lines.push(
      `resource "aws_api_gateway_resource" "${path}" {`,
      `  rest_api_id = aws_api_gateway_rest_api.api.id`,
      `  parent_id   = aws_api_gateway_rest_api.api.root_resource_id`,
      `  path_part   = "${path}"`,
      `}`,
      ``,
      `resource "aws_api_gateway_method" "${path}_get" {`,
      `  rest_api_id   = aws_api_gateway_rest_api.api.id`,
      `  resource_id   = aws_api_gateway_resource.${path}.id`,
      `  http_method   = "GET"`,
      `  authorization = "NONE"`,
      `}`,
      ``,
      `resource "aws_api_gateway_integration" "${path}_get" {`,
      `  rest_api_id = aws_api_gateway_rest_api.api.id`,
      `  resource_id = aws_api_gateway_resource.${path}.id`,
      `  http_method = aws_api_gateway_method.${path}_get.http_method`,
      `  type        = "MOCK"`,
      `  # Answer with a fixed body`,
      `  request_templates = {`,
      `    "application/json" = <<EOF`,
      `{ "statusCode": 200 }`,
      `EOF`,
      `  }`,
      `}`,
      ``,
      `resource "aws_api_gateway_method_response" "${path}_get_200" {`,
      `  rest_api_id = aws_api_gateway_rest_api.api.id`,
      `  resource_id = aws_api_gateway_resource.${path}.id`,
      `  http_method = aws_api_gateway_method.${path}_get.http_method`,
      `  status_code = "200"`,
      `}`,
      ``,
    );
  }
  lines.push(
    `output "url_${i}" {`,
    `  value = "https://\${aws_api_gateway_rest_api.api.id}.execute-api.amazonaws.com/\${var.stage_${i}}"`,
    `}`,
  );
  return lines.join("\n") + "\n";
}

/** A small shared module that roots call: one queue and its policy. */
const SHARED_MODULE = `variable "name" {
  type = string
}

resource "aws_sqs_queue" "this" {
  name = var.name
}

output "arn" {
  value = aws_sqs_queue.this.arn
}
`;

/** A CloudFormation template of the API Gateway family; `i` varies names. */
export function apiGatewayTemplate(i) {
  return `AWSTemplateFormatVersion: "2010-09-09"
Description: Generated template ${i}
Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: template-api-${i}
  Items:
    Type: AWS::ApiGateway::Resource
    Properties:
      RestApiId: !Ref Api
      ParentId: !GetAtt Api.RootResourceId
      PathPart: items
  GetItems:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !Ref Items
      HttpMethod: GET
      AuthorizationType: NONE
      Integration:
        Type: MOCK
        RequestTemplates:
          application/json: '{ "statusCode": 200 }'
        IntegrationResponses:
          - StatusCode: "200"
      MethodResponses:
        - StatusCode: "200"
Outputs:
  ApiId:
    Value: !Ref Api
`;
}

/**
 * Writes a repository of \`roots\` root modules (envs/<n>/main.tf, ~100 lines each; every
 * third calls modules/queue), the shared module, and \`templates\` CloudFormation templates.
 */
export function writeRepository(dir, roots, templates = 0) {
  fs.mkdirSync(path.join(dir, "modules", "queue"), { recursive: true });
  fs.writeFileSync(path.join(dir, "modules", "queue", "main.tf"), SHARED_MODULE);
  for (let i = 0; i < roots; i++) {
    const root = path.join(dir, "envs", `env-${String(i).padStart(4, "0")}`);
    fs.mkdirSync(root, { recursive: true });
    const call = i % 3 === 0 ? `\nmodule "queue" {\n  source = "../../modules/queue"\n  name   = "queue-${i}"\n}\n` : "";
    fs.writeFileSync(path.join(root, "main.tf"), apiGatewayModule(i) + call);
  }
  for (let i = 0; i < templates; i++) {
    fs.mkdirSync(path.join(dir, "templates"), { recursive: true });
    fs.writeFileSync(path.join(dir, "templates", `api-${i}.yaml`), apiGatewayTemplate(i));
  }
}

/** One CloudFormation template holding `copies` copies of the API of apiGatewayTemplate (three resources each), ids told apart. */
export function largeTemplate(copies) {
  const out = ['AWSTemplateFormatVersion: "2010-09-09"', "Description: Generated large template", "Resources:"];
  for (let i = 0; i < copies; i++) {
    const body = apiGatewayTemplate(i).split("Resources:\n")[1].split("Outputs:")[0];
    out.push(body.replace(/\b(Api|Items|GetItems)\b/g, `$1${i}`).trimEnd());
  }
  return out.join("\n") + "\n";
}

/** One `.tf` file holding `copies` copies of apiGatewayModule (names told apart). */
export function largeModule(copies) {
  const parts = [];
  for (let i = 0; i < copies; i++) {
    parts.push(apiGatewayModule(i).replace(/"(api|users|orders|items)((?:_get)?(?:_200)?)"(\s*\{)/g, `"$1$2_${i}"$3`).replace(/\.(api|users|orders|items)((?:_get)?(?:_200)?)\./g, `.$1$2_${i}.`));
  }
  return parts.join("\n");
}
