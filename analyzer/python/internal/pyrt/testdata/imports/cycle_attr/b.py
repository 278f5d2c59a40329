import a
X = a.A
