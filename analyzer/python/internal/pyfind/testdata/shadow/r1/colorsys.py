VALUE = "local colorsys"
