# complex numbers: literals, the constructor, arithmetic, comparisons,
# hashing, methods and their use in containers and classes.
a = 2j, 1.5J, 1e3j, 1_0j, 0j, -0j, 0.0j, 1e400j, 00j, 0777j, 1.j, .5j
b = 1 + 2j, 1.5 - 2j, -(0j), -1 - 1j, (1 + 2j) * 1j, 3 - 0j, 1e16j, 1e16 + 1e16j, -1e-5j
c = complex(), complex(1), complex(1.5, -2), complex("1+2j"), complex(" ( -1.5e3-Infj ) "), complex("nan-nanj"), complex("J")
d = complex(1j, 1j), complex(real=3), complex(imag=-0.0), complex(True, False), complex(2 ** 60, 0.1)
e = (1 + 2j) / (3 - 4j), (1 + 2j) ** 2, (1 + 2j) ** -3, 2 ** 1j, (-8) ** (1 / 3), 1j ** 0.5, (2 + 3j) ** (1 - 1j)
f = abs(3 + 4j), abs(-0j), bool(0j), bool(-0j), bool(1e-300j), hash(1 + 0j) == hash(1), hash(2.5 - 3j), hash(-1 + 0j)
g = 1 + 0j == 1, 1.5 + 0j == 1.5, 1j == 1j, 1j != 1, 1 + 1j == 1, 2 ** 53 + 1 == complex(2 ** 53 + 1)
h = (1 + 2j).real, (1 + 2j).imag, (1 - 2j).conjugate(), (3j).__complex__(), type(1j).__name__, isinstance(1j, complex), isinstance(1, complex)
i = {1: "a", 1 + 0j: "b", 2j: "c"}, {0j, 0, 0.0, False}, sorted([3j, 1j], key=abs), sum([1j, 2, 0.5]), str(-1.5j), repr(1e-7 + 1e22j)
j = format(1 - 1j, ""), f"{2j}", "%s %r" % (1j, 2 + 1j), [1j] * 2, (1j,) + (2,)


class Wave(complex):
    pass


class Num:
    def __complex__(self):
        return 4 + 3j


k = Wave(1, 2), Wave(1, 2) + 1, type(Wave(1, 2) + 1).__name__, isinstance(Wave(), complex), complex(Num()), complex(Num(), 1)
def kind(x):
    match x:
        case 1+2j:
            return "a"
        case -1-1j:
            return "b"
        case 3j:
            return "c"
        case -0j:
            return "d"
        case complex(real=5):
            return "e"
        case complex():
            return "f"
        case _:
            return "g"
matched = [kind(v) for v in (1+2j, -1-1j, 3j, 0j, 5+1j, 2j, 1, 0, 0.0, -1-1.0j)]


errors = []
for fn in [
    lambda: 1 / 0j,
    lambda: 1j // 2,
    lambda: 1j % 2,
    lambda: divmod(1j, 1),
    lambda: 1j < 2j,
    lambda: int(1j),
    lambda: float(1j),
    lambda: complex('1+2'),
    lambda: complex('1__2j'),
    lambda: complex('1', 2),
    lambda: complex(1, '2'),
    lambda: complex([]),
    lambda: complex(1, None),
    lambda: 0j ** -1,
    lambda: 0j ** 1j,
    lambda: (1e200j) ** 2,
    lambda: pow(1j, 2, 3),
    lambda: pow(2.0, 2, 1j),
    lambda: round(1j),
    lambda: ~1j,
    lambda: complex(10 ** 400),
    lambda: max(1j, 2j),
    lambda: complex(1, 2, 3),
    lambda: complex(x=1),
    lambda: (lambda i: [0][i])(1j),
    lambda: complex(real=1, imag=2, x=3),
    lambda: complex(1, real=2),
]:
    try:
        fn()
    except Exception as exc:
        errors.append(f"{type(exc).__name__}: {exc}")
del fn
