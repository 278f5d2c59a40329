package pystdlib

import "github.com/asterkit/aster/analyzer/python/internal/pyrt"

// decimal: Decimal from strings, integers, floats and tuples with the
// default context (28 digits, ROUND_HALF_EVEN): str, repr, comparisons,
// hashing, +, -, *, /, quantize. Arithmetic on infinities and NaNs
// gives an unknown value.
func init() {
	models["decimal"] = &model{src: decimalSrc, helpers: func(*Host) map[string]pyrt.Value {
		return map[string]pyrt.Value{"special": &pyrt.Unknown{Why: "arithmetic on an infinite or NaN Decimal is not modelled"}}
	}}
}

const decimalSrc = `
from _host_decimal import special as _special
from collections import namedtuple as _namedtuple

DecimalTuple = _namedtuple('DecimalTuple', 'sign digits exponent', module='decimal')

ROUND_DOWN = 'ROUND_DOWN'
ROUND_HALF_UP = 'ROUND_HALF_UP'
ROUND_HALF_EVEN = 'ROUND_HALF_EVEN'
ROUND_CEILING = 'ROUND_CEILING'
ROUND_FLOOR = 'ROUND_FLOOR'
ROUND_UP = 'ROUND_UP'
ROUND_HALF_DOWN = 'ROUND_HALF_DOWN'
ROUND_05UP = 'ROUND_05UP'
MAX_PREC = 999999999999999999
_PREC = 28

class DecimalException(ArithmeticError):
    pass

class InvalidOperation(DecimalException):
    pass

class ConversionSyntax(InvalidOperation):
    pass

class DivisionByZero(DecimalException, ZeroDivisionError):
    pass

def _signal(cls):
    return cls("[<class 'decimal.%s'>]" % cls.__name__)

def _round_coeff(sign, coeff, drop, rounding):
    # coeff with its last drop digits removed under the rounding mode
    q, r = divmod(coeff, 10 ** drop)
    if r == 0:
        return q
    half = 5 * 10 ** (drop - 1)
    if rounding == ROUND_HALF_EVEN:
        up = r > half or (r == half and q % 2 == 1)
    elif rounding == ROUND_HALF_UP:
        up = r >= half
    elif rounding == ROUND_HALF_DOWN:
        up = r > half
    elif rounding == ROUND_UP:
        up = True
    elif rounding == ROUND_DOWN:
        up = False
    elif rounding == ROUND_CEILING:
        up = not sign
    elif rounding == ROUND_FLOOR:
        up = bool(sign)
    elif rounding == ROUND_05UP:
        up = q % 5 == 0
    else:
        raise TypeError('valid values for rounding are:\n  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n   ROUND_05UP]')
    return q + 1 if up else q

def _finite(sign, coeff, exp):
    # the value rounded to the context precision
    n = len(str(coeff))
    if n > _PREC:
        drop = n - _PREC
        coeff = _round_coeff(sign, coeff, drop, ROUND_HALF_EVEN)
        exp += drop
        if len(str(coeff)) > _PREC:
            coeff //= 10
            exp += 1
    return Decimal._make(sign, coeff, exp)

def _parse(s):
    t = s.strip()
    if not t or t[0] == '_' or t[-1] == '_' or '__' in t:
        return None
    t = t.replace('_', '')
    sign = 0
    if t[0] in '+-':
        sign = 1 if t[0] == '-' else 0
        t = t[1:]
    low = t.lower()
    if low in ('inf', 'infinity'):
        return sign, 0, 'F'
    for prefix, kind in (('snan', 'N'), ('nan', 'n')):
        if low.startswith(prefix):
            payload = low[len(prefix):]
            if payload and not (payload.isdigit() and payload.isascii()):
                return None
            return sign, int(payload or '0'), kind
    exp = 0
    mant = low
    if 'e' in low:
        mant, _, es = low.partition('e')
        digits = es[1:] if es[:1] in ('+', '-') else es
        if not digits or not digits.isdigit() or not digits.isascii():
            return None
        exp = int(es)
    whole, dot, frac = mant.partition('.')
    if not whole and not frac:
        return None
    for part in (whole, frac):
        if part and not (part.isdigit() and part.isascii()):
            return None
    return sign, int(whole + frac), exp - len(frac)

class Decimal:
    def __new__(cls, value='0', context=None):
        if isinstance(value, Decimal):
            return cls._make(value._sign, value._coeff, value._exp)
        if isinstance(value, int):
            return cls._make(1 if value < 0 else 0, abs(value), 0)
        if isinstance(value, str):
            r = _parse(value)
            if r is None:
                raise InvalidOperation("[<class 'decimal.ConversionSyntax'>]")
            return cls._make(*r)
        if isinstance(value, float):
            if value != value:
                return cls._make(0, 0, 'n')
            if value in (float('inf'), float('-inf')):
                return cls._make(1 if value < 0 else 0, 0, 'F')
            sign = 1 if str(value)[0] == '-' else 0
            n, d = abs(value).as_integer_ratio()
            k = d.bit_length() - 1
            return cls._make(sign, n * 5 ** k, -k)
        if isinstance(value, (tuple, list)):
            if len(value) != 3:
                raise ValueError('argument must be a sequence of length 3')
            sign, digits, exp = value
            coeff = 0
            for dgt in digits:
                coeff = coeff * 10 + dgt
            return cls._make(sign, coeff, exp)
        raise TypeError('conversion from %s to Decimal is not supported' % type(value).__name__)

    @classmethod
    def _make(cls, sign, coeff, exp):
        self = object.__new__(cls)
        self._sign = sign
        self._coeff = coeff
        self._exp = exp
        return self

    @classmethod
    def from_float(cls, f):
        return cls(f)

    def _special(self):
        return isinstance(self._exp, str)

    def is_nan(self):
        return self._exp in ('n', 'N')

    def is_infinite(self):
        return self._exp == 'F'

    def is_finite(self):
        return not self._special()

    def is_signed(self):
        return self._sign == 1

    def is_zero(self):
        return not self._special() and self._coeff == 0

    def as_tuple(self):
        digits = tuple(int(c) for c in str(self._coeff))
        if self._special() and not self._coeff:
            digits = (0,) if self._exp == 'F' else ()
        return DecimalTuple(self._sign, digits, self._exp)

    def __str__(self):
        sign = '-' if self._sign else ''
        if self._exp == 'F':
            return sign + 'Infinity'
        if self._special():
            return sign + ('NaN' if self._exp == 'n' else 'sNaN') + (str(self._coeff) if self._coeff else '')
        digits = str(self._coeff)
        left = self._exp + len(digits)
        dot = left if self._exp <= 0 and left > -6 else 1
        if dot <= 0:
            body = '0.' + '0' * -dot + digits
        elif dot >= len(digits):
            body = digits + '0' * (dot - len(digits))
        else:
            body = digits[:dot] + '.' + digits[dot:]
        if left != dot:
            body += 'E%+d' % (left - dot)
        return sign + body

    def __repr__(self):
        return "Decimal('%s')" % self

    def _operand(self, other):
        if isinstance(other, Decimal):
            return other
        if isinstance(other, int):
            return Decimal(other)
        return None

    def __add__(self, other):
        o = self._operand(other)
        if o is None:
            return NotImplemented
        if self._special() or o._special():
            return _special
        exp = min(self._exp, o._exp)
        a = self._coeff * 10 ** (self._exp - exp) * (-1 if self._sign else 1)
        b = o._coeff * 10 ** (o._exp - exp) * (-1 if o._sign else 1)
        total = a + b
        sign = 1 if total < 0 or (total == 0 and self._sign and o._sign) else 0
        return _finite(sign, abs(total), exp)

    __radd__ = __add__

    def __sub__(self, other):
        o = self._operand(other)
        if o is None:
            return NotImplemented
        return self + o.copy_negate()

    def __rsub__(self, other):
        o = self._operand(other)
        if o is None:
            return NotImplemented
        return o - self

    def __mul__(self, other):
        o = self._operand(other)
        if o is None:
            return NotImplemented
        if self._special() or o._special():
            return _special
        return _finite(self._sign ^ o._sign, self._coeff * o._coeff, self._exp + o._exp)

    __rmul__ = __mul__

    def __truediv__(self, other):
        o = self._operand(other)
        if o is None:
            return NotImplemented
        if self._special() or o._special():
            return _special
        sign = self._sign ^ o._sign
        if o._coeff == 0:
            if self._coeff == 0:
                raise InvalidOperation("[<class 'decimal.DivisionUndefined'>]")
            raise _signal(DivisionByZero)
        if self._coeff == 0:
            return Decimal._make(sign, 0, self._exp - o._exp)
        shift = len(str(o._coeff)) - len(str(self._coeff)) + _PREC + 1
        exp = self._exp - o._exp - shift
        if shift >= 0:
            coeff, rem = divmod(self._coeff * 10 ** shift, o._coeff)
        else:
            coeff, rem = divmod(self._coeff, o._coeff * 10 ** -shift)
        if rem:
            if coeff % 5 == 0:
                coeff += 1
        else:
            ideal = self._exp - o._exp
            while exp < ideal and coeff % 10 == 0:
                coeff //= 10
                exp += 1
        return _finite(sign, coeff, exp)

    def __rtruediv__(self, other):
        o = self._operand(other)
        if o is None:
            return NotImplemented
        return o / self

    def copy_negate(self):
        return Decimal._make(1 - self._sign, self._coeff, self._exp)

    def copy_abs(self):
        return Decimal._make(0, self._coeff, self._exp)

    def __neg__(self):
        if self._special():
            return self.copy_negate()
        if self._coeff == 0:
            return Decimal._make(0, 0, self._exp)
        return _finite(1 - self._sign, self._coeff, self._exp)

    def __pos__(self):
        if self._special():
            return self
        return _finite(0 if self._coeff == 0 else self._sign, self._coeff, self._exp)

    def __abs__(self):
        if self._special():
            return self.copy_abs()
        return _finite(0, self._coeff, self._exp)

    def quantize(self, exp, rounding=None, context=None):
        o = self._operand(exp)
        if o is None:
            raise TypeError('conversion from %s to Decimal is not supported' % type(exp).__name__)
        if self._special() or o._special():
            return _special
        target = o._exp
        if target <= self._exp:
            coeff = self._coeff * 10 ** (self._exp - target)
        else:
            coeff = _round_coeff(self._sign, self._coeff, target - self._exp, rounding or ROUND_HALF_EVEN)
        if len(str(coeff)) > _PREC:
            raise InvalidOperation("[<class 'decimal.InvalidOperation'>]")
        return Decimal._make(self._sign, coeff, target)

    def normalize(self, context=None):
        if self._special():
            return self
        r = _finite(self._sign, self._coeff, self._exp)
        if r._coeff == 0:
            return Decimal._make(r._sign, 0, 0)
        coeff, exp = r._coeff, r._exp
        while coeff % 10 == 0:
            coeff //= 10
            exp += 1
        return Decimal._make(r._sign, coeff, exp)

    def _rational(self):
        if self._special():
            raise ValueError('cannot convert NaN or infinity to a rational')
        n = self._coeff * (-1 if self._sign else 1)
        if self._exp >= 0:
            return n * 10 ** self._exp, 1
        return n, 10 ** -self._exp

    def as_integer_ratio(self):
        if self._special():
            if self._exp == 'F':
                raise OverflowError('cannot convert Infinity to integer ratio')
            raise ValueError('cannot convert NaN to integer ratio')
        n, d = self._rational()
        from math import gcd
        g = gcd(n, d)
        return n // g, d // g

    def __int__(self):
        if self._exp == 'F':
            raise OverflowError('cannot convert Infinity to integer')
        if self._special():
            raise ValueError('cannot convert NaN to integer')
        n, d = self._rational()
        q = abs(n) // d
        return -q if n < 0 else q

    __trunc__ = __int__

    def __float__(self):
        return float(str(self)) if not self.is_nan() else float('nan')

    def __bool__(self):
        return self._special() or self._coeff != 0

    def _cmp(self, other):
        o = self._operand(other)
        if o is None:
            if isinstance(other, float):
                o = Decimal(other)
            else:
                return None
        if self.is_nan() or o.is_nan():
            return 'nan'
        a = self._key()
        b = o._key()
        return (a > b) - (a < b)

    def _key(self):
        if self._exp == 'F':
            return float('-inf') if self._sign else float('inf')
        from fractions import Fraction
        n, d = self._rational()
        return Fraction(n, d)

    def __eq__(self, other):
        c = self._cmp(other)
        if c is None:
            return NotImplemented
        return c == 0

    def __lt__(self, other):
        c = self._cmp(other)
        if c is None:
            return NotImplemented
        if c == 'nan':
            raise _signal(InvalidOperation)
        return c < 0

    def __le__(self, other):
        c = self._cmp(other)
        if c is None:
            return NotImplemented
        if c == 'nan':
            raise _signal(InvalidOperation)
        return c <= 0

    def __gt__(self, other):
        c = self._cmp(other)
        if c is None:
            return NotImplemented
        if c == 'nan':
            raise _signal(InvalidOperation)
        return c > 0

    def __ge__(self, other):
        c = self._cmp(other)
        if c is None:
            return NotImplemented
        if c == 'nan':
            raise _signal(InvalidOperation)
        return c >= 0

    def __hash__(self):
        if self._special():
            return hash(str(self))
        return hash(self._key())
`
