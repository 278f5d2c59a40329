package pyrt

import (
	"math"
	"math/big"
	"sync"
)

// The elementary functions complex power needs, computed in extended
// precision and rounded once, so that they give the correctly rounded
// results the C library CPython links against gives (Go's math package
// is off by an ulp or more for many arguments). Special operands (zeros,
// infinities, NaNs) follow C99, as math's functions do.

// libmPrec is the working precision of the extended computations.
const libmPrec = 192

// piPrec is the precision of π, enough to reduce any float64 argument of
// sin and cos modulo π/2.
const piPrec = 1400

var (
	libmOnce sync.Once
	bigPi    *big.Float // π to piPrec bits
	bigLn2   *big.Float // ln 2 to libmPrec+64 bits
)

func libmConstants() {
	libmOnce.Do(func() {
		// π = 16 atan(1/5) - 4 atan(1/239) (Machin).
		a := atanInverse(5, piPrec+16)
		b := atanInverse(239, piPrec+16)
		a.Mul(a, newBig(16, piPrec+16))
		b.Mul(b, newBig(4, piPrec+16))
		bigPi = a.Sub(a, b).SetPrec(piPrec)
		// ln 2 = 2 atanh(1/3).
		third := newBig(1, libmPrec+80)
		third.Quo(third, newBig(3, libmPrec+80))
		bigLn2 = atanhSeries(third)
		bigLn2.Mul(bigLn2, newBig(2, libmPrec+80)).SetPrec(libmPrec + 64)
	})
}

func newBig(x float64, prec uint) *big.Float {
	return new(big.Float).SetPrec(prec).SetFloat64(x)
}

// atanInverse is atan(1/n).
func atanInverse(n int64, prec uint) *big.Float {
	t := newBig(1, prec)
	return oddPowerSeries(t.Quo(t, newBig(float64(n), prec)), true)
}

// atanhSeries is atanh(t) = t + t³/3 + t⁵/5 + … for small |t|.
func atanhSeries(t *big.Float) *big.Float { return oddPowerSeries(t, false) }

// oddPowerSeries sums t^(2k+1)/(2k+1) over k >= 0, with alternating
// signs when alternate (atan's series) and without (atanh's), for small
// |t|, to t's precision.
func oddPowerSeries(t *big.Float, alternate bool) *big.Float {
	prec := t.Prec()
	sum := new(big.Float).SetPrec(prec).Set(t)
	t2 := new(big.Float).SetPrec(prec).Mul(t, t)
	power := new(big.Float).SetPrec(prec).Set(t)
	term := new(big.Float).SetPrec(prec)
	for k := int64(1); ; k++ {
		power.Mul(power, t2)
		term.Quo(power, newBig(float64(2*k+1), prec))
		if term.Sign() == 0 || term.MantExp(nil)-sum.MantExp(nil) < -int(prec)-4 {
			return sum
		}
		if alternate && k%2 == 1 {
			sum.Sub(sum, term)
		} else {
			sum.Add(sum, term)
		}
	}
}

// bigExp is e**x rounded to a float64, for x with a magnitude that is
// not huge (callers give the overflow and underflow limits).
func bigExp(x *big.Float) float64 {
	libmConstants()
	switch {
	case x.Cmp(newBig(710, 64)) > 0:
		return math.Inf(1)
	case x.Cmp(newBig(-746, 64)) < 0:
		return 0
	}
	prec := uint(libmPrec + 16)
	// x = k ln2 + r with |r| <= ln2/2, then e**r = (e**(r/2^16))^(2^16).
	q := new(big.Float).SetPrec(prec).Quo(x, bigLn2)
	kf, _ := q.Float64()
	k := math.Round(kf)
	r := new(big.Float).SetPrec(prec).Mul(newBig(k, prec), bigLn2)
	r.Sub(new(big.Float).SetPrec(prec).Set(x), r)
	const halvings = 16
	r.SetMantExp(r, -halvings)
	sum := newBig(1, prec)
	term := newBig(1, prec)
	for n := 1; ; n++ {
		term.Mul(term, r)
		term.Quo(term, newBig(float64(n), prec))
		if term.Sign() == 0 || term.MantExp(nil) < -int(prec)-4 {
			break
		}
		sum.Add(sum, term)
	}
	for i := 0; i < halvings; i++ {
		sum.Mul(sum, sum)
	}
	sum.SetMantExp(sum, int(k))
	f, _ := sum.Float64()
	return f
}

// bigLog is ln x for a finite x > 0.
func bigLog(x float64) *big.Float {
	libmConstants()
	prec := uint(libmPrec + 16)
	m := new(big.Float).SetPrec(prec)
	e := newBig(x, prec).MantExp(m) // x = m * 2^e, m in [0.5, 1)
	if m.Cmp(newBig(math.Sqrt2/2, 64)) < 0 {
		m.SetMantExp(m, 1)
		e--
	}
	// ln m = 2 atanh((m-1)/(m+1)).
	num := new(big.Float).SetPrec(prec).Sub(m, newBig(1, prec))
	den := new(big.Float).SetPrec(prec).Add(m, newBig(1, prec))
	t := num.Quo(num, den)
	lnm := atanhSeries(t)
	lnm.Mul(lnm, newBig(2, prec))
	r := new(big.Float).SetPrec(prec).Mul(newBig(float64(e), prec), bigLn2)
	return r.Add(r, lnm)
}

// libmExp is the C library's exp.
func libmExp(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) || x == 0 {
		return math.Exp(x)
	}
	return bigExp(newBig(x, 64))
}

// libmLog is the C library's log.
func libmLog(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) || x <= 0 || x == 1 {
		return math.Log(x)
	}
	f, _ := bigLog(x).Float64()
	return f
}

// libmPow is the C library's pow for a base x >= 0 (or NaN).
func libmPow(x, y float64) float64 {
	if x <= 0 || x == 1 || y == 0 || math.IsNaN(x) || math.IsNaN(y) || math.IsInf(x, 0) || math.IsInf(y, 0) {
		return math.Pow(x, y)
	}
	// Exponents whose power is one correctly rounded operation.
	switch y {
	case 1:
		return x
	case 2:
		return x * x
	case -1:
		return 1 / x
	case 0.5:
		return math.Sqrt(x)
	}
	l := bigLog(x)
	return bigExp(l.Mul(l, newBig(y, 64)))
}

// libmSinCos is the C library's sin and cos.
func libmSinCos(x float64) (sin, cos float64) {
	if math.IsNaN(x) || math.IsInf(x, 0) || x == 0 {
		return math.Sin(x), math.Cos(x)
	}
	libmConstants()
	// x = k π/2 + r with |r| <= π/4, reduced with all of π's bits.
	halfPi := new(big.Float).SetPrec(piPrec).SetMantExp(bigPi, -1)
	bx := newBig(x, piPrec)
	q := new(big.Float).SetPrec(piPrec).Quo(bx, halfPi)
	qf, _ := q.Float64()
	k := new(big.Float).SetPrec(piPrec)
	if math.Abs(qf) < 1<<52 {
		k.SetFloat64(math.Round(qf))
	} else {
		// Round q to an integer exactly.
		ki, _ := new(big.Float).SetPrec(piPrec).Add(q, newBig(math.Copysign(0.5, qf), 64)).Int(nil)
		k.SetInt(ki)
	}
	r := new(big.Float).SetPrec(piPrec).Mul(k, halfPi)
	r.Sub(bx, r)
	r.SetPrec(libmPrec + 16)
	s, c := sinCosSeries(r)
	ki, _ := k.Int(nil)
	switch new(big.Int).Mod(ki, big.NewInt(4)).Int64() {
	case 1:
		s, c = c, s.Neg(s)
	case 2:
		s, c = s.Neg(s), c.Neg(c)
	case 3:
		s, c = c.Neg(c), s
	}
	sin, _ = s.Float64()
	cos, _ = c.Float64()
	return sin, cos
}

// sinCosSeries is sin r and cos r by their Taylor series, |r| <= π/4.
func sinCosSeries(r *big.Float) (*big.Float, *big.Float) {
	prec := r.Prec()
	sin := new(big.Float).SetPrec(prec).Set(r)
	cos := newBig(1, prec)
	term := newBig(1, prec)
	for n := 1; ; n++ {
		term.Mul(term, r)
		term.Quo(term, newBig(float64(n), prec))
		if term.Sign() == 0 || term.MantExp(nil) < -int(prec)-8 {
			break
		}
		if n == 1 {
			continue // sin already holds r
		}
		switch n % 4 {
		case 0:
			cos.Add(cos, term)
		case 1:
			sin.Add(sin, term)
		case 2:
			cos.Sub(cos, term)
		case 3:
			sin.Sub(sin, term)
		}
	}
	return sin, cos
}

// libmAtan2 is the C library's atan2.
func libmAtan2(y, x float64) float64 {
	if y == 0 || x == 0 || math.IsNaN(x) || math.IsNaN(y) || math.IsInf(x, 0) || math.IsInf(y, 0) {
		return math.Atan2(y, x)
	}
	libmConstants()
	prec := uint(libmPrec + 16)
	t := new(big.Float).SetPrec(prec).Quo(newBig(math.Abs(y), prec), newBig(math.Abs(x), prec))
	pi := new(big.Float).SetPrec(prec).Set(bigPi)
	a := bigAtan(t, pi)
	if x < 0 {
		a.Sub(pi, a)
	}
	f, _ := a.Float64()
	return math.Copysign(f, y)
}

// bigAtan is atan t for t > 0.
func bigAtan(t, pi *big.Float) *big.Float {
	prec := t.Prec()
	if t.Cmp(newBig(1, 64)) > 0 {
		inv := newBig(1, prec)
		inv.Quo(inv, t)
		r := bigAtan(inv, pi)
		half := new(big.Float).SetPrec(prec).SetMantExp(pi, -1)
		return half.Sub(half, r)
	}
	// atan t = 2 atan(t / (1 + sqrt(1 + t²))), three times, then the series.
	const halvings = 3
	for i := 0; i < halvings; i++ {
		s := new(big.Float).SetPrec(prec).Mul(t, t)
		s.Add(s, newBig(1, prec))
		s.Sqrt(s)
		s.Add(s, newBig(1, prec))
		t = new(big.Float).SetPrec(prec).Quo(t, s)
	}
	sum := oddPowerSeries(t, true)
	return sum.SetMantExp(sum, halvings)
}
