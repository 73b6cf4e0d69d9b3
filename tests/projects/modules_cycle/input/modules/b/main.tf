module "a" {
  source = "../a"
}

output "name" {
  value = "b"
}
