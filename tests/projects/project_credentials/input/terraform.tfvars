audit_access_key = "AKIAFIXTURETFVARS0004"
audit_secret_key = "fixture-tfvars-secret-do-not-leak-5"
db_password      = "fixture-db-password-do-not-leak-6"
instance_count   = 3
tags = {
  team = "core"
}
