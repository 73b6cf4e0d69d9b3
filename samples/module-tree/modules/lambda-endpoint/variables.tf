variable "rest_api_id" {
  description = "The REST API the endpoint belongs to."
  type        = string
}

variable "parent_id" {
  description = "The resource the endpoint's path hangs from."
  type        = string
}

variable "path_part" {
  description = "The endpoint's path segment."
  type        = string
}

variable "region" {
  type = string
}
