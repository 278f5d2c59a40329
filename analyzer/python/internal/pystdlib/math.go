package pystdlib

import (
	"math"
	"math/big"

	"github.com/asterkit/aster/analyzer/python/internal/pyrt"
)

// math: the constants and the common functions, with CPython's results
// and error messages.
func init() {
	models["math"] = &model{
		src: `
from _host_math import *
pi = 3.141592653589793
e = 2.718281828459045
tau = 6.283185307179586
inf = float('inf')
nan = float('nan')
`,
		helpers: func(*Host) map[string]pyrt.Value {
			fns := map[string]pyrt.Value{}
			unary := func(name string, f func(float64) (pyrt.Value, error)) {
				fns[name] = pyrt.NewBuiltin(name, func(th *pyrt.Thread, args []pyrt.Value, kwargs []pyrt.Kwarg) (pyrt.Value, error) {
					if len(args) != 1 || len(kwargs) != 0 {
						return nil, typeError(name + "() takes exactly one argument (" + itoa(len(args)) + " given)")
					}
					if i, ok := asInt(args[0]); ok && (name == "floor" || name == "ceil" || name == "trunc") {
						return i, nil
					}
					x, err := toFloat(args[0])
					if err != nil {
						if _, isFloat := args[0].(pyrt.Float); !isFloat && name == "trunc" {
							return nil, typeError("type " + pyrt.TypeName(args[0]) + " doesn't define __trunc__ method")
						}
						return nil, err
					}
					return f(x)
				})
			}
			domain := func(f func(float64) float64, ok func(float64) bool) func(float64) (pyrt.Value, error) {
				return func(x float64) (pyrt.Value, error) {
					if !ok(x) {
						return nil, pyrt.NewException(pyrt.ValueErrorClass, pyrt.Str("math domain error"))
					}
					r := f(x)
					if math.IsInf(r, 0) && !math.IsInf(x, 0) {
						return nil, pyrt.NewException(pyrt.OverflowErrorClass, pyrt.Str("math range error"))
					}
					return pyrt.Float(r), nil
				}
			}
			always := func(float64) bool { return true }
			unary("floor", func(x float64) (pyrt.Value, error) { return floatToInt(math.Floor(x)) })
			unary("ceil", func(x float64) (pyrt.Value, error) { return floatToInt(math.Ceil(x)) })
			unary("trunc", func(x float64) (pyrt.Value, error) { return floatToInt(math.Trunc(x)) })
			unary("sqrt", domain(math.Sqrt, func(x float64) bool { return x >= 0 || math.IsNaN(x) }))
			unary("exp", func(x float64) (pyrt.Value, error) {
				switch {
				case math.IsNaN(x) || math.IsInf(x, 1):
					return pyrt.Float(x), nil
				case x < -745.14: // below half the smallest subnormal
					return pyrt.Float(0), nil
				case x > 709.79: // beyond the largest float
					return nil, pyrt.NewException(pyrt.OverflowErrorClass, pyrt.Str("math range error"))
				}
				if x == 0 {
					return pyrt.Float(1), nil
				}
				// The C library's exp is not correctly rounded, so its
				// last bit cannot be reproduced: the result is unknown,
				// an error only where it feeds something.
				return &pyrt.Unknown{Why: "math.exp is not reproduced bit for bit"}, nil
			})
			for name, base := range map[string]int{"log2": 2, "log10": 10} {
				fns[name] = pyrt.NewBuiltin(name, func(th *pyrt.Thread, args []pyrt.Value, kwargs []pyrt.Kwarg) (pyrt.Value, error) {
					if len(args) != 1 || len(kwargs) != 0 {
						return nil, typeError("math." + name + "() takes exactly one argument (" + itoa(len(args)) + " given)")
					}
					return logOf(args[0], base)
				})
			}
			unary("fabs", domain(math.Abs, always))
			unary("isnan", func(x float64) (pyrt.Value, error) { return pyrt.Bool(math.IsNaN(x)), nil })
			unary("isinf", func(x float64) (pyrt.Value, error) { return pyrt.Bool(math.IsInf(x, 0)), nil })
			unary("isfinite", func(x float64) (pyrt.Value, error) {
				return pyrt.Bool(!math.IsInf(x, 0) && !math.IsNaN(x)), nil
			})
			fns["log"] = pyrt.NewBuiltin("log", func(th *pyrt.Thread, args []pyrt.Value, kwargs []pyrt.Kwarg) (pyrt.Value, error) {
				if len(args) < 1 || len(args) > 2 || len(kwargs) != 0 {
					return nil, typeError("log expected 1 or 2 arguments, got " + itoa(len(args)))
				}
				num, err := logOf(args[0], 0)
				if err != nil || len(args) == 1 {
					return num, err
				}
				den, err := logOf(args[1], 0)
				if err != nil {
					return nil, err
				}
				if den.(pyrt.Float) == 0 {
					return nil, pyrt.NewException(pyrt.ZeroDivisionErrorClass, pyrt.Str("float division by zero"))
				}
				return num.(pyrt.Float) / den.(pyrt.Float), nil
			})
			fns["gcd"] = pyrt.NewBuiltin("gcd", func(th *pyrt.Thread, args []pyrt.Value, kwargs []pyrt.Kwarg) (pyrt.Value, error) {
				g := new(big.Int)
				for _, a := range args {
					i, ok := asInt(a)
					if !ok {
						return nil, typeError("'" + pyrt.TypeName(a) + "' object cannot be interpreted as an integer")
					}
					g.GCD(nil, nil, g, new(big.Int).Abs(i.Big()))
				}
				return pyrt.MakeBigInt(g), nil
			})
			fns["factorial"] = pyrt.NewBuiltin("factorial", func(th *pyrt.Thread, args []pyrt.Value, kwargs []pyrt.Kwarg) (pyrt.Value, error) {
				if len(args) != 1 || len(kwargs) != 0 {
					return nil, typeError("math.factorial() takes exactly one argument (" + itoa(len(args)) + " given)")
				}
				i, ok := asInt(args[0])
				if !ok {
					return nil, typeError("'" + pyrt.TypeName(args[0]) + "' object cannot be interpreted as an integer")
				}
				n, fits := i.Int64()
				if i.Sign() < 0 {
					return nil, pyrt.NewException(pyrt.ValueErrorClass, pyrt.Str("factorial() not defined for negative values"))
				}
				if !fits || n > 10000 {
					return &pyrt.Unknown{Why: "math.factorial of a large argument"}, nil
				}
				return pyrt.MakeBigInt(new(big.Int).MulRange(1, max(n, 1))), nil
			})
			return fns
		},
	}
}

// logOf is CPython's loghelper: the logarithm (base 0 for e, 2 or 10)
// of a float, or of an int of any size through its frexp.
func logOf(v pyrt.Value, base int) (pyrt.Value, error) {
	if i, ok := asInt(v); ok {
		if i.Sign() <= 0 {
			return nil, pyrt.NewException(pyrt.ValueErrorClass, pyrt.Str("math domain error"))
		}
		if f, fits := i.Float(); fits {
			return pyrt.Float(logFloat(f, base)), nil
		}
		// Beyond the float range: log(m) + log(2)·e with i = m·2**e.
		m := new(big.Float).SetPrec(53).SetInt(i.Big())
		e := m.MantExp(m)
		mf, _ := m.Float64()
		return pyrt.Float(logFloat(mf, base) + logFloat(2, base)*float64(e)), nil
	}
	x, err := toFloat(v)
	if err != nil {
		return nil, err
	}
	switch {
	case math.IsNaN(x) || math.IsInf(x, 1):
		return pyrt.Float(x), nil
	case x <= 0:
		return nil, pyrt.NewException(pyrt.ValueErrorClass, pyrt.Str("math domain error"))
	}
	return pyrt.Float(logFloat(x, base)), nil
}

// logFloat is the logarithm of a finite x > 0 as the C library computes
// it: log and log2 correctly rounded, log10 from log as fdlibm does.
func logFloat(x float64, base int) float64 {
	if x == 1 {
		return 0
	}
	if base != 10 {
		return logExact(x, base)
	}
	const (
		ivln10    = 4.34294481903251816668e-01
		log10_2hi = 3.01029995663611771306e-01
		log10_2lo = 3.69423907715893078616e-13
	)
	frac, exp := math.Frexp(x) // x = frac·2**exp, frac in [0.5, 1)
	k := exp - 1
	if k >= 0 {
		frac *= 2 // [1, 2)
	} else {
		k++ // frac stays in [0.5, 1)
	}
	y := float64(k)
	// The conversions keep each product rounded, as C does (no fused
	// multiply-add).
	z := float64(y*log10_2lo) + float64(ivln10*logExact(frac, 0))
	return z + float64(y*log10_2hi)
}

func asInt(v pyrt.Value) (pyrt.Int, bool) {
	switch x := v.(type) {
	case pyrt.Int:
		return x, true
	case pyrt.Bool:
		if x {
			return pyrt.MakeInt(1), true
		}
		return pyrt.MakeInt(0), true
	}
	return pyrt.Int{}, false
}

func toFloat(v pyrt.Value) (float64, error) {
	if f, ok := v.(pyrt.Float); ok {
		return float64(f), nil
	}
	if i, ok := asInt(v); ok {
		f, fits := i.Float()
		if !fits {
			return 0, pyrt.NewException(pyrt.OverflowErrorClass, pyrt.Str("int too large to convert to float"))
		}
		return f, nil
	}
	return 0, typeError("must be real number, not " + pyrt.TypeName(v))
}

func floatToInt(x float64) (pyrt.Value, error) {
	switch {
	case math.IsNaN(x):
		return nil, pyrt.NewException(pyrt.ValueErrorClass, pyrt.Str("cannot convert float NaN to integer"))
	case math.IsInf(x, 0):
		return nil, pyrt.NewException(pyrt.OverflowErrorClass, pyrt.Str("cannot convert float infinity to integer"))
	}
	b, _ := new(big.Float).SetFloat64(x).Int(nil)
	return pyrt.MakeBigInt(b), nil
}

func typeError(msg string) error { return pyrt.NewException(pyrt.TypeErrorClass, pyrt.Str(msg)) }

func itoa(n int) string { return pyrt.MakeInt(int64(n)).String() }
