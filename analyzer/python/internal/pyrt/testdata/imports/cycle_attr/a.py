import b
A = 1
