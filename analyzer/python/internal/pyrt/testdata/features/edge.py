def f(a, b=2, *, c):
    return a, b, c

def call_errors():
    out = []
    for call in [lambda: f(), lambda: f(1), lambda: f(1, 2, 3, c=1), lambda: f(1, c=1, d=2), lambda: f(1, a=1, c=2), lambda: (lambda x, /: x)(x=1), lambda: (lambda: 0)(1), lambda: (lambda a, b, c: 0)(1)]:
        try:
            call()
        except TypeError as e:
            out.append(str(e))
    return out

r1 = call_errors()

class A:
    def who(self):
        return ["A"]

class B(A):
    def who(self):
        return ["B"] + super().who()

class C(A):
    def who(self):
        return ["C"] + super().who()

class D(B, C):
    def who(self):
        return ["D"] + super().who()

r2 = D().who()

class Lazy:
    def __getattr__(self, name):
        if name.startswith("x"):
            return name.upper()
        raise AttributeError(name)

lz = Lazy()
r3 = lz.xray, getattr(lz, "nope", "default"), hasattr(lz, "xy")

class Counter:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n

r4 = list(Counter(3)), sum(Counter(4)), sorted(Counter(3))

class NoHash:
    def __eq__(self, other):
        return True

try:
    hash(NoHash())
except TypeError as e:
    r5 = str(e)

def finally_return():
    try:
        return "try"
    finally:
        return "finally"

r6 = finally_return()

def chain():
    try:
        try:
            1 / 0
        except ZeroDivisionError as e:
            raise ValueError("wrapped") from e
    except ValueError as e:
        return repr(e.__cause__), repr(e.__context__)

r7 = chain()
calls = []
def side(x):
    calls.append(x)
    return x
r8 = side(1) < side(2) < side(0) < side(5), calls
r9 = sorted([("b", 2), ("a", 2), ("c", 1)], key=lambda p: p[1]), max(["aa", "b", "cc"], key=len), min([], default=None)
dv = {"a": 1}
r10 = dv.keys(), dv.values(), dv.items(), list(reversed(dv))
def star_mid(*a, **k):
    return a, k
r11 = star_mid(1, *[2, 3], 4, *(), **{"x": 1}, y=2)
class Base2:
    @classmethod
    def create(cls):
        return cls.__name__
class Sub2(Base2):
    @classmethod
    def create(cls):
        return "sub:" + super().create()
r12 = Sub2.create(), Sub2().create(), Base2.create()
class Prop:
    def __init__(self):
        self._v = 1
    def _get(self):
        return self._v
    def _del(self):
        self._v = None
    v = property(_get, None, _del, "doc")
pr = Prop()
del pr.v
r13 = pr.v, Prop.v.__doc__
try:
    pr.v = 3
except AttributeError as e:
    r14 = str(e)
r15 = [i for i in range(3)] + [j * 2 for j in range(2)], {i: i * i for i in range(3)}, tuple(i for i in "ab")
nums = [1, 2, 3, 4, 5, 6]
del nums[1::2]
nums[0:1] = []
r16 = nums, nums.copy() is nums
r17 = isinstance(1, (str, int)), isinstance("x", str | None), issubclass(bool, (int, str)), int | None, list[int], dict[str, list[int]], type(None)
r18 = str(ValueError("a", 1)), repr(KeyError("k")), str(KeyError("k")), repr(Exception()), str(OSError(2, "x"))
class WithClassAttr:
    items = []
    def add(self, x):
        self.items.append(x)
        return self
r19 = WithClassAttr().add(1).add(2).items, WithClassAttr.items
def gen_fn():
    x = yield 1
    yield x
r20 = list(gen_fn())
x = 5
def outer():
    x = 1
    class Inner:
        y = x
    return Inner.y
r21 = outer()
r22 = [*range(3), *"ab"], {**{"a": 1}, "b": 2}, (*[1],), print("ignored")
r23 = "a" if 0 else "b", not [], -(-3), +True, 3 if 1 < 2 else 4
r24 = divmod(-7, 2), (-7).__floordiv__(2), 7 .__rsub__(10), "ab".__len__(), [1, 2].__contains__(2)
r25 = int.__name__, len.__name__, str.upper.__name__, type(len).__name__, type(f).__name__
