a = 7 // 2, -7 // 2, 7 % -3, -7 % 3, 2 ** 100, 2 ** -2, 10 / 4, 1 / 3
b = 0x_ff, 0o17, 0b1010, 1_000_000, 10 ** 20 // 7, -(10 ** 20) % 7
c = 7.5 // 2, -7.5 // 2, 7.5 % -2, divmod(-7.5, 2), divmod(7, -2), divmod(10 ** 30, 7)
d = 1e16, 1e-5, 0.1 + 0.2, 1 / 3 * 3, 2.5e-310, -0.0, float("inf"), float("-nan")
e = round(2.5), round(3.5), round(-0.5), round(1.2345, 2), round(1234, -2), round(2.675, 2), round(1.5e300, -300)
f = abs(-3), abs(-3.5), pow(3, 4, 5), pow(2, -1, 7), int("  42 "), int("0x1f", 16), int("0b101", 0), int(-3.9)
g = float("1_000.5"), float(" 3 "), int(True), True + True, True * 3.0, ~5, -True
h = 1 << 70, (1 << 70) >> 65, -1 >> 3, 5 & 3, 5 | 3, 5 ^ 3, -5 & 0xFF
i = hex(255), oct(-8), bin(10), hex(10 ** 20), ord("é"), chr(233)
j = 3 < 4 < 5, 3 < 4 > 5, 1 == 1.0, 10 ** 20 == 1e20, 2 ** 53 + 1 == float(2 ** 53 + 1), (1, 2) < (1, 3), [1, 2] < [1, 2, 0]
k = min(3, 1, 2), max([4, 9, 2]), min("b", "a"), max([], default=5), sum([1, 2, 3]), sum([0.1] * 10), sum([[1], [2]], [])
l = (10 ** 40) / (10 ** 20), 2 ** 0.5, 10 ** -1, (-8) ** 3, 0 ** 0, 0.0 ** 0
m = int.from_bytes(b"\x01\x00", "big"), (1024).to_bytes(2, "little"), (255).bit_length(), 1.5.is_integer(), (0.5).as_integer_ratio()
n = 7 .__add__(1), int.__mul__(3, 4), float.hex(1.5), (2.0).hex(), isinstance(True, int), issubclass(bool, int)
o = hash(1) == hash(1.0), {1: "a", 1.0: "b", True: "c"}, len({0, 0.0, False})
zero_sign = 0 / (-4 ** 38), 0 / (4 ** 38), 0 / -(10 ** 30) + 0j
