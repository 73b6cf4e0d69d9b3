# A registry module with the copy terraform init downloaded (.terraform/modules): it converts
# from that copy like a local module.
module "labels" {
  source      = "clouddrove/labels/aws"
  version     = "1.3.0"
  name        = "orders"
  environment = "prod"
}

resource "aws_sqs_queue" "orders" {
  name = module.labels.id
  tags = module.labels.tags
}

output "queue_name" {
  value = aws_sqs_queue.orders.name
}
