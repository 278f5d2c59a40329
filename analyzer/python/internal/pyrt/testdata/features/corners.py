# Corners of the language that random programs found.
def f(x=0, *args, **kw):
    return x


class K:
    def m(self):
        return 1


def err(fn):
    try:
        fn()
    except Exception as e:
        return type(e).__name__ + ": " + str(e)
    return "no error"


# Where a *value stands decides the message for one that is not iterable,
# and a lone *value is checked after the **mappings.
r1 = [
    err(lambda: f(*1)),
    err(lambda: f(1, *1)),
    err(lambda: f(*1, *[2])),
    err(lambda: [*1]),
    err(lambda: (*None,)),
    err(lambda: {*1}),
    err(lambda: f(*1, **2)),
    err(lambda: f(*[1], **2)),
    err(lambda: f(x=1, **{"x": 2})),
    err(lambda: K().m(*1)),
    err(lambda: K(*1)),
    err(lambda: len(*1)),
    err(lambda: (1,).__len__(**1)),
    err(lambda: (lambda: 0)(*1)),
    err(lambda: str.join(*1)),
]


class B(K, *[object]):
    pass


def class_star():
    class C(*1):
        pass


r2 = err(class_star), B.__mro__


# An exception is not a sequence of its args.
class E(Exception):
    pass


r3 = [
    err(lambda: [*E("a", "b")]),
    err(lambda: E("a")[0]),
    err(lambda: len(E("a"))),
    err(lambda: -E(1)),
    err(lambda: int(E(1))),
    err(lambda: float(E(1.5))),
    bool(E()),
    err(lambda: E[0]),
    err(lambda: K[0]),
]


# Instances of dict subclasses have attributes and dict's repr.
class D(dict):
    def __init__(self, *a, **k):
        super().__init__(*a, **k)
        self.v = a


class P(dict):
    @property
    def size(self):
        return len(self)

    def __getattr__(self, name):
        return name * 2


d = D(a=1)
d.w = 2
p = P(k=3)
r4 = d, d.v, d.w, dict(vars(d)), p, p.size, p.zz, p.keys()
del d.w
r5 = err(lambda: D().missing)


def delete_missing():
    del d.w


r6 = err(delete_missing)

# Booleans format as ints but are named as bool; bytes() takes them as
# counts; slices are not hashable.
r7 = [
    err(lambda: format(True, "s")),
    err(lambda: "{:>(1)}".format(False)),
    format(True, "c"),
    format(True, "x"),
    bytes(True),
    bytes(False),
    err(lambda: {}[1:2]),
    err(lambda: {slice(1): 1}),
]


# Keyword arguments are bound before too many positional ones are
# reported; only keyword-only parameters given count in the message.
def one(a):
    pass


def kwonly(a, *, k=1):
    pass


r8 = [
    err(lambda: one(1, 2, b=3)),
    err(lambda: one(1, 2, a=3)),
    err(lambda: kwonly(1, 2, k=3)),
    err(lambda: (lambda y, **z: 0)(1, 2, v=3)),
    err(lambda: kwonly(1, 2, 3)),
]

# str() checks the types of encoding and errors before the object's.
r9 = [
    err(lambda: str(1.5, "utf-8")),
    err(lambda: str(1.5, ())),
    err(lambda: str(b"x", ())),
    err(lambda: str(b"x", "utf-8", 3)),
    err(lambda: str("s", "utf-8")),
    err(lambda: str(1.5, errors=())),
]

# Exceptions take no keyword arguments unless their class's __init__
# does; neither do list() and tuple(). Keys that are not strings are
# reported after every **mapping is merged.
class Kw(Exception):
    def __init__(self, *a, **k):
        super().__init__(*a)


r10 = [
    err(lambda: E(1, v=2)),
    err(lambda: ValueError(x=1)),
    Kw(1, v=2).args,
    err(lambda: list(key=1)),
    err(lambda: tuple(x=())),
    err(lambda: f(**{1: 2}, **"s")),
    err(lambda: f(**{1: 2})),
]

# Builtins have the attributes of their type; static and class methods
# show what they wrap.
r11 = len.__class__, "a".upper.__class__, staticmethod(f), classmethod(f)

# Slot wrappers check their argument counts; builtins word unknown
# keyword arguments as CPython's argument parser does.
r12 = [
    err(lambda: "s".__len__(1)),
    err(lambda: (1).__add__()),
    err(lambda: (1).__eq__(1, 2)),
    err(lambda: "s".__repr__(1)),
    err(lambda: [].__contains__()),
    err(lambda: (1).__add__(x=1)),
    err(lambda: str(x=1)),
    err(lambda: int(y=1)),
    err(lambda: sum([], q=1)),
]

# Ints of more than 4300 decimal digits do not convert to or from
# decimal text; other bases are not limited.
big = 10**4300
r13 = [
    err(lambda: str(big)),
    err(lambda: repr(-big)),
    len(str(big - 1)),
    err(lambda: int("1" * 4301)),
    len(str(int("1" * 4300))),
    err(lambda: int(" " + "1" * 4301 + "x")),
    err(lambda: int("1" * 4301, 7)),
    int("1" * 4301, 16) % 1000,
    int("1_" * 3000 + "1") % 1000,
    err(lambda: "%d" % big),
    err(lambda: format(big, ",")),
    err(lambda: f"{big}"),
    format(big, "x")[:8],
    "%x" % big == hex(big)[2:],
    err(lambda: int(b"1" * 4301)),
]
del big

# object.__init__ refuses arguments passed on to it from a class's own
# __init__ (str, int and tuple have no __init__ of their own); ids are
# positive; list() checks keywords before the argument count.
class PassOn:
    def __init__(self, *a):
        super().__init__(*a)


class StrPassOn(str):
    def __init__(self, *a, **k):
        super().__init__(*a, **k)


class ListPassOn(list):
    def __init__(self, *a):
        super().__init__(*a)


r14 = [
    err(lambda: PassOn(1)),
    err(lambda: PassOn()),
    err(lambda: StrPassOn([1])),
    StrPassOn(),
    ListPassOn([1]),
    err(lambda: object.__init__(PassOn(), 1)),
    id(()) > 0,
    id(None) > 0,
    err(lambda: list(1, 2, key=3)),
    err(lambda: tuple(1, 2, x=3)),
]

# str() of an exception shows its arguments with their own __repr__.
class R:
    def __repr__(self):
        return "R!"


r15 = str(KeyError(R())), str(KeyError((R(),))), str(ValueError(R(), 1)), str(OSError(2, R(), R()))

# Generators show their qualified names.
def gen_f():
    return (x for x in []), [(y for y in []) for _ in [1]][0]


class GenC:
    g = (x for x in [])

    def m(self):
        yield 2


def gen_h():
    yield 1


r16 = gen_f(), (x for x in []), GenC.g, gen_h(), GenC().m()
del GenC.g

# list.__new__ and dict.__new__ ignore their arguments: a subclass's own
# __init__ takes them and fills the container through super().__init__.
class Pair(list):
    def __init__(self, a, b):
        super().__init__([a, b])


class Counted(list):
    def __init__(self, *a):
        self.n = len(a)


class Entry(dict):
    def __init__(self, k, v, **more):
        super().__init__({k: v}, **more)


r17 = [Pair(1, 2), Counted(1, 2, 3), Counted(1).n, Entry(1, 2, z=3), err(lambda: Entry(1))]
