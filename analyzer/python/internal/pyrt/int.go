package pyrt

import (
	"math"
	"math/big"
	"math/bits"
	"strconv"
	"strings"
)

// Int is a Python int of any size: small values are held in an int64 and
// math/big is used only beyond it.
type Int struct {
	small int64
	big   *big.Int // nil when the value fits in small
}

// Type implements Value.
func (Int) Type() *Class { return IntClass }

// MakeInt returns the Int for v.
func MakeInt(v int64) Int { return Int{small: v} }

// MakeBigInt returns the Int for b (not retained).
func MakeBigInt(b *big.Int) Int {
	if b.IsInt64() {
		return Int{small: b.Int64()}
	}
	return Int{big: new(big.Int).Set(b)}
}

func bigResult(b *big.Int) Int {
	if b.IsInt64() {
		return Int{small: b.Int64()}
	}
	return Int{big: b}
}

// Int64 returns the value and whether it fits in an int64.
func (i Int) Int64() (int64, bool) { return i.small, i.big == nil }

// Big returns the value as a new big.Int.
func (i Int) Big() *big.Int {
	if i.big != nil {
		return new(big.Int).Set(i.big)
	}
	return big.NewInt(i.small)
}

// bigRO returns the value as a big.Int the caller must not modify.
func (i Int) bigRO() *big.Int {
	if i.big != nil {
		return i.big
	}
	return big.NewInt(i.small)
}

// Sign returns -1, 0 or 1.
func (i Int) Sign() int {
	if i.big != nil {
		return i.big.Sign()
	}
	switch {
	case i.small < 0:
		return -1
	case i.small > 0:
		return 1
	}
	return 0
}

// String returns the decimal digits.
func (i Int) String() string {
	if i.big != nil {
		return i.big.String()
	}
	return itoa(i.small)
}

// maxStrDigits is CPython's limit on the decimal digits of an int
// converted to or from text (sys.get_int_max_str_digits()).
const maxStrDigits = 4300

// tenToMaxStrDigits is the smallest int of more than maxStrDigits
// decimal digits.
var tenToMaxStrDigits = new(big.Int).Exp(big.NewInt(10), big.NewInt(maxStrDigits), nil)

// decimal returns the decimal digits of i, or CPython's ValueError for
// an int of more than maxStrDigits digits.
func (i Int) decimal() (string, error) {
	// 2**14000 has fewer than maxStrDigits digits.
	if i.BitLen() > 14000 && new(big.Int).Abs(i.bigRO()).Cmp(tenToMaxStrDigits) >= 0 {
		return "", valueErrorf("Exceeds the limit (%d digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit", maxStrDigits)
	}
	return i.String(), nil
}

func itoa(v int64) string {
	var b [20]byte
	n := len(b)
	neg := v < 0
	u := uint64(v)
	if neg {
		u = -u
	}
	for {
		n--
		b[n] = byte('0' + u%10)
		u /= 10
		if u == 0 {
			break
		}
	}
	s := string(b[n:])
	if neg {
		return "-" + s
	}
	return s
}

// Text returns the digits in base 2, 8, 10 or 16 (lower case), with a
// leading "-" when negative.
func (i Int) Text(base int) string { return i.bigRO().Text(base) }

// Cmp compares i and j.
func (i Int) Cmp(j Int) int {
	if i.big == nil && j.big == nil {
		switch {
		case i.small < j.small:
			return -1
		case i.small > j.small:
			return 1
		}
		return 0
	}
	return i.bigRO().Cmp(j.bigRO())
}

// Add returns i+j.
func (i Int) Add(j Int) Int {
	if i.big == nil && j.big == nil {
		r := i.small + j.small
		if (i.small >= 0) == (j.small >= 0) && (r >= 0) != (i.small >= 0) {
			return bigResult(new(big.Int).Add(big.NewInt(i.small), big.NewInt(j.small)))
		}
		return Int{small: r}
	}
	return bigResult(new(big.Int).Add(i.bigRO(), j.bigRO()))
}

// Neg returns -i.
func (i Int) Neg() Int {
	if i.big == nil && i.small != math.MinInt64 {
		return Int{small: -i.small}
	}
	return bigResult(new(big.Int).Neg(i.bigRO()))
}

// Sub returns i-j.
func (i Int) Sub(j Int) Int { return i.Add(j.Neg()) }

// Mul returns i*j.
func (i Int) Mul(j Int) Int {
	if i.big == nil && j.big == nil {
		hi, lo := bits.Mul64(uint64(abs64(i.small)), uint64(abs64(j.small)))
		if hi == 0 && lo <= math.MaxInt64 && i.small != math.MinInt64 && j.small != math.MinInt64 {
			r := int64(lo)
			if (i.small < 0) != (j.small < 0) {
				r = -r
			}
			return Int{small: r}
		}
	}
	return bigResult(new(big.Int).Mul(i.bigRO(), j.bigRO()))
}

func abs64(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}

// DivMod returns Python's floor division and modulo (j != 0).
func (i Int) DivMod(j Int) (Int, Int) {
	if i.big == nil && j.big == nil && !(i.small == math.MinInt64 && j.small == -1) {
		q, r := i.small/j.small, i.small%j.small
		if r != 0 && (r < 0) != (j.small < 0) {
			q--
			r += j.small
		}
		return Int{small: q}, Int{small: r}
	}
	q, m := new(big.Int), new(big.Int)
	q.DivMod(i.bigRO(), j.bigRO(), m) // Euclidean: m >= 0
	if m.Sign() != 0 && j.Sign() < 0 {
		q.Sub(q, big.NewInt(1))
		m.Add(m, j.bigRO())
	}
	return bigResult(q), bigResult(m)
}

// And, Or, Xor and Not are the bitwise operations on two's complement.
func (i Int) And(j Int) Int {
	if i.big == nil && j.big == nil {
		return Int{small: i.small & j.small}
	}
	return bigResult(new(big.Int).And(i.bigRO(), j.bigRO()))
}

// Or is i|j.
func (i Int) Or(j Int) Int {
	if i.big == nil && j.big == nil {
		return Int{small: i.small | j.small}
	}
	return bigResult(new(big.Int).Or(i.bigRO(), j.bigRO()))
}

// Xor is i^j.
func (i Int) Xor(j Int) Int {
	if i.big == nil && j.big == nil {
		return Int{small: i.small ^ j.small}
	}
	return bigResult(new(big.Int).Xor(i.bigRO(), j.bigRO()))
}

// Not is ~i.
func (i Int) Not() Int {
	if i.big == nil {
		return Int{small: ^i.small}
	}
	return bigResult(new(big.Int).Not(i.big))
}

// Lsh returns i<<n (n >= 0).
func (i Int) Lsh(n uint) Int {
	if i.big == nil && n < 63 {
		r := i.small << n
		if r>>n == i.small {
			return Int{small: r}
		}
	}
	return bigResult(new(big.Int).Lsh(i.bigRO(), n))
}

// Rsh returns i>>n (n >= 0), rounding toward negative infinity.
func (i Int) Rsh(n uint) Int {
	if i.big == nil {
		if n > 63 {
			n = 63
		}
		return Int{small: i.small >> n}
	}
	return bigResult(new(big.Int).Rsh(i.big, n))
}

// BitLen returns the number of bits of |i|.
func (i Int) BitLen() int {
	if i.big == nil {
		return bits.Len64(uint64(abs64(i.small)))
	}
	return i.big.BitLen()
}

// Float returns the nearest float and false if it is out of range.
func (i Int) Float() (float64, bool) {
	if i.big == nil {
		return float64(i.small), true
	}
	f, _ := new(big.Float).SetInt(i.big).Float64()
	return f, !math.IsInf(f, 0)
}

// parseIntLiteral parses a Python integer literal (with "_", 0x/0o/0b).
func parseIntLiteral(s string) (Int, bool) {
	if v, err := strconv.ParseInt(s, 10, 64); err == nil && (len(s) == 1 || s[0] != '0') {
		return MakeInt(v), true
	}
	s = strings.ReplaceAll(s, "_", "")
	base := 10
	if len(s) > 1 && s[0] == '0' {
		switch s[1] | 0x20 {
		case 'x':
			base, s = 16, s[2:]
		case 'o':
			base, s = 8, s[2:]
		case 'b':
			base, s = 2, s[2:]
		}
	}
	b, ok := new(big.Int).SetString(s, base)
	if !ok {
		return Int{}, false
	}
	return bigResult(b), true
}
