s = "Hello, World"
a = s.upper(), s.lower(), s.title(), s.swapcase(), s.casefold(), "ßtraße".upper(), "hello world".capitalize()
b = s.split(", "), "a  b c ".split(), "a,b,,c".split(",", 1), "a b c".rsplit(None, 1), "x".split("x"), "  lead".split(" ")
c = s.find("o"), s.rfind("o"), s.find("o", 5), s.index("W"), s.count("l"), "aaa".count(""), s.find("", 100)
d = s.startswith("Hell"), s.endswith(("x", "ld")), s.startswith("World", 7), s.replace("l", "L", 2), "abc".replace("", "-")
e = "  x  ".strip(), "xxaxx".strip("x"), "  x".lstrip(), "x  ".rstrip(), "abc".strip("ac")
f = "-".join(["a", "b"]), "".join(map(str, range(5))), "42".zfill(5), "-42".zfill(5), "ab".center(7, "*"), "ab".center(6), "ab".ljust(4) + "|", "ab".rjust(4, "0")
g = "a=b=c".partition("="), "a=b=c".rpartition("="), "abc".partition("x"), "line1\nline2\r\nline3".splitlines(), "a\nb\n".splitlines(True)
h = "abc".isalpha(), "123".isdigit(), "12a".isalnum(), " \t".isspace(), "Hello World".istitle(), "abc".islower(), "ABC1".isupper(), "_x1".isidentifier(), "1x".isidentifier(), "".isalpha()
i = "héllo"[1], "héllo"[1:3], "héllo"[::-1], len("héllo"), "abcdef"[::2], "abcdef"[-2:], "abc"[5:], "abc" * 3, "é".encode(), b"caf\xc3\xa9".decode()
j = "x" in "xyz", "ab" not in "xyz", "a" < "b", "Z" < "a", "abc" == "abc", repr("it's"), repr('say "hi"'), repr("tab\there\n"), str(b"x\x00y")
k = "tab\tbed".expandtabs(4), "abc".removeprefix("a"), "abc".removesuffix("c"), "%s-%s" % ("a", 1), "{}/{}".format(1, 2)
l = "\N{GREEK SMALL LETTER ALPHA}", "\x41\u00e9\U0001F600", r"raw\n", b"\x00\xff", "a" "b" 'c', """tri
ple"""
m = str(1), str(1.0), str(None), str([1, "a"]), repr(b"it's"), bytes(3), bytes([65, 66]), bytes("hé", "utf-8"), list(b"ab")
