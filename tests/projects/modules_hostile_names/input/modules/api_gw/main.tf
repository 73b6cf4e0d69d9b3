output "urn" {
  value = "api_gw"
}
