variable "function_arn" {
  type = string
}

resource "aws_iam_role" "this" {
  name               = "fn-role"
  assume_role_policy = "{}"
}

resource "aws_iam_role_policy" "invoke" {
  role = aws_iam_role.this.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "lambda:InvokeFunction", Resource = var.function_arn }]
  })
}

output "role_arn" {
  value = aws_iam_role.this.arn
}
