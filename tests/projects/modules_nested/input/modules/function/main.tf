variable "function_name" {
  type = string
}

resource "aws_iam_role" "this" {
  name = "${var.function_name}-role"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Action    = "sts:AssumeRole"
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
    }]
  })
}

resource "aws_lambda_function" "this" {
  function_name = var.function_name
  role          = aws_iam_role.this.arn
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "${path.module}/handler.zip"
}

output "invoke_arn" {
  value = aws_lambda_function.this.invoke_arn
}

output "name" {
  value = aws_lambda_function.this.function_name
}
