Z = "namespace portion, not searched"
