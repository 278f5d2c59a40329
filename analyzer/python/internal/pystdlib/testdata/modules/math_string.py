import math
import string

consts = (math.pi, math.e, math.tau, math.inf, -math.inf)
nan_is_nan = math.isnan(math.nan)
floors = [math.floor(x) for x in (1.5, -1.5, 2, True, 1e20, -0.0)]
ceils = [math.ceil(x) for x in (1.5, -1.5, 2, 1e20)]
truncs = [math.trunc(x) for x in (1.7, -1.7, 5)]
roots = [math.sqrt(x) for x in (0, 2, 4.0, 1e300)]
logs = [math.log(x) for x in (1, 10, 2.5, 10**400)]
log_bases = [math.log(8, 2), math.log(100, 10), math.log2(1024), math.log10(1000), math.log10(10**300)]
exps = [math.exp(x) for x in (0, -math.inf, math.inf)]
gcds = [math.gcd(12, 18), math.gcd(), math.gcd(-4, 6), math.gcd(0, 0)]
facts = [math.factorial(x) for x in (0, 1, 5, 30)]
checks = [math.isinf(math.inf), math.isfinite(1.0), math.isfinite(math.nan), math.fabs(-2)]
errors = []
for f, x in [(math.sqrt, -1), (math.log, 0), (math.floor, math.inf), (math.floor, math.nan), (math.exp, 1000), (math.factorial, -1), (math.sqrt, "x")]:
    try:
        f(x)
    except (ValueError, OverflowError, TypeError) as e:
        errors.append(type(e).__name__ + ": " + str(e))

letters = string.ascii_letters
digits = string.digits + string.hexdigits + string.octdigits
punct = string.punctuation
ws = string.whitespace
printable = string.printable
cap = string.capwords("hello   big world")
del math, string, f, x
