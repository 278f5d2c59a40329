VALUE = "r2 package"
