WHERE = "r2"
