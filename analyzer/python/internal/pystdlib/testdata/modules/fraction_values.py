from fractions import Fraction

values = [Fraction(6, 4), Fraction(3), Fraction(-6, -4), Fraction(6, -4), Fraction(0, 5), Fraction("3/4"), Fraction(" -10/25 "),
          Fraction("1.25"), Fraction("-.5"), Fraction("2e3"), Fraction("1.5E-2"), Fraction("1_000.000_1"), Fraction(0.75),
          Fraction(0.1), Fraction(Fraction(2, 3)), Fraction(Fraction(1, 2), Fraction(3, 4)), Fraction(2**70, 6), Fraction("7")]
strs = [str(v) for v in values]
reprs = [repr(v) for v in values]
parts = [(v.numerator, v.denominator) for v in values[:6]]
a, b = Fraction(1, 3), Fraction(5, 6)
math = [a + b, a - b, a * b, a / b, b // a, b % a, a ** 2, a ** -2, (-a) ** -3, -a, abs(-b), a + 1, 1 - a, 2 * a, 1 / a,
        a + 0.5, float(a), int(Fraction(-7, 2)), round(Fraction(5, 2)), round(Fraction(7, 2)), round(Fraction(22, 7), 2)]
math_strs = [str(x) for x in math]
cmps = [a < b, a == Fraction(2, 6), Fraction(2, 1) == 2, a > 0.3, b >= 1, bool(Fraction(0)), Fraction(1, 2) == 0.5]
limits = [str(Fraction("3.141592653589793").limit_denominator(1000)), str(Fraction(0.1).limit_denominator()), str(Fraction(1, 3).limit_denominator(10))]
keyed = {Fraction(4, 2): "two", Fraction(1, 2): "half"}[2]
errors = []
for f in (lambda: Fraction(1, 0), lambda: Fraction("x"), lambda: Fraction("1/"), lambda: Fraction(1.5, 2), lambda: a / 0, lambda: Fraction([])):
    try:
        f()
    except (ValueError, TypeError, ZeroDivisionError) as e:
        errors.append(type(e).__name__ + ": " + str(e))
del f
