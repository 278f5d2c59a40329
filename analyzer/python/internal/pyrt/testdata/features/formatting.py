v = 1234567.891
r1 = f"{v:,.2f}", f"{v:_.1f}", f"{v:e}", f"{v:.3g}", f"{v:%}", f"{-v:+015,.1f}", f"{v:>20}", f"{v:*<15.1f}", f"{v:.0f}"
r2 = format(255, "x"), format(255, "#b"), format(-255, "#o"), format(42, "+d"), format(42, " d"), format(42, "08d"), format(1234, "010,"), format(10 ** 10, "_")
r3 = "{:^9}|{:<4}|{:>4}".format("mid", "l", "r"), "{0}{1}{0}".format("a", "b"), "{name}-{0}".format(1, name="n"), "{0[1]}{x.real}".format([7, 8], x=3), "{{literal}}".format()
r4 = "%05.1f|%-6s|%x|%X|%o|%e|%g|%c|%r|%%" % (3.14159, "ab", 255, 255, 8, 12345.678, 0.00001234, 65, "q")
r5 = "%(a)s and %(b)04d" % {"a": "A", "b": 7}, "%s" % (1,), "%s" % [1, 2], "%.3s" % "abcdef", "%+.2e" % -1234.5, "%#x" % 255, "%5.3d" % 7
r6 = format(0.1, ".17g"), format(1e-7, ""), format(1.0, ""), format(100.0, ".2"), format(123456789.0, ".3"), format(0.00001, ".2"), format(1.5, "g"), format(1e100, "g")
r7 = format(float("nan"), "f"), format(float("inf"), "+e"), format(-0.0, ".1f"), format(-0.0, "z.1f"), format(2.5, ".0f"), format(3.5, ".0f"), format(0.125, ".2f"), format(0.375, ".2f")
r8 = f"{'abc':.2}", f"{'x':05}", f"{True}", f"{True:d}", f"{None!s:>6}", f"{3:c}", f"{65:c}", f"{'é'!a}"
r9 = str(1.0), str(1e16), str(1.5e-7), repr(0.1), str(123456789012345678.0), str(1e22), str(-1.25e-5), 1e16 / 3
class Money:
    def __init__(self, v):
        self.v = v
    def __format__(self, spec):
        return "$" + format(self.v, spec or ".2f")
    def __str__(self):
        return "M"
r10 = f"{Money(3)}", f"{Money(3):.0f}", "{}".format(Money(1)), str(Money(1)), f"{Money(2)!s}"
