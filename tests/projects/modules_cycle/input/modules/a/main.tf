module "b" {
  source = "../b"
}

output "name" {
  value = "a"
}
