package pyrt

import (
	"math"
	"math/big"

	syn "github.com/asterkit/aster/analyzer/python/internal/pysyntax"
)

// binaryDunders maps an operator to its method and reflected method.
var binaryDunders = map[syn.Token][2]string{
	syn.PLUS: {"__add__", "__radd__"}, syn.MINUS: {"__sub__", "__rsub__"},
	syn.STAR: {"__mul__", "__rmul__"}, syn.SLASH: {"__truediv__", "__rtruediv__"},
	syn.DOUBLESLASH: {"__floordiv__", "__rfloordiv__"}, syn.PERCENT: {"__mod__", "__rmod__"},
	syn.DOUBLESTAR: {"__pow__", "__rpow__"}, syn.LSHIFT: {"__lshift__", "__rlshift__"},
	syn.RSHIFT: {"__rshift__", "__rrshift__"}, syn.AMPER: {"__and__", "__rand__"},
	syn.VBAR: {"__or__", "__ror__"}, syn.CIRCUMFLEX: {"__xor__", "__rxor__"},
	syn.AT: {"__matmul__", "__rmatmul__"},
}

// Binary applies a binary operator (a syntax token such as PLUS).
func Binary(th *Thread, op syn.Token, x, y Value) (Value, error) {
	x0, y0 := x, y // for the error message
	if u, ok := x.(*Unknown); ok {
		return &Unknown{Why: u.Why, At: u.At}, nil
	}
	if u, ok := y.(*Unknown); ok {
		return &Unknown{Why: u.Why, At: u.At}, nil
	}
	// User-defined operators first (the reflected one first when y's class
	// is a proper subclass of x's).
	if isUserValue(x) || isUserValue(y) {
		names := binaryDunders[op]
		r, err := userOperator(th, x, y, names[0], names[1])
		if err != nil || r != NotImplemented {
			return r, err
		}
		// Fall back to builtin payloads (int/str subclasses); a single
		// argument of str % arg keeps its class, whose __str__ and
		// __repr__ the formatting calls.
		x = builtinPayload(x)
		_, isStr := x.(Str)
		if _, isTuple := builtinPayload(y).(Tuple); !isStr || op != syn.PERCENT || isTuple {
			y = builtinPayload(y)
		}
	}
	r, err := builtinBinary(th, op, x, y)
	if err != nil {
		return nil, err
	}
	if r != nil {
		return r, th.charge(valueSize(r))
	}
	switch {
	case op == syn.PLUS && (isStrLike(x)):
		return nil, typeErrorf("can only concatenate %s (not \"%s\") to %s", TypeName(x), TypeName(y), TypeName(x))
	case op == syn.STAR && (isSeq(x) || isSeq(y)):
		other := y
		if !isSeq(x) {
			other = x
		}
		return nil, typeErrorf("can't multiply sequence by non-int of type '%s'", TypeName(other))
	}
	opName := op.String()
	x, y = x0, y0
	if op == syn.DOUBLESTAR {
		return nil, typeErrorf("unsupported operand type(s) for ** or pow(): '%s' and '%s'", TypeName(x), TypeName(y))
	}
	return nil, typeErrorf("unsupported operand type(s) for %s: '%s' and '%s'", opName, TypeName(x), TypeName(y))
}

// valueSize is the size of a computed value, for charge.
func valueSize(v Value) int {
	switch x := v.(type) {
	case Str:
		return len(x)
	case Bytes:
		return len(x)
	case Tuple:
		return len(x)
	case *List:
		return len(x.Elems)
	case Int:
		return x.BitLen() / 8
	}
	return 0
}

func isStrLike(v Value) bool {
	switch v.(type) {
	case Str, *List, Tuple, Bytes:
		return true
	}
	return false
}

func isSeq(v Value) bool {
	switch v.(type) {
	case Str, *List, Tuple, Bytes:
		return true
	}
	return false
}

// isUserValue reports whether v's operators may be defined in the
// sources: an instance, or a class with a metaclass.
func isUserValue(v Value) bool {
	_, inst := v.(*Instance)
	return inst || isUserClass(v)
}

// userOperator runs the methods the sources define for a binary
// operator or comparison: x.name(y), then y.reflected(x) (the reflected
// one first when y's class is a proper subclass of x's). It returns
// NotImplemented when neither handles the operands.
func userOperator(th *Thread, x, y Value, name, reflected string) (Value, error) {
	tryX := func() (Value, error) {
		if m, _ := userMethod(x, name); m != nil {
			return th.Call(m, []Value{x, y}, nil)
		}
		return NotImplemented, nil
	}
	tryY := func() (Value, error) {
		if m, _ := userMethod(y, reflected); m != nil {
			return th.Call(m, []Value{y, x}, nil)
		}
		return NotImplemented, nil
	}
	order := []func() (Value, error){tryX, tryY}
	if y.Type() != x.Type() && y.Type().IsSubclass(x.Type()) {
		order = []func() (Value, error){tryY, tryX}
	}
	for _, f := range order {
		r, err := f()
		if err != nil || r != NotImplemented {
			return r, err
		}
	}
	return NotImplemented, nil
}

// builtinPayload returns the builtin value an instance of a subclass of a
// builtin class wraps, or v itself.
func builtinPayload(v Value) Value {
	if o, ok := v.(*Instance); ok && o.wrapped() != nil {
		return o.wrapped()
	}
	return v
}

func isUserClass(v Value) bool {
	c, ok := v.(*Class)
	return ok && c.Meta != nil
}

// userMethod finds a method defined in the sources on v's class (for a
// class value, on its metaclass).
func userMethod(v Value, name string) (Value, *Class) {
	m, owner := v.Type().Lookup(name)
	if m == nil || owner.builtin {
		return nil, nil
	}
	return m, owner
}

// builtinBinary returns (nil, nil) when the operand types do not support op.
func builtinBinary(th *Thread, op syn.Token, x, y Value) (Value, error) {
	if b, ok := x.(Bool); ok {
		if yb, ok := y.(Bool); ok && (op == syn.AMPER || op == syn.VBAR || op == syn.CIRCUMFLEX) {
			switch op {
			case syn.AMPER:
				return b && yb, nil
			case syn.VBAR:
				return b || yb, nil
			}
			return Bool(b != yb), nil
		}
		x = boolToInt(b)
	}
	if b, ok := y.(Bool); ok {
		y = boolToInt(b)
	}
	if r, err := complexBinary(op, x, y); r != nil || err != nil {
		return r, err
	}
	switch a := x.(type) {
	case Int:
		switch b := y.(type) {
		case Int:
			return intBinary(op, a, b)
		case Float:
			af, ok := a.Float()
			if !ok {
				return nil, excf(OverflowErrorClass, "int too large to convert to float")
			}
			return floatBinary(op, af, float64(b))
		}
		if op == syn.STAR {
			return seqRepeat(th, y, a)
		}
	case Float:
		switch b := y.(type) {
		case Int:
			bf, ok := b.Float()
			if !ok {
				return nil, excf(OverflowErrorClass, "int too large to convert to float")
			}
			return floatBinary(op, float64(a), bf)
		case Float:
			return floatBinary(op, float64(a), float64(b))
		}
	case Str:
		switch op {
		case syn.PLUS:
			if b, ok := y.(Str); ok {
				return a + b, growLimit(th, len(a), len(b))
			}
		case syn.STAR:
			if b, ok := y.(Int); ok {
				return seqRepeat(th, a, b)
			}
		case syn.PERCENT:
			return percentFormat(th, string(a), y)
		}
	case Bytes:
		switch op {
		case syn.PLUS:
			if b, ok := y.(Bytes); ok {
				return a + b, growLimit(th, len(a), len(b))
			}
		case syn.STAR:
			if b, ok := y.(Int); ok {
				return seqRepeat(th, a, b)
			}
		case syn.PERCENT:
			s, err := percentFormatBytes(th, string(a), y)
			if err != nil {
				return nil, err
			}
			return Bytes(s), nil
		}
	case Tuple:
		switch op {
		case syn.PLUS:
			if b, ok := y.(Tuple); ok {
				if err := growLimit(th, len(a), len(b)); err != nil {
					return nil, err
				}
				return append(append(Tuple{}, a...), b...), nil
			}
		case syn.STAR:
			if b, ok := y.(Int); ok {
				return seqRepeat(th, a, b)
			}
		}
	case *List:
		switch op {
		case syn.PLUS:
			if b, ok := y.(*List); ok {
				if err := growLimit(th, len(a.Elems), len(b.Elems)); err != nil {
					return nil, err
				}
				return NewList(append(append([]Value{}, a.Elems...), b.Elems...)), nil
			}
		case syn.STAR:
			if b, ok := y.(Int); ok {
				return seqRepeat(th, a, b)
			}
		}
	case *Dict:
		if b, ok := y.(*Dict); ok && op == syn.VBAR {
			d := &Dict{ht: a.ht.copy()}
			for _, kv := range b.Items() {
				if err := d.SetItem(th, kv[0], kv[1]); err != nil {
					return nil, err
				}
			}
			return d, nil
		}
	case *Set:
		if b, ok := y.(*Set); ok {
			return setBinary(th, op, a, b)
		}
	case *Class, NoneType:
		if op == syn.VBAR && isTypeLike(y) {
			return newUnionType(x, y), nil
		}
	case *UnionType:
		if op == syn.VBAR && isTypeLike(y) {
			return newUnionType(x, y), nil
		}
	}
	return nil, nil
}

func boolToInt(b Bool) Int {
	if b {
		return MakeInt(1)
	}
	return MakeInt(0)
}

// maxRepeatBytes bounds the size of a repeated sequence, a padded string
// and a formatting width or precision.
const maxRepeatBytes = 1 << 22

// sizeLimit rejects a size beyond maxRepeatBytes: no import-time code
// builds such values, and building them would exhaust memory.
func sizeLimit(n int) error {
	if n > maxRepeatBytes {
		return fatalf("a value of size %d is too large to build at import time", n)
	}
	return nil
}

// growLimit charges the building of a sequence of n items from two of
// a and b items (a concatenation, extend, +=), within maxRepeatBytes.
func growLimit(th *Thread, a, b int) error {
	if err := sizeLimit(a + b); err != nil {
		return err
	}
	return th.charge(a + b)
}

func seqRepeat(th *Thread, seq Value, n Int) (Value, error) {
	if _, ok := n.Int64(); !ok {
		return nil, excf(OverflowErrorClass, "cannot fit 'int' into an index-sized integer")
	}
	count := int(max(n.small, 0))
	size := 0
	switch s := seq.(type) {
	case Str:
		size = len(s)
	case Bytes:
		size = len(s)
	case Tuple:
		size = len(s)
	case *List:
		size = len(s.Elems)
	default:
		return nil, nil
	}
	if size > 0 && count > maxRepeatBytes/size {
		return nil, sizeLimit(count * min(size, maxRepeatBytes))
	}
	// Charge the work before doing it.
	if err := th.charge(size * count); err != nil {
		return nil, err
	}
	switch s := seq.(type) {
	case Str:
		return Str(repeatStr(string(s), count)), nil
	case Bytes:
		return Bytes(repeatStr(string(s), count)), nil
	case Tuple:
		out := make(Tuple, 0, size*count)
		for i := 0; i < count; i++ {
			out = append(out, s...)
		}
		return out, nil
	case *List:
		out := make([]Value, 0, size*count)
		for i := 0; i < count; i++ {
			out = append(out, s.Elems...)
		}
		return NewList(out), nil
	}
	return nil, nil
}

// maxIntBits bounds the size of ints computed by ** and <<.
const maxIntBits = 1 << 20

func intBinary(op syn.Token, a, b Int) (Value, error) {
	switch op {
	case syn.PLUS:
		return a.Add(b), nil
	case syn.MINUS:
		return a.Sub(b), nil
	case syn.STAR:
		if a.BitLen()+b.BitLen() > maxIntBits {
			return nil, fatalf("integer product too large to compute (%d bits)", a.BitLen()+b.BitLen())
		}
		return a.Mul(b), nil
	case syn.SLASH:
		return intTrueDiv(a, b)
	case syn.DOUBLESLASH:
		if b.Sign() == 0 {
			return nil, excf(ZeroDivisionErrorClass, "integer division or modulo by zero")
		}
		q, _ := a.DivMod(b)
		return q, nil
	case syn.PERCENT:
		if b.Sign() == 0 {
			return nil, excf(ZeroDivisionErrorClass, "integer modulo by zero")
		}
		_, m := a.DivMod(b)
		return m, nil
	case syn.DOUBLESTAR:
		return intPow(a, b)
	case syn.LSHIFT, syn.RSHIFT:
		if b.Sign() < 0 {
			return nil, valueErrorf("negative shift count")
		}
		n, ok := b.Int64()
		if op == syn.RSHIFT {
			if !ok || n > math.MaxInt32 {
				if a.Sign() < 0 {
					return MakeInt(-1), nil
				}
				return MakeInt(0), nil
			}
			return a.Rsh(uint(n)), nil
		}
		if a.Sign() == 0 {
			return a, nil
		}
		if !ok || int64(a.BitLen())+n > maxIntBits {
			// CPython computes it or runs out of memory: no Python
			// exception to emulate.
			return nil, fatalf("integer shift too large to compute")
		}
		return a.Lsh(uint(n)), nil
	case syn.AMPER:
		return a.And(b), nil
	case syn.VBAR:
		return a.Or(b), nil
	case syn.CIRCUMFLEX:
		return a.Xor(b), nil
	}
	return nil, nil
}

func intPow(a, b Int) (Value, error) {
	if b.Sign() < 0 {
		af, ok1 := a.Float()
		bf, ok2 := b.Float()
		if !ok1 || !ok2 {
			return nil, excf(OverflowErrorClass, "int too large to convert to float")
		}
		return floatBinary(syn.DOUBLESTAR, af, bf)
	}
	n, ok := b.Int64()
	if a.BitLen() <= 1 {
		// 0, 1, -1: no growth.
		if a.Sign() == 0 {
			if b.Sign() == 0 {
				return MakeInt(1), nil
			}
			return a, nil
		}
		if a.Sign() < 0 && b.Bit0() {
			return MakeInt(-1), nil
		}
		return MakeInt(1), nil
	}
	if !ok || int64(a.BitLen())*n > maxIntBits {
		return nil, fatalf("integer power too large to compute (%d bits)", int64(a.BitLen())*n)
	}
	return bigResult(new(big.Int).Exp(a.bigRO(), big.NewInt(n), nil)), nil
}

// Bit0 reports whether i is odd.
func (i Int) Bit0() bool {
	if i.big != nil {
		return i.big.Bit(0) == 1
	}
	return i.small&1 != 0
}

func intTrueDiv(a, b Int) (Value, error) {
	if b.Sign() == 0 {
		return nil, excf(ZeroDivisionErrorClass, "division by zero")
	}
	const exact = 1 << 53
	if x, ok := a.Int64(); ok && x <= exact && x >= -exact {
		if y, ok := b.Int64(); ok && y <= exact && y >= -exact {
			return Float(float64(x) / float64(y)), nil
		}
	}
	if a.Sign() == 0 {
		return Float(math.Copysign(0, float64(b.Sign()))), nil
	}
	f, _ := new(big.Rat).SetFrac(a.bigRO(), b.bigRO()).Float64()
	if math.IsInf(f, 0) {
		return nil, excf(OverflowErrorClass, "integer division result too large for a float")
	}
	return Float(f), nil
}

func floatBinary(op syn.Token, a, b float64) (Value, error) {
	switch op {
	case syn.PLUS:
		return Float(a + b), nil
	case syn.MINUS:
		return Float(a - b), nil
	case syn.STAR:
		return Float(a * b), nil
	case syn.SLASH:
		if b == 0 {
			return nil, excf(ZeroDivisionErrorClass, "float division by zero")
		}
		return Float(a / b), nil
	case syn.DOUBLESLASH:
		if b == 0 {
			return nil, excf(ZeroDivisionErrorClass, "float floor division by zero")
		}
		q, _ := FloatDivMod(a, b)
		return Float(q), nil
	case syn.PERCENT:
		if b == 0 {
			return nil, excf(ZeroDivisionErrorClass, "float modulo")
		}
		_, m := FloatDivMod(a, b)
		return Float(m), nil
	case syn.DOUBLESTAR:
		return floatPow(a, b)
	}
	return nil, nil
}

// FloatDivMod is CPython's float_divmod: the floored quotient and the
// remainder with the sign of the divisor.
func FloatDivMod(vx, wx float64) (float64, float64) {
	mod := math.Mod(vx, wx)
	div := (vx - mod) / wx
	if mod != 0 {
		if (wx < 0) != (mod < 0) {
			mod += wx
			div -= 1.0
		}
	} else {
		mod = math.Copysign(0, wx)
	}
	var floordiv float64
	if div != 0 {
		floordiv = math.Floor(div)
		if div-floordiv > 0.5 {
			floordiv += 1.0
		}
	} else {
		floordiv = math.Copysign(0, vx/wx)
	}
	return floordiv, mod
}

// floatPow follows CPython's float_pow for the special cases; the rest is
// the C library's pow.
func floatPow(a, b float64) (Value, error) {
	if b == 0 {
		return Float(1), nil
	}
	if math.IsNaN(a) {
		if b == 0 {
			return Float(1), nil
		}
		return Float(a), nil
	}
	if a == 0 && b < 0 && !math.IsInf(b, 0) {
		return nil, excf(ZeroDivisionErrorClass, "0.0 cannot be raised to a negative power")
	}
	if a < 0 && !math.IsInf(a, 0) && b != math.Floor(b) && !math.IsInf(b, 0) && !math.IsNaN(b) {
		// A negative number raised to a fractional power is complex.
		return complexPow(Complex{Re: a}, Complex{Re: b})
	}
	r := math.Pow(a, b)
	if a != 0 && !math.IsInf(a, 0) && !math.IsInf(b, 0) && !math.IsNaN(b) {
		// The power of the magnitude (b is integral when a < 0),
		// negated for a negative base and an odd exponent.
		r = libmPow(math.Abs(a), b)
		if a < 0 && math.Mod(b, 2) != 0 {
			r = -r
		}
	}
	if math.IsInf(r, 0) && !math.IsInf(a, 0) && !math.IsInf(b, 0) {
		return nil, NewException(OverflowErrorClass, Tuple{MakeInt(34), Str("Numerical result out of range")}...)
	}
	return Float(r), nil
}

// floatToInt converts an integral finite float to Int.
func floatToInt(f float64) Int {
	if f >= -(1<<63) && f < 1<<63 {
		return MakeInt(int64(f))
	}
	b, _ := big.NewFloat(f).Int(nil)
	return bigResult(b)
}

func bigFromUint(u uint64) *big.Int { return new(big.Int).SetUint64(u) }

func setBinary(th *Thread, op syn.Token, a, b *Set) (Value, error) {
	out := &Set{frozen: a.frozen}
	switch op {
	case syn.VBAR:
		if err := out.update(th, a); err != nil {
			return nil, err
		}
		if err := out.update(th, b); err != nil {
			return nil, err
		}
	case syn.AMPER, syn.MINUS:
		for _, e := range a.Elems() {
			in, err := b.Has(th, e)
			if err != nil {
				return nil, err
			}
			if in == (op == syn.AMPER) {
				if err := out.Add(th, e); err != nil {
					return nil, err
				}
			}
		}
	case syn.CIRCUMFLEX:
		for _, pair := range [2][2]*Set{{a, b}, {b, a}} {
			for _, e := range pair[0].Elems() {
				in, err := pair[1].Has(th, e)
				if err != nil {
					return nil, err
				}
				if !in {
					if err := out.Add(th, e); err != nil {
						return nil, err
					}
				}
			}
		}
	default:
		return nil, nil
	}
	return out, nil
}

// Unary applies -, +, ~ or not.
func Unary(th *Thread, op syn.Token, x Value) (Value, error) {
	if op == syn.NOT {
		t, err := Truth(th, x)
		return Bool(!t), err
	}
	if u, ok := x.(*Unknown); ok {
		return &Unknown{Why: u.Why, At: u.At}, nil
	}
	name := map[syn.Token]string{syn.MINUS: "__neg__", syn.PLUS: "__pos__", syn.TILDE: "__invert__"}[op]
	if m, _ := userMethod(x, name); m != nil {
		return th.Call(m, []Value{x}, nil)
	}
	if o, ok := x.(*Instance); ok && o.wrapped() != nil {
		x = o.wrapped()
	}
	if b, ok := x.(Bool); ok {
		x = boolToInt(b)
	}
	switch v := x.(type) {
	case Int:
		switch op {
		case syn.MINUS:
			return v.Neg(), nil
		case syn.PLUS:
			return v, nil
		case syn.TILDE:
			return v.Not(), nil
		}
	case Float:
		switch op {
		case syn.MINUS:
			return -v, nil
		case syn.PLUS:
			return v, nil
		}
	case Complex:
		switch op {
		case syn.MINUS:
			return Complex{-v.Re, -v.Im}, nil
		case syn.PLUS:
			return v, nil
		}
	}
	return nil, typeErrorf("bad operand type for unary %s: '%s'", op, TypeName(x))
}
