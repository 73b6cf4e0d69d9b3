variable "settings" {
  type = object({
    name = string
    port = optional(number, 8080)
  })
}

variable "queue" {
  type = object({
    dead_letter_arn = string
    retries         = optional(number, 4)
  })
}

resource "aws_sqs_queue" "work" {
  name = "${var.settings.name}-work"
  redrive_policy = jsonencode({
    deadLetterTargetArn = var.queue.dead_letter_arn
    maxReceiveCount     = var.queue.retries
  })
}

output "port" {
  value = var.settings.port
}

output "retries" {
  value = var.queue.retries
}
