# for_each and count on module blocks, instances read by key and by index, a splat over
# them, a whole-module reference, and depends_on naming a repeated module; a resource for
# each instance and a `for` over them, reading a snake_case output through the instance.
variable "copies" {
  type    = number
  default = 2
}

module "buckets" {
  source   = "./modules/bucket"
  for_each = toset(["logs", "data"])
  name     = "acme-${each.key}"
}

module "replicas" {
  source = "./modules/bucket"
  count  = var.copies
  name   = "acme-replica-${count.index}"
}

locals {
  first_replica = module.replicas[0]
}

resource "aws_sns_topic" "ready" {
  name       = "ready"
  depends_on = [module.buckets]
}

output "logs_arn" {
  value = module.buckets["logs"].arn
}

output "replica_names" {
  value = module.replicas[*].name
}

output "first_replica_name" {
  value = local.first_replica.name
}

resource "aws_sns_topic" "per_bucket" {
  for_each     = module.buckets
  name         = "ready-${each.key}"
  display_name = each.value.domain_name
}

output "domain_names" {
  value = [for b in module.buckets : b.domain_name]
}
