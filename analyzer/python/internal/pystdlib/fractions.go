package pystdlib

// fractions: Fraction from integers, strings, floats and other
// fractions, normalised, with str, repr, arithmetic and comparisons.
func init() {
	models["fractions"] = &model{src: fractionsSrc}
}

const fractionsSrc = `
from math import gcd as _gcd, floor as _floor

def _parse_decimal(s):
    # sign, digits with '_' between them, an optional fraction and exponent
    num = s
    exp = 0
    for e in ('e', 'E'):
        if e in num:
            num, _, es = num.partition(e)
            if not es or not es.lstrip('+-').isdigit() or es[0] == '_' or len(es.lstrip('+-')) != len(es) - (es[0] in '+-'):
                return None
            exp = int(es)
            break
    whole, dot, frac = num.partition('.')
    if not whole and not frac:
        return None
    for part in (whole, frac):
        if part and (not part.replace('_', '').isdigit() or part[0] == '_' or part[-1] == '_' or '__' in part or not part.isascii()):
            return None
    n = int(whole.replace('_', '') or '0')
    d = 1
    if frac:
        f = frac.replace('_', '')
        n = n * 10 ** len(f) + int(f)
        d = 10 ** len(f)
    if exp >= 0:
        n *= 10 ** exp
    else:
        d *= 10 ** -exp
    return n, d

def _parse(s):
    t = s.strip()
    sign = 1
    if t[:1] in ('+', '-'):
        sign = -1 if t[0] == '-' else 1
        t = t[1:]
    if '/' in t:
        a, _, b = t.partition('/')
        a, b = a.strip(), b.strip()
        if a != t.partition('/')[0] or not a or not b or not a.isdigit() or not b.isdigit() or not (a + b).isascii():
            return None
        return sign * int(a), int(b)
    r = _parse_decimal(t)
    if r is None:
        return None
    return sign * r[0], r[1]

class Fraction:
    def __new__(cls, numerator=0, denominator=None, *, _normalize=True):
        self = object.__new__(cls)
        if denominator is None:
            if isinstance(numerator, int):
                n, d = int(numerator), 1
            elif isinstance(numerator, Fraction):
                n, d = numerator._numerator, numerator._denominator
            elif isinstance(numerator, float):
                n, d = numerator.as_integer_ratio()
            elif isinstance(numerator, str):
                r = _parse(numerator)
                if r is None:
                    raise ValueError('Invalid literal for Fraction: %r' % numerator)
                n, d = r
            else:
                raise TypeError('argument should be a string or a Rational instance')
        elif isinstance(numerator, (int, Fraction)) and isinstance(denominator, (int, Fraction)):
            if isinstance(numerator, Fraction) or isinstance(denominator, Fraction):
                a, b = Fraction(numerator), Fraction(denominator)
                n, d = a._numerator * b._denominator, b._numerator * a._denominator
            else:
                n, d = int(numerator), int(denominator)
        else:
            raise TypeError('both arguments should be Rational instances')
        if d == 0:
            raise ZeroDivisionError('Fraction(%s, 0)' % n)
        if _normalize:
            g = _gcd(n, d)
            if d < 0:
                g = -g
            n //= g
            d //= g
        self._numerator = n
        self._denominator = d
        return self

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError('%s.from_float() only takes floats, not %r (%s)' % (cls.__name__, f, type(f).__name__))
        return cls(*f.as_integer_ratio())

    @property
    def numerator(self):
        return self._numerator

    @property
    def denominator(self):
        return self._denominator

    def as_integer_ratio(self):
        return (self._numerator, self._denominator)

    def limit_denominator(self, max_denominator=1000000):
        if max_denominator < 1:
            raise ValueError('max_denominator should be at least 1')
        if self._denominator <= max_denominator:
            return Fraction(self)
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        k = (max_denominator - q0) // q1
        if 2 * d * (q0 + k * q1) <= self._denominator:
            return Fraction(p1, q1, _normalize=False)
        return Fraction(p0 + k * p1, q0 + k * q1, _normalize=False)

    def __repr__(self):
        return '%s(%s, %s)' % (type(self).__name__, self._numerator, self._denominator)

    def __str__(self):
        if self._denominator == 1:
            return str(self._numerator)
        return '%s/%s' % (self._numerator, self._denominator)

    def _operands(self, other):
        if isinstance(other, (int, Fraction)):
            o = Fraction(other)
            return o._numerator, o._denominator
        return None

    def __add__(a, b):
        o = a._operands(b)
        if o is not None:
            return Fraction(a._numerator * o[1] + o[0] * a._denominator, a._denominator * o[1])
        if isinstance(b, float):
            return float(a) + b
        return NotImplemented

    __radd__ = __add__

    def __sub__(a, b):
        o = a._operands(b)
        if o is not None:
            return Fraction(a._numerator * o[1] - o[0] * a._denominator, a._denominator * o[1])
        if isinstance(b, float):
            return float(a) - b
        return NotImplemented

    def __rsub__(a, b):
        return -a + b

    def __mul__(a, b):
        o = a._operands(b)
        if o is not None:
            return Fraction(a._numerator * o[0], a._denominator * o[1])
        if isinstance(b, float):
            return float(a) * b
        return NotImplemented

    __rmul__ = __mul__

    def __truediv__(a, b):
        o = a._operands(b)
        if o is not None:
            if o[0] == 0:
                raise ZeroDivisionError('Fraction(%s, 0)' % (a._numerator * o[1]))
            return Fraction(a._numerator * o[1], a._denominator * o[0])
        if isinstance(b, float):
            return float(a) / b
        return NotImplemented

    def __rtruediv__(a, b):
        o = a._operands(b)
        if o is not None:
            return Fraction(o[0], o[1]) / a
        if isinstance(b, float):
            return b / float(a)
        return NotImplemented

    def __floordiv__(a, b):
        o = a._operands(b)
        if o is not None:
            return (a._numerator * o[1]) // (a._denominator * o[0])
        return NotImplemented

    def __mod__(a, b):
        o = a._operands(b)
        if o is not None:
            return Fraction((a._numerator * o[1]) % (o[0] * a._denominator), a._denominator * o[1])
        return NotImplemented

    def __pow__(a, b):
        if isinstance(b, int):
            if b >= 0:
                return Fraction(a._numerator ** b, a._denominator ** b, _normalize=False)
            if a._numerator == 0:
                raise ZeroDivisionError('Fraction(%s, 0)' % (a._denominator ** -b))
            if a._numerator > 0:
                return Fraction(a._denominator ** -b, a._numerator ** -b, _normalize=False)
            return Fraction((-a._denominator) ** -b, (-a._numerator) ** -b, _normalize=False)
        return float(a) ** b

    def __neg__(a):
        return Fraction(-a._numerator, a._denominator, _normalize=False)

    def __pos__(a):
        return Fraction(a._numerator, a._denominator, _normalize=False)

    def __abs__(a):
        return Fraction(abs(a._numerator), a._denominator, _normalize=False)

    def __int__(a):
        if a._numerator < 0:
            return -(-a._numerator // a._denominator)
        return a._numerator // a._denominator

    __trunc__ = __int__

    def __floor__(a):
        return a._numerator // a._denominator

    def __ceil__(a):
        return -(-a._numerator // a._denominator)

    def __round__(self, ndigits=None):
        if ndigits is None:
            floor, remainder = divmod(self._numerator, self._denominator)
            if remainder * 2 < self._denominator:
                return floor
            if remainder * 2 > self._denominator:
                return floor + 1
            return floor if floor % 2 == 0 else floor + 1
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        return Fraction(round(self / shift) * shift)

    def __float__(a):
        return a._numerator / a._denominator

    def __bool__(a):
        return a._numerator != 0

    def __hash__(self):
        if self._denominator == 1:
            return hash(self._numerator)
        return hash((self._numerator, self._denominator))

    def _cmp_key(self, other):
        if isinstance(other, float):
            return float(self), other
        o = self._operands(other)
        if o is None:
            return None
        return self._numerator * o[1], o[0] * self._denominator

    def __eq__(a, b):
        k = a._cmp_key(b)
        return NotImplemented if k is None else k[0] == k[1]

    def __lt__(a, b):
        k = a._cmp_key(b)
        return NotImplemented if k is None else k[0] < k[1]

    def __le__(a, b):
        k = a._cmp_key(b)
        return NotImplemented if k is None else k[0] <= k[1]

    def __gt__(a, b):
        k = a._cmp_key(b)
        return NotImplemented if k is None else k[0] > k[1]

    def __ge__(a, b):
        k = a._cmp_key(b)
        return NotImplemented if k is None else k[0] >= k[1]
`
