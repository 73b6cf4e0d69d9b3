output "constructor" {
  value = "index"
}
