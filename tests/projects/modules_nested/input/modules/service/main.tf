variable "name" {
  type = string
}

module "api" {
  source      = "../api"
  api_name    = "${var.name}-api"
  stage_name  = "live"
}

output "url" {
  value = module.api.invoke_url
}

output "function_name" {
  value = module.api.handler_name
}
