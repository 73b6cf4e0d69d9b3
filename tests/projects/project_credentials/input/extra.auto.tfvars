instance_count = 2
unknown_var    = "x"
