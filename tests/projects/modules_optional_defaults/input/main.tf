# A module variable with optional(type, default) attributes: the component applies the defaults
# to what the call passes, even when the call passes an Output.
resource "aws_sqs_queue" "dead_letters" {
  name = "dead-letters"
}

module "service" {
  source = "./modules/service"
  settings = {
    name = "api"
  }
  queue = {
    dead_letter_arn = aws_sqs_queue.dead_letters.arn
  }
}

output "port" {
  value = module.service.port
}

output "retries" {
  value = module.service.retries
}
