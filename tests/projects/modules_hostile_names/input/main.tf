# Directory and instance names that would clash or escape: api-gw and api_gw (one PascalCase
# name), a reserved word, a name the project uses itself, a space; outputs named like members
# of ComponentResource.
module "api-gw" {
  source = "./modules/api-gw"
}

module "api_gw" {
  source = "./modules/api_gw"
}

module "class" {
  source = "./modules/class"
}

module "index" {
  source = "./modules/index"
}

module "weird" {
  source = "./modules/weird dir"
}

output "names" {
  value = [module.api-gw.urn, module.api_gw.urn, module.class.default, module.index.constructor, module.weird.name]
}
