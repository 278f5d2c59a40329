# Generated inputs for os.path and math, run by CPython 3.11 and by pyrt;
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
print(repr(out))
