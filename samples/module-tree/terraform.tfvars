stage_name = "prod"
