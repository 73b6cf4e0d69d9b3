variable "name" {
  type = string
}

variable "environment" {
  type    = string
  default = ""
}

variable "delimiter" {
  type    = string
  default = "-"
}

locals {
  id = join(var.delimiter, compact([var.name, var.environment]))
  tags = {
    Name        = local.id
    Environment = var.environment
  }
}

output "id" {
  value = local.id
}

output "tags" {
  value = local.tags
}
