# Two modules that read each other's outputs (Terraform graphs resources, not modules): the
# output read before its module exists is a deferred Output, resolved once it does.
module "iam" {
  source       = "./modules/iam"
  function_arn = module.fn.arn
}

module "fn" {
  source   = "./modules/fn"
  role_arn = module.iam.role_arn
}

output "function_arn" {
  value = module.fn.arn
}
