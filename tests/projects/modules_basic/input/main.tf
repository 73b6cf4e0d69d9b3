# A module called twice (one class, two instances), its outputs read by a resource and by a
# root output; providers passed to one call (from providers.tf, read after this file), depends_on
# on the other.
variable "env" {
  type    = string
  default = "dev"
}

resource "aws_sns_topic" "alerts" {
  name = "alerts-${var.env}"
}

module "orders_queue" {
  source    = "./modules/queue"
  name      = "orders-${var.env}"
  topic_arn = aws_sns_topic.alerts.arn
  retention = 3600
}

module "payments_queue" {
  source    = "./modules/queue"
  name      = "payments-${var.env}"
  topic_arn = aws_sns_topic.alerts.arn

  providers = {
    aws = aws.west
  }

  depends_on = [module.orders_queue]
}

resource "aws_sns_topic_subscription" "orders" {
  topic_arn = aws_sns_topic.alerts.arn
  protocol  = "sqs"
  endpoint  = module.orders_queue.queue_arn
}

output "queue_urls" {
  value = [module.orders_queue.queue_url, module.payments_queue.queue_url]
}

output "orders_retention" {
  value = module.orders_queue.retention
}
