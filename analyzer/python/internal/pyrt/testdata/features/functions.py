def add(a, b=10, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))

r1 = add(1, c=3)
r2 = add(1, 2, 3, 4, c=5, e=6)
r3 = add(*[1, 2], **{"c": 0, "z": 1})

def posonly(a, /, b, *, c=1):
    return a + b + c

r4 = posonly(1, b=2)

def counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc

inc = counter()
r5 = inc(), inc(5), inc()

G = 1
def set_global():
    global G
    G = G + 1
    return G

r6 = set_global(), G

def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

r7 = fact(30)

def make_adders():
    return [lambda x, i=i: x + i for i in range(3)]

r8 = [f(10) for f in make_adders()]
late = [lambda: i for i in range(3)]
r9 = [f() for f in late]

def gen(n):
    for i in range(n):
        if i == 3:
            return
        yield i * 2
    yield 99

r10 = list(gen(5)), list(gen(2))

def yf():
    yield from [1, 2]
    yield 3

r11 = list(yf())

def defaults(x=[]):
    x.append(1)
    return len(x)

r12 = defaults(), defaults(), defaults([])
sq = lambda x: x * x
r13 = sq(7), (lambda *a, **k: (a, k))(1, b=2)

def deco(tag):
    def wrap(fn):
        def inner(*a):
            return tag + str(fn(*a))
        inner.__name__ = fn.__name__
        return inner
    return wrap

@deco("<")
@deco(">")
def val(x):
    return x

r14 = val(3), val.__name__

def walrus(data):
    if (n := len(data)) > 2:
        return n
    return -n

r15 = walrus([1, 2, 3]), walrus([1]), [y for x in range(5) if (y := x * 2) > 4], y

def kwonly_err():
    try:
        add(1)
    except TypeError as e:
        return str(e)

r16 = kwonly_err()

def doc():
    "A docstring."

r17 = doc.__doc__, doc.__name__, doc.__qualname__, counter().__qualname__
