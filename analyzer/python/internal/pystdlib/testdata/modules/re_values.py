import re


def attempt(f, *args, **kwargs):
    try:
        v = f(*args, **kwargs)
        return (repr(v), str(v))
    except Exception as e:
        return type(e).__name__ + ": " + str(e)


flag_reprs = [repr(f) for f in (re.I, re.M, re.S, re.X, re.A, re.U, re.L, re.NOFLAG, re.T, re.DEBUG, re.IGNORECASE)]
flag_values = [int(f) for f in (re.I, re.M, re.S, re.X, re.A, re.U, re.L, re.NOFLAG)]
combined = [re.I | re.M, re.M | re.I, re.I | re.M | re.S | re.X | re.A | re.L | re.U | re.T | re.DEBUG, re.I | 1024, re.I | 2048 | 1024,
            re.RegexFlag(1024), re.RegexFlag(0), re.RegexFlag(3), ~re.I, ~(re.I | re.M), ~re.NOFLAG, ~re.RegexFlag(1024),
            re.RegexFlag(-1), re.I & re.M, re.I ^ re.I, re.I & 3, 3 & re.I, re.I | True, 1 | re.I, re.RegexFlag(2**40)]
combined_text = [(repr(f), str(f), int(f), f.name, format(f), f"{f}", "%s" % f, "%d" % f) for f in combined]
flag_misc = (re.I + 1, -re.I, re.I == 2, hash(re.I), hash(re.I | re.M), re.I in (re.I | re.M), bool(re.NOFLAG), re.A is re.ASCII,
             re.RegexFlag["IGNORECASE"], re.I.name, re.I.value, list(re.I | re.M), len(re.I | re.M), sorted([re.M, re.I]),
             format(re.I, "d"), format(re.I, ">5"), isinstance(re.I, int), type(re.I), re.RegexFlag, (re.I | re.M) is (re.I | re.M),
             attempt(lambda: re.I | 1.5), re.U.name, (re.I | 1024).name, re.RegexFlag(1024).name, re.I < re.M, re.RegexFlag.__mro__[1:3])

patterns = [re.compile("a+"), re.compile("a+", re.IGNORECASE), re.compile(b"a+", re.I), re.compile("a", re.A), re.compile(b"a"),
            re.compile("(?i)x"), re.compile("(?x) a b # c"), re.compile("(?P<first>a)(?P<second>b)(c)(?:d)"),
            re.compile("a", re.I | re.M | re.S | re.X), re.compile("a", 1024), re.compile("é" * 300),
            re.compile("(?ms)^$"), re.compile("x", re.T), re.compile(b"(?L)x"), re.compile("(?au)x" if False else "(?a)x")]
pattern_attrs = [(p.pattern, p.flags, p.groups, dict(p.groupindex), repr(p), str(p)) for p in patterns]
groupindex = (re.compile("(?P<a>x)(?P<b>y)").groupindex, re.compile("a").groupindex, re.compile("(?P<n>x)").groupindex["n"],
              list(re.compile("(?P<a>x)(?P<b>y)").groupindex), len(re.compile("(?P<a>x)").groupindex))
equality = (re.compile("a") == re.compile("a"), re.compile("a") == re.compile("a", re.I), re.compile("a") == re.compile(b"a"),
            re.compile("a") is re.compile("a"), re.compile("a", re.I) is re.compile("a", 2), hash(re.compile("a")) == hash(re.compile("a")),
            len({re.compile("a"), re.compile("a"), re.compile("b")}), re.compile(re.compile("a")) is re.compile("a"))
compile_errors = [attempt(re.compile, *a) for a in [
    ("(",), (")",), ("a)",), ("[a",), ("[z-a]",), ("a**",), ("*",), ("^*",), ("a{2,1}",), ("\\",), ("(?P<1a>x)",), ("(?P<a>x)(?P<a>y)",),
    ("(?P=b)",), ("(a\\1)",), ("\\2(a)",), ("(?<=a+)b",), ("(?<=a|bc)",), ("(?<=(a)\\1)",), ("a(?i)",), ("(?z)",), ("(?i-i:a)",),
    ("(?-L:a)",), ("(?L)a",), ("x", re.L), ("(?a)x", re.U), (b"x", re.U), (b"(?u)x",), ("\\q",), ("[\\q]",), ("\\x4",), ("\\u12",),
    ("\\U00110000",), ("\\400",), ("[\\400]",), ("(?#abc",), ("(?P",), ("(?Px)",), ("(?<x)",), ("(?(x)a)",), ("(?(1)a|b|c)",), ("(?(0)a)",),
    ("(a)(?(2)b)",), ("a{99999999999}",), ("[\\d-z]",), ("a\nb(",), (b"\xe9(",), ("(?P<\xe9>x)(?P<\xe9>y)",), (b"(?P<\xe9\xff>x)",),
    (1,), (re.compile("a"), re.I), ("(?x)[a\n# b",), ("(?i", ), ("(?i-", ), ("(?i-x", ), ("(?i-9:a)", ), ("(?i9)", ), ("(?-", ),
    ("(?()a)",), ("(?(-1)a)",), ("(?(a-b)a)",), ("a{,5}b{3,}c{}d{x}e{1",), ("\\b*",), ("(?:)*",), ("(?=a)*",), ("a|*",), ("()\\1*",),
]]
compiled_ok = [(p.groups, p.flags) for p in [re.compile(s) for s in ("a{,5}b{3,}c{}d{x}e{1", "(?:)*", "(?=a)*", "()\\1*", "(?x)a # c\n b", "(?(1)a|b)(x)", "[]a]", "[^]]", "[a-]", "\\0\\01\\012\\0123", "\\x41\\u0042\\U00000043")]]
escapes = [re.escape(s) for s in ("a-b.c d_é\x00\n\t#&~", "", "()[]{}?*+-|^$\\.&~# \t\n\r\v\f", "plain", "1.5*x")] + [re.escape(b"a-b.c\x00\xff"), attempt(re.escape, 5)]
try:
    re.compile("a\n(b")
except re.error as e:
    error_attrs = (e.msg, e.pattern, e.pos, e.lineno, e.colno, str(e), repr(e), isinstance(e, Exception), re.error.__mro__, re.error.__module__)
err_plain = (str(re.error("x")), re.error("x").lineno, str(re.error("x", "ab", 1)), str(re.error("x", b"a\nb", 3)))
del re, attempt, patterns
