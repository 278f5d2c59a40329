a = {443, 80, 8080}
b = frozenset({443, 80, 8080})
c = set()
for i in [5, 13, 21, 29, 37, 45, 8, 16, 100, -1, -2, 2**40, 7]:
    c.add(i)
c.discard(13); c.add(61)
d = set([3, 11, 19, 27, 35])
e = d | {1, 9, 17}
f = {(1, 2), (3, 4), 5.5, -7, None, True}
g = set(range(40))
for i in range(0, 40, 3):
    g.discard(i)
h = frozenset(g)
p = set([9, 17, 25]); p1 = p.pop(); p2 = p.pop()
out = [repr(a), repr(b), repr(c), repr(d), repr(e), repr(f), repr(g), repr(h), (p1, p2), repr(p)]
q = {1}
q.discard(1)
q |= {8, 16, 0}
q_after_dummy = repr(q)
