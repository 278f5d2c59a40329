class Base:
    kind = "base"
    def __init__(self, x):
        self.x = x
    def describe(self):
        return f"{self.kind}:{self.x}"
    def __repr__(self):
        return f"{type(self).__name__}({self.x!r})"

class Child(Base):
    kind = "child"
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
    def describe(self):
        return super().describe() + f"/{self.y}"

c = Child(1, "two")
r1 = c.describe(), c, c.x, c.y, Child.kind, isinstance(c, Base), type(c) is Child

class A: pass
class B(A): pass
class C(A): pass
class D(B, C): pass
mro = [k.__name__ for k in D.__mro__]

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)
    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __lt__(self, other):
        return (self.x, self.y) < (other.x, other.y)
    def __repr__(self):
        return "Point(%d, %d)" % (self.x, self.y)
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __contains__(self, v):
        return v in (self.x, self.y)

p = Point(1, 2) + Point(3, 4)
r2 = p, p == Point(4, 6), p != Point(0, 0), sorted([Point(2, 1), Point(1, 5)]), len(p), list(p), 6 in p, {Point(1, 1): "a"}[Point(1, 1)]

class Temp:
    def __init__(self):
        self._c = 0
    @property
    def c(self):
        return self._c
    @c.setter
    def c(self, v):
        self._c = v * 2
    @staticmethod
    def s(a):
        return a + 1
    @classmethod
    def make(cls):
        return cls()

t = Temp.make()
t.c = 5
r3 = t.c, Temp.s(1), t.s(2), type(t).__name__

class Registry:
    items = []
    def __init_subclass__(cls, tag="none", **kw):
        super().__init_subclass__(**kw)
        Registry.items.append((cls.__name__, tag))

class R1(Registry, tag="one"): pass
class R2(Registry): pass
r4 = Registry.items

class Meta(type):
    def __new__(mcs, name, bases, ns):
        ns["added"] = name.lower()
        return super().__new__(mcs, name, bases, ns)

class WithMeta(metaclass=Meta):
    pass

r5 = WithMeta.added, type(WithMeta).__name__

class Slots:
    a = 1
    b = a + 1
    try:
        c = [a * i for i in range(3)]
    except NameError as e:
        c = str(e)

r6 = Slots.b, Slots.c, Slots.__qualname__, Slots.__module__

class Outer:
    class Inner:
        pass

r7 = Outer.Inner.__qualname__, repr(Outer.Inner)

def cls_in_func():
    class Local:
        pass
    return Local.__qualname__

r8 = cls_in_func()
Dyn = type("Dyn", (Base,), {"kind": "dyn"})
r9 = Dyn(5).describe(), Dyn.__mro__
r10 = getattr(c, "x"), getattr(c, "nope", "dflt"), hasattr(c, "y"), hasattr(c, "z")
setattr(c, "z", 26)
r11 = c.z, vars(c)

class ReprMeta(type):
    def __repr__(cls):
        return "<kind %s>" % cls.__name__

class Shown(metaclass=ReprMeta):
    pass

r12 = repr(Shown), str(Shown), [Shown], "%s|%r" % (Shown, Shown), f"{Shown}"

class Named(int):
    def __str__(self):
        return "named-%d" % int(self)

class Bits(int):
    def __contains__(self, other):
        return other & self == other

def op_error(f):
    try:
        f()
    except TypeError as e:
        return str(e)

r13 = "%s|%r|%d" % (Named(5), Named(5), Named(5)), "%s" % Named(7), 1 in Bits(3), 4 in Bits(3), op_error(lambda: Named(1) | 1.5), op_error(lambda: 2.5 ^ Named(1)), Named(3) % 2, 7 % Named(4), hasattr(int, "__len__"), hasattr(int, "__contains__"), hasattr(str, "__contains__")
