import re


def attempt(f, *args, **kwargs):
    try:
        v = f(*args, **kwargs)
        return (repr(v), str(v))
    except Exception as e:
        return type(e).__name__ + ": " + str(e)


m = re.match(r"(?P<key>\w+)=(?P<value>\d*)(x)?", "name=42;rest")
match_info = (repr(m), m.group(), m.group(0), m.group(1, 2), m["key"], m.groups(), m.groups("-"), m.groupdict(), m.span(), m.span(2),
              m.start(3), m.end("value"), m.lastindex, m.lastgroup, m.regs, m.pos, m.endpos, m.re, m.string, bool(m), m.expand(r"\2:\g<key>"))
searches = [re.search(p, s) for p, s in [("b+", "aabbbcc"), ("^b", "ab"), ("(?m)^b", "a\nb"), ("c$", "abc\n"), ("c\\Z", "abc\n"),
                                         ("\\bfoo\\b", "a foo."), ("\\Bo", "foo"), ("x*", ""), ("\\b", ""), ("(a|ab)(c|bcd)(d*)", "abcd"),
                                         ("(a+)+b", "aaab"), ("(?i)HeLLo", "say hello"), ("[^a-c]+", "abcxyz"), ("(?s).+", "a\nb"), (".+", "a\nb"),
                                         ("(?<=a)b", "ab"), ("(?<!a)b", "ab cb"), ("a(?=c)", "ab ac"), ("a(?!b)", "ab ac"), ("(a)?(?(1)b|c)", "c"),
                                         ("(\\w)\\1", "abccd"), ("(?i)(a)\\1", "aA"), ("\\d+", "x١٢٣"), ("(?a)\\d+", "x١٢٣4"), ("\\s+", "a\u3000b"),
                                         ("(?:(a)|b)*", "ab"), ("(a|)*", "b"), ("(a*)*", "b"), ("(a*?)+?c", "aac"), ("a{2,3}?", "aaaa"),
                                         ("(?>a+)b", "aab"), ("a++b", "aab"), ("(?x) a b # comment", "ab"), (b"\\w+", b"\xe9ab"), ("[\\w-]+", "a-b c")]]
fulls = [re.fullmatch("a|ab", "ab"), re.fullmatch("a*?", "aaa"), re.compile("b").match("ab", 1), re.compile("^b").search("ab", 1),
         re.compile("a$").search("ab", 0, 1), re.compile("b").fullmatch("abc", 1, 2)]
finds = [re.findall(r"\d+", "a1b22c333"), re.findall(r"(\w)=(\d)", "a=1 b=2"), re.findall(r"(\w)=\d", "a=1 b=2"), re.findall(r"x*", "axxb"),
         re.findall(r"|a", "aa"), re.findall(r"\b", "ab cd"), [m.span() for m in re.finditer(r"a*", "baaac")]]
splits = [re.split(r",\s*", "a, b,c"), re.split(r"(,)", "a,b"), re.split(r"x*", "axbc"), re.split(r"(x)?y", "ayxyz"), re.split(r",", "a,b,c", 1),
          re.split(r"\b", "ab cd"), re.split(b"-", b"a-b"), re.split(r"", "abc")]
subs = [re.sub(r"\d+", "#", "a1b22"), re.sub(r"(\w)(\d)", r"\2\1", "a1 b2"), re.sub(r"(?P<w>\w+)", r"<\g<w>>", "hi there"), re.subn(r"a", "b", "aaa", 2),
        re.sub(r"x*", "-", "abc"), re.sub(r"a", lambda m: m.group().upper(), "banana"), re.sub(r"(a)|b", r"[\1]", "ab"), re.sub(r"a", r"\n\t\\", "a"),
        re.sub(b"a", b"\\x", b"a") if False else re.sub(b"a", b"b", b"cat"), re.sub(r"(a)", r"\g<1>0", "a"), re.sub(r"a", r"\0", "a"), re.sub("", "-", "ab")]
errors = [attempt(re.sub, "a", r"\q", "a"), attempt(re.sub, "a", r"\2", "a"), attempt(re.sub, "(a)", r"\g<x>", "a"), attempt(re.sub, "a", r"\g<", "a"),
          attempt(re.match, "a", b"a"), attempt(re.match, b"a", "a"), attempt(re.match, "a", 1), attempt(lambda: re.match("a", "a").group(2)),
          attempt(lambda: re.match("(a)", "a").group("x")), attempt(re.sub, b"a", "x", b"cat"), attempt(re.sub, "a", b"x", "cat"),
          attempt(re.sub, "a", 5, "cat"), attempt(re.sub, "a", lambda m: 5, "cat"), attempt(re.sub, b"(a)", "[\\1]", b"xay"),
          attempt(re.sub, "(a)", b"<\\g<0>>", "xay"), attempt(lambda: re.match("(a)", "a").expand(b"[\\1]")), attempt(lambda: re.match("(a)", "a").expand(r"\\2")), attempt(re.sub, b"a", "x", b"dog"), attempt(re.sub, "a", lambda m: None, "cat")]
tricky = [(p.findall(s), p.split(s), p.sub("<\\g<0>>" if isinstance(s, str) else b"<\\g<0>>", s)) for p, s in [
    (re.compile(r"[A-z]+", re.I), "AZaz[]_`"), (re.compile(r"\s+"), "a\x1c\x1d b"), (re.compile(rb"\s+"), b"a\x1c b"),
    (re.compile(r"(?m)x$"), "x\nx\n"), (re.compile(r"[\W\d]+"), "ab12!?c"), (re.compile(r"(?i)[^a-c]+"), "ABCdef"),
    (re.compile(r"\w+", re.A), "ab١٢_c"), (re.compile(r".(?s:.)(?-s:.)?"), "a\n\n"), (re.compile(r"\x41\101\0"), "AA\x00")]]
del re, attempt, m
