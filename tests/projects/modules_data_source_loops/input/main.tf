# A module whose loops count a data source (the VPC-module idiom), called twice: the root reads
# the zones once, before anything is created, and passes them to each instance.
module "vpc" {
  source = "./modules/vpc"
  cidr   = "10.0.0.0/16"
}

module "edge" {
  source   = "./modules/vpc"
  cidr     = "10.1.0.0/16"
  az_count = 1
}

output "public_subnet_ids" {
  value = module.vpc.public_subnet_ids
}

output "edge_private_subnet_ids" {
  value = module.edge.private_subnet_ids
}
