import decimal
from decimal import Decimal

values = [Decimal("19.90"), Decimal("-0"), Decimal("1E+3"), Decimal(), Decimal(7), Decimal(-42), Decimal("0.000001"),
          Decimal("0.0000001"), Decimal("1.23E-10"), Decimal(" 1_000.5 "), Decimal("123456789e5"), Decimal("-1.50e2"),
          Decimal("Infinity"), Decimal("-inf"), Decimal("NaN"), Decimal("nan12"), Decimal("sNaN"), Decimal(0.1),
          Decimal(2.5), Decimal(-0.0), Decimal((1, (3, 1, 4), -2)), Decimal(Decimal("5.0")), Decimal("00012.3400"),
          Decimal(".5"), Decimal("5."), Decimal("1e-7"), Decimal("12E2"), Decimal(10**30)]
strs = [str(v) for v in values]
reprs = [repr(v) for v in values]
a, b = Decimal("1.10"), Decimal("2.205")
math = [a + b, a - b, b - a, a * b, a / b, b / a, Decimal(1) / Decimal(3), Decimal(2) / Decimal(3), Decimal(10) / Decimal(4),
        Decimal("1.00") / Decimal(4), Decimal(100) / Decimal("0.5"), -a, +Decimal("-0"), abs(Decimal("-3.0")), a + 1, 3 - a, 2 * a,
        Decimal("0.1") + Decimal("0.2"), Decimal("-1.5") + Decimal("1.5"), Decimal("-0") + Decimal("-0"), Decimal(0) / Decimal(5),
        Decimal("1e30") + Decimal("1e-30"), Decimal(2**100) * 3]
math_strs = [str(x) for x in math]
quantized = [str(Decimal("19.905").quantize(Decimal("0.01"))), str(Decimal("19.915").quantize(Decimal("0.01"))),
             str(Decimal("2.5").quantize(Decimal("1"), rounding=decimal.ROUND_HALF_UP)), str(Decimal("7").quantize(Decimal("0.001"))),
             str(Decimal("-2.567").quantize(Decimal("0.1"), decimal.ROUND_DOWN)), str(Decimal("-2.561").quantize(Decimal("0.1"), decimal.ROUND_FLOOR)),
             str(Decimal("1234.5").quantize(Decimal("1E+2"))), str(Decimal("120.00").normalize()), str(Decimal("0.00").normalize())]
cmps = [a < b, a == Decimal("1.1"), Decimal(2) == 2, Decimal("0.5") == 0.5, a > 1, bool(Decimal("0.00")), Decimal("-inf") < a,
        hash(Decimal("2.0")) == hash(2), {Decimal("1.10"): "x"}[Decimal("1.1")], Decimal("NaN") == Decimal("NaN")]
conv = [int(Decimal("-7.9")), float(Decimal("1.25")), Decimal("0.75").as_integer_ratio(), Decimal("-1.20").as_tuple(),
        Decimal("inf").is_infinite(), Decimal("1").is_finite(), Decimal("-0").is_signed()]
errors = []
for f in (lambda: Decimal("abc"), lambda: Decimal("1..2"), lambda: Decimal(1) / Decimal(0), lambda: Decimal(0) / Decimal(0),
          lambda: Decimal([1]), lambda: Decimal("NaN") < 1, lambda: int(Decimal("inf"))):
    try:
        f()
    except (ArithmeticError, TypeError, ValueError) as e:
        errors.append(type(e).__name__ + ": " + str(e))
div_zero_is_zerodivision = issubclass(decimal.DivisionByZero, ZeroDivisionError)
del decimal, f
special_tuples = [Decimal("inf").as_tuple(), Decimal("NaN").as_tuple(), Decimal("-sNaN7").as_tuple(), Decimal("0").as_tuple()]
