# A registry module with no downloaded copy: a placeholder component stands in its place
# (it fails when the program runs, saying to run terraform init), and the program type-checks.
module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.8.1"
  name    = "main"
  cidr    = "10.0.0.0/16"
}

resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = module.vpc.vpc_id
}

output "private_subnets" {
  value = module.vpc.private_subnets
}
