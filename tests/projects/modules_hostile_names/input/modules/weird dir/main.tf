output "name" {
  value = "weird"
}
