variable "role_arn" {
  type = string
}

resource "aws_lambda_function" "this" {
  function_name = "fn"
  role          = var.role_arn
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "fn.zip"
}

output "arn" {
  value = aws_lambda_function.this.arn
}
