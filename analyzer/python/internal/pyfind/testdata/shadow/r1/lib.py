WHERE = "r1"
