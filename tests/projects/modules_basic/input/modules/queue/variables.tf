variable "name" {
  description = "The queue's name."
  type        = string
}

variable "topic_arn" {
  description = "The topic allowed to send to the queue."
  type        = string
}

variable "retention" {
  type    = number
  default = 86400
}
