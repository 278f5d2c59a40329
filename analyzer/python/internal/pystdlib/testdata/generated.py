# Generated inputs for os.path, math and the str()/repr() of the datetime,
# decimal, fractions, uuid, pathlib and ipaddress values, json.dumps and
# json.loads over random constants, run by CPython 3.11 and by pyrt;
# the test compares repr(out).
import math
import os.path as p

paths = [""]
frontier = [""]
for _ in range(5):
    frontier = [s + c for s in frontier for c in "a./"]
    paths.extend(frontier)
out = []
for x in paths:
    out.append((p.split(x), p.splitext(x), p.normpath(x), p.isabs(x), p.basename(x), p.dirname(x), p.join(x, x), p.join("a", x, "b")))

numbers = [0, 1, -1, 7, 10, 2**53 + 1, 2**70, -(2**70), 10**400, True, 0.0, -0.0, 0.5, 1.5, 2.5, -2.5, 1e-300, 5e-324, 1e300, 1.7976931348623157e308, -1e300, 123456.789, math.pi, math.e, math.inf, -math.inf, math.nan, "1", None]
for f in (math.floor, math.ceil, math.trunc, math.sqrt, math.log, math.log2, math.log10, math.fabs, math.isnan, math.isinf, math.isfinite):
    for x in numbers:
        try:
            out.append(f(x))
        except Exception as e:
            out.append(type(e).__name__ + ": " + str(e))
for a in numbers[:10]:
    for b in (2, 10, 0.5, 1, 0, -2):
        try:
            out.append(math.log(a, b))
        except Exception as e:
            out.append(type(e).__name__ + ": " + str(e))
for a in (0, 1, -12, 18, 2**70, 35):
    for b in (0, 6, -4, 2**64):
        out.append(math.gcd(a, b))
spread = [(i * 7919 % 10007) / 37.0 for i in range(1, 400)]
v = 1e-30
for _ in range(400):
    v *= 1.237
    spread.append(v)
v = 0.97
for _ in range(200):
    v *= 1.0003
    spread.append(v)
for x in spread:
    out.append((math.log(x), math.log2(x), math.log10(x), math.sqrt(x)))
for x in (0, 0.0, -0.0, math.inf, -math.inf, math.nan, 1000, -1000, 711.0, -746.0):
    try:
        out.append(math.exp(x))
    except Exception as e:
        out.append(type(e).__name__ + ": " + str(e))
import datetime as dt
import decimal
import fractions
import ipaddress
import pathlib
import uuid

from gen_helpers import Rand, attempt

rnd = Rand(12345)

for _ in range(600):
    d = dt.timedelta(days=rnd(2000) - 1000, seconds=rnd(200000) - 100000, microseconds=rnd(3000000) - 1500000)
    e = dt.timedelta(hours=rnd(50) - 25, minutes=rnd(120) - 60)
    out.append((str(d), repr(d), str(-d), str(d + e), str(d - e), str(abs(d)), d < e, d == e))
    out.append(attempt(dt.timezone, e))
    out.append(attempt(dt.date, rnd(10001), rnd(14), rnd(32)))
    out.append(attempt(dt.time, rnd(25), rnd(61), rnd(61), rnd(1000000) * rnd(2)))
    day = dt.datetime(1 + rnd(9999), 1 + rnd(12), 1 + rnd(28), rnd(24), rnd(60), rnd(60) * rnd(2), rnd(1000000) * rnd(2))
    zone = dt.timezone(dt.timedelta(minutes=rnd(2 * 1439) - 1439)) if rnd(2) else None
    out.append(attempt(day.replace, tzinfo=zone))
    out.append(attempt(day.replace, year=None if rnd(9) == 0 else 2000))
    out.append(attempt(lambda: str(day + d)))

digits = "0123456789"
for _ in range(600):
    text = "".join(digits[rnd(10)] for _ in range(1 + rnd(12)))
    if rnd(2):
        k = rnd(len(text) + 1)
        text = text[:k] + "." + text[k:]
    if rnd(3) == 0:
        text += "E" + ("-" if rnd(2) else "+") + str(rnd(40))
    if rnd(2):
        text = "-" + text
    a = attempt(decimal.Decimal, text)
    out.append(a)
    if isinstance(a, tuple):
        x = decimal.Decimal(text)
        y = decimal.Decimal(rnd(2000) - 1000) / decimal.Decimal(1 + rnd(97))
        out.append((str(x + y), str(x - y), str(x * y), attempt(lambda: x / y), x < y, attempt(lambda: x.quantize(decimal.Decimal("0.01")))))
        out.append((attempt(fractions.Fraction, text), str(fractions.Fraction(rnd(1000) - 500, 1 + rnd(300)) + fractions.Fraction(text))))

for _ in range(300):
    n = rnd(2**31) << 97 | rnd(2**31) << 66 | rnd(2**31) << 35 | rnd(2**31) << 4 | rnd(16)
    u = uuid.UUID(int=n)
    out.append((str(u), repr(u), u.version, u.variant, str(uuid.UUID(int=n, version=1 + rnd(5)))))
    hextets = [("%x" % rnd(65536)) if rnd(3) else "0" for _ in range(8)]
    a6 = ipaddress.IPv6Address(":".join(hextets))
    a4 = ipaddress.IPv4Address(rnd(2**31) * 2 + rnd(2))
    out.append((str(a6), repr(a6), a6.exploded, str(a4), repr(a4)))
    out.append(attempt(ipaddress.ip_network, "%s/%d" % (a4, rnd(33)), False))
    out.append(attempt(ipaddress.ip_network, "%s/%d" % (a6, rnd(129)), False))
    parts = ["a", "b.txt", "..", ".", "", "c.tar.gz", ".hidden", "d."]
    path = "/".join(parts[rnd(8)] for _ in range(rnd(5)))
    pp = pathlib.PurePosixPath(("/" if rnd(2) else "") + path)
    out.append((str(pp), repr(pp), pp.name, pp.suffix, pp.suffixes, pp.stem, str(pp.parent), pp.parts))

import json

pieces = ["", "a", "é", "\n", "\"", "\\", "\x00", "\x1f", "\x7f", "\u2028", "😀", "/", " ", "\t", "ÿ", "{", "1"]
def const(depth):
    k = rnd(14 if depth < 3 else 8)
    if k == 0:
        return None
    if k == 1:
        return rnd(2) == 0
    if k == 2:
        return rnd(2000) - 1000
    if k == 3:
        return (rnd(2**31) << 40) * (1 - 2 * rnd(2))
    if k == 4:
        return (rnd(2**31) - 2**30) / (1 + rnd(1000)) * 10.0 ** (rnd(40) - 20)
    if k == 5:
        return [math.nan, math.inf, -math.inf, 0.0, -0.0, 1e16, 1e-5, 5e-324][rnd(8)]
    if k in (6, 7):
        return "".join(pieces[rnd(len(pieces))] for _ in range(rnd(4)))
    if k in (8, 9):
        return [const(depth + 1) for _ in range(rnd(4))]
    if k == 10:
        return tuple(const(depth + 1) for _ in range(rnd(3)))
    keys = [None, True, False, 0, 1, -7, 2.5, -0.0, math.inf, "", "b", "a", "é", "\x01", "😀"]
    return {keys[rnd(len(keys))]: const(depth + 1) for _ in range(rnd(5))}

for _ in range(800):
    v = const(0)
    opts = {}
    if rnd(2):
        opts["indent"] = [None, 0, 2, -1, "", "\t", "--"][rnd(7)]
    if rnd(3) == 0:
        opts["separators"] = [(",", ":"), (", ", ": "), (";", "="), (" ,", " : ")][rnd(4)]
    for name in ("sort_keys", "ensure_ascii", "allow_nan", "skipkeys"):
        if rnd(3) == 0:
            opts[name] = rnd(2) == 0
    text = attempt(json.dumps, v, **opts)
    out.append(text)
    if isinstance(text, tuple):
        t = json.dumps(v, **opts)
        out.append(attempt(json.loads, t))
        for _ in range(3):
            i = rnd(len(t) + 1)
            cut = t[:i] + "\"{}[],:0-eE.\\u x"[rnd(16)] + t[i + rnd(3):]
            out.append(attempt(json.loads, cut))

print(repr(out))
