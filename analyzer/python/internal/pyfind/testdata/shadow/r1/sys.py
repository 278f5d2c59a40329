platform = "local sys"
