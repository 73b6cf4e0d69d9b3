output "urn" {
  value = "api-gw"
}
