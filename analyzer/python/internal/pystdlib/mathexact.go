package pystdlib

import "math/big"

// The logarithms are computed with 160-bit big.Float arithmetic and
// rounded once, giving the correctly rounded results that CPython's C
// library gives (Go's math.Log2 and math.Log10 can be an ulp off).

const precBits = 160

func bigf(x float64) *big.Float { return new(big.Float).SetPrec(precBits).SetFloat64(x) }

// lnMant returns ln(m) for m in [1, 2) as 2·atanh((m-1)/(m+1)).
func lnMant(m *big.Float) *big.Float {
	one := bigf(1)
	num := new(big.Float).SetPrec(precBits).Sub(m, one)
	den := new(big.Float).SetPrec(precBits).Add(m, one)
	z := new(big.Float).SetPrec(precBits).Quo(num, den)
	z2 := new(big.Float).SetPrec(precBits).Mul(z, z)
	sum := new(big.Float).SetPrec(precBits).Set(z)
	term := new(big.Float).SetPrec(precBits).Set(z)
	eps := new(big.Float).SetPrec(precBits).SetMantExp(bigf(1), -precBits)
	for k := int64(3); ; k += 2 {
		term.Mul(term, z2)
		t := new(big.Float).SetPrec(precBits).Quo(term, new(big.Float).SetPrec(precBits).SetInt64(k))
		sum.Add(sum, t)
		if t.Sign() == 0 || new(big.Float).Abs(t).Cmp(eps) < 0 {
			break
		}
	}
	return sum.Mul(sum, bigf(2))
}

var ln2Big = lnMant(bigf(2))

// lnBig returns ln(x) for x > 0 given as a big.Float.
func lnBig(x *big.Float) *big.Float {
	m := new(big.Float).SetPrec(precBits)
	exp := x.MantExp(m) // x = m·2^exp, m in [0.5, 1)
	m.SetMantExp(m, 1)  // m in [1, 2)
	exp--
	r := lnMant(m)
	k := new(big.Float).SetPrec(precBits).SetInt64(int64(exp))
	return r.Add(r, k.Mul(k, ln2Big))
}

// logExact returns log(x) in base 0 (e), 2 or 10, for finite x > 0.
func logExact(x float64, base int) float64 {
	l := lnBig(bigf(x))
	switch base {
	case 2:
		l.Quo(l, ln2Big)
	case 10:
		l.Quo(l, lnBig(bigf(10)))
	}
	f, _ := l.Float64()
	return f
}
