# Modules three deep: the root calls service, service calls api, api calls function.
module "service" {
  source = "./modules/service"
  name   = "shop"
}

output "url" {
  value = module.service.url
}

output "function_name" {
  value = module.service.function_name
}
