variable "default" {
  type    = string
  default = "class"
}

output "default" {
  value = var.default
}
