import a
NAME = "b"
def helper():
    return a.VALUE + 1
def from_a():
    return "b sees " + str(a.VALUE)
