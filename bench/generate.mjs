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
