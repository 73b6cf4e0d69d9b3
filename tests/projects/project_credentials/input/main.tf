# Credentials written into the input: the provider's keys and token, a sensitive variable and
# terraform.tfvars values. None of their values may reach a written file or the console.
provider "aws" {
  region     = "eu-central-1"
  access_key = "AKIAFIXTUREACCESSKEY1"
  secret_key = "fixture/secret/KEY+do-not-leak-1"
}

provider "aws" {
  alias      = "audit"
  region     = "us-east-1"
  access_key = var.audit_access_key
  secret_key = var.audit_secret_key
  token      = "fixture-session-token-do-not-leak-2"
}

variable "audit_access_key" {
  type = string
}

variable "audit_secret_key" {
  type    = string
  default = "fixture-default-secret-do-not-leak-3"
}

variable "db_password" {
  type      = string
  sensitive = true
}

variable "instance_count" {
  type    = number
  default = 1
}

variable "tags" {
  type    = map(string)
  default = {}
}

resource "aws_ssm_parameter" "db" {
  name  = "/app/db-password"
  type  = "SecureString"
  value = var.db_password
  tags  = var.tags
}

resource "aws_sqs_queue" "audit" {
  provider = aws.audit
  count    = var.instance_count
  name     = "audit-${count.index}"
}
