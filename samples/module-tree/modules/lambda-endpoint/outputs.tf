output "path_part" {
  value = aws_api_gateway_resource.path.path_part
}

output "function_name" {
  value = aws_lambda_function.handler.function_name
}
