def f(x):
    try:
        if x == 0:
            raise ValueError("zero")
        if x == 1:
            return 1 / 0
        if x == 2:
            return [][1]
        if x == 3:
            return {}["k"]
        return "ok"
    except ValueError as e:
        return "V:" + str(e)
    except (ZeroDivisionError, IndexError) as e:
        return type(e).__name__ + ":" + str(e)
    except LookupError as e:
        return "L:" + repr(e)
    finally:
        log.append(x)

log = []
r1 = [f(i) for i in range(5)], log

class MyError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code

try:
    raise MyError(42, "custom")
except Exception as e:
    r2 = e.code, str(e), e.args, repr(e), isinstance(e, MyError)

def nested():
    try:
        try:
            raise KeyError("inner")
        except KeyError:
            raise RuntimeError("outer") from None
    except RuntimeError as e:
        return str(e), e.__cause__

r3 = nested()

def loop_finally():
    out = []
    for i in range(3):
        try:
            if i == 1:
                continue
            out.append(i)
        finally:
            out.append("f")
    return out

r4 = loop_finally()

def else_clause():
    try:
        x = 1
    except Exception:
        x = 2
    else:
        x = 3
    return x

r5 = else_clause()

def reraise():
    try:
        try:
            int("x")
        except ValueError:
            raise
    except ValueError as e:
        return str(e)

r6 = reraise()

def errors():
    out = []
    for expr in [lambda: undefined_name, lambda: "a" + 1, lambda: None.x, lambda: int("1.5"), lambda: [1, 2].index(5), lambda: (1, 2)[5], lambda: {}.pop(1), lambda: len(5), lambda: 1 < "a", lambda: float("abc"), lambda: chr(-1), lambda: "x" * "y", lambda: hash([])]:
        try:
            expr()
        except Exception as e:
            out.append(type(e).__name__ + ": " + str(e))
    return out

r7 = errors()

def unbound():
    try:
        print(zz)
        zz = 1
    except UnboundLocalError as e:
        return str(e)

r8 = unbound()
try:
    assert 1 == 2, "math"
except AssertionError as e:
    r9 = str(e)

class Ctx:
    def __init__(self):
        self.events = []
    def __enter__(self):
        self.events.append("enter")
        return self
    def __exit__(self, t, v, tb):
        self.events.append(("exit", t.__name__ if t else None))
        return True

with Ctx() as ctx:
    raise ValueError("swallowed")
r10 = ctx.events
try:
    import no_such_module_xyz
except ImportError as e:
    r11 = type(e).__name__, str(e), e.name
r12 = issubclass(ModuleNotFoundError, ImportError), KeyError.__mro__
raise TypeError("final %d" % 3)
