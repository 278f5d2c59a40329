import b
VALUE = 1
def late():
    return b.from_a()
