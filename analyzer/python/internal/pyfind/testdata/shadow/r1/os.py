sep = "local os"
