out = []
for i in range(10):
    if i % 2:
        continue
    if i > 6:
        break
    out.append(i)
else:
    out.append("no-break")

n = 0
while n < 5:
    n += 1
else:
    out.append("while-else")

def classify(v):
    match v:
        case 0 | 1:
            return "small"
        case int(x) if x > 100:
            return f"big {x}"
        case [a, b, *rest]:
            return ("seq", a, b, rest)
        case {"k": value, **others}:
            return ("map", value, others)
        case str() as s:
            return "str " + s
        case (1, 2):
            return "never"
        case None:
            return "none"
        case _:
            return "other"

r1 = [classify(v) for v in [0, 1, 500, [1, 2, 3, 4], (5, 6), {"k": 1, "z": 2}, "hi", None, 3.5]]

class P:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y

def where(p):
    match p:
        case P(0, 0):
            return "origin"
        case P(x=0, y=y):
            return f"y-axis {y}"
        case P(x, _):
            return f"x={x}"

r2 = where(P(0, 0)), where(P(0, 5)), where(P(3, 4))
r3 = [x if x > 1 else -x for x in range(4)]
r4 = {(i, j) for i in range(2) for j in range(2) if i != j} == {(0, 1), (1, 0)}
a = b = [1]
a.append(2)
r5 = b, a is b, 1 if [] else 2, [] or "empty", 0 and 1, None or 0 or "x"
del a
try:
    a
except NameError as e:
    r6 = str(e)
x = 10
def shadow():
    return [x for x in range(3)], x
r7 = shadow()
total = 0
for k, v in {"a": 1, "b": 2}.items():
    total += v
r8 = total, f"{total:>5}", f"{total!r:^7}|", f"{'nested':*^{12}}", f"{3.14159:.2f}", f"{x=}", f"{x=:5d}"
