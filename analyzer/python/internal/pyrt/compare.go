package pyrt

import (
	"math"
	"math/big"

	syn "github.com/asterkit/aster/analyzer/python/internal/pysyntax"
)

// Equal is Python's ==.
func Equal(th *Thread, a, b Value) (bool, error) {
	r, err := Compare(th, syn.CmpEq, a, b)
	if err != nil {
		return false, err
	}
	return Truth(th, r)
}

var cmpDunders = map[syn.CmpKind][2]string{
	syn.CmpEq: {"__eq__", "__eq__"}, syn.CmpNotEq: {"__ne__", "__ne__"},
	syn.CmpLt: {"__lt__", "__gt__"}, syn.CmpGt: {"__gt__", "__lt__"},
	syn.CmpLtE: {"__le__", "__ge__"}, syn.CmpGtE: {"__ge__", "__le__"},
}

var cmpSymbols = map[syn.CmpKind]string{
	syn.CmpLt: "<", syn.CmpGt: ">", syn.CmpLtE: "<=", syn.CmpGtE: ">=",
}

// Compare applies a comparison operator; "in", "is" and their negations
// included.
func Compare(th *Thread, op syn.CmpKind, a, b Value) (Value, error) {
	switch op {
	case syn.CmpIs:
		return Bool(Is(a, b)), nil
	case syn.CmpIsNot:
		return Bool(!Is(a, b)), nil
	case syn.CmpIn, syn.CmpNotIn:
		if u, ok := b.(*Unknown); ok {
			return nil, u.fatal("membership in this value")
		}
		in, err := Contains(th, b, a)
		return Bool(in == (op == syn.CmpIn)), err
	}
	if u, ok := a.(*Unknown); ok {
		return nil, u.fatal("comparing this value")
	}
	if u, ok := b.(*Unknown); ok {
		return nil, u.fatal("comparing this value")
	}
	names := cmpDunders[op]
	if isUserValue(a) || isUserValue(b) {
		r, err := userOperator(th, a, b, names[0], names[1])
		if err != nil || r != NotImplemented {
			return r, err
		}
		if op == syn.CmpNotEq {
			if m, _ := userMethod(a, "__eq__"); m != nil {
				r, err := Compare(th, syn.CmpEq, a, b)
				if err != nil {
					return nil, err
				}
				t, err := Truth(th, r)
				return Bool(!t), err
			}
		}
		a, b = builtinPayload(a), builtinPayload(b)
	}
	c, ok, err := cmpBuiltin(th, op, a, b)
	if err != nil {
		return nil, err
	}
	if ok {
		return Bool(c), nil
	}
	switch op {
	case syn.CmpEq:
		return Bool(Is(a, b)), nil
	case syn.CmpNotEq:
		return Bool(!Is(a, b)), nil
	}
	return nil, typeErrorf("'%s' not supported between instances of '%s' and '%s'", cmpSymbols[op], TypeName(a), TypeName(b))
}

// cmpResult turns a three-way comparison into op's result.
func cmpResult(op syn.CmpKind, c int) bool {
	switch op {
	case syn.CmpEq:
		return c == 0
	case syn.CmpNotEq:
		return c != 0
	case syn.CmpLt:
		return c < 0
	case syn.CmpLtE:
		return c <= 0
	case syn.CmpGt:
		return c > 0
	}
	return c >= 0
}

// cmpBuiltin compares builtin values; ok is false when the types do not
// support op.
func cmpBuiltin(th *Thread, op syn.CmpKind, a, b Value) (bool, bool, error) {
	if x, ok := a.(Bool); ok {
		a = boolToInt(x)
	}
	if x, ok := b.(Bool); ok {
		b = boolToInt(x)
	}
	switch a.(type) {
	case Tuple, *List, *Dict, *Set:
		if err := th.visit(a, " in comparison"); err != nil {
			return false, true, err
		}
		defer th.leave()
	}
	switch x := a.(type) {
	case Int:
		switch y := b.(type) {
		case Int:
			return cmpResult(op, x.Cmp(y)), true, nil
		case Float:
			return floatIntCmp(op, float64(y), x, true), true, nil
		case Complex:
			r, ok := complexCompare(op, y, x)
			return r, ok, nil
		}
	case Float:
		switch y := b.(type) {
		case Float:
			return floatCmp(op, float64(x), float64(y)), true, nil
		case Int:
			return floatIntCmp(op, float64(x), y, false), true, nil
		case Complex:
			r, ok := complexCompare(op, y, x)
			return r, ok, nil
		}
	case Complex:
		r, ok := complexCompare(op, x, b)
		return r, ok, nil
	case Str:
		if y, ok := b.(Str); ok {
			return cmpResult(op, cmpStr(string(x), string(y))), true, nil
		}
	case Bytes:
		if y, ok := b.(Bytes); ok {
			return cmpResult(op, cmpStr(string(x), string(y))), true, nil
		}
	case Tuple:
		if y, ok := b.(Tuple); ok {
			return cmpSeq(th, op, x, y)
		}
	case *List:
		if y, ok := b.(*List); ok {
			return cmpSeq(th, op, x.Elems, y.Elems)
		}
	case *Dict:
		if y, ok := b.(*Dict); ok && (op == syn.CmpEq || op == syn.CmpNotEq) {
			eq, err := dictEqual(th, x, y)
			return eq == (op == syn.CmpEq), true, err
		}
	case *Set:
		if y, ok := b.(*Set); ok {
			return setCompare(th, op, x, y)
		}
	case NoneType:
		if _, ok := b.(NoneType); ok && (op == syn.CmpEq || op == syn.CmpNotEq) {
			return op == syn.CmpEq, true, nil
		}
	}
	if c, ok := a.(interface {
		compare(th *Thread, op syn.CmpKind, b Value) (bool, bool, error)
	}); ok {
		return c.compare(th, op, b)
	}
	return false, false, nil
}

func floatCmp(op syn.CmpKind, x, y float64) bool {
	switch op {
	case syn.CmpEq:
		return x == y
	case syn.CmpNotEq:
		return x != y
	case syn.CmpLt:
		return x < y
	case syn.CmpLtE:
		return x <= y
	case syn.CmpGt:
		return x > y
	}
	return x >= y
}

// floatIntCmp compares a float with an int exactly; swapped means the int
// is the left operand.
func floatIntCmp(op syn.CmpKind, f float64, i Int, swapped bool) bool {
	if math.IsNaN(f) {
		return op == syn.CmpNotEq
	}
	var c int
	if math.IsInf(f, 1) {
		c = 1
	} else if math.IsInf(f, -1) {
		c = -1
	} else {
		c = new(big.Float).SetFloat64(f).Cmp(new(big.Float).SetInt(i.bigRO()))
	}
	if swapped {
		c = -c
	}
	return cmpResult(op, c)
}

// cmpStr compares by code point (UTF-8 byte order agrees, surrogates
// included in their three-byte form).
func cmpStr(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func cmpSeq(th *Thread, op syn.CmpKind, x, y []Value) (bool, bool, error) {
	if (op == syn.CmpEq || op == syn.CmpNotEq) && len(x) != len(y) {
		return op == syn.CmpNotEq, true, nil
	}
	for i := 0; i < len(x) && i < len(y); i++ {
		if Is(x[i], y[i]) {
			continue
		}
		eq, err := Equal(th, x[i], y[i])
		if err != nil {
			return false, true, err
		}
		if !eq {
			if op == syn.CmpEq || op == syn.CmpNotEq {
				return op == syn.CmpNotEq, true, nil
			}
			r, err := Compare(th, op, x[i], y[i])
			if err != nil {
				return false, true, err
			}
			t, err := Truth(th, r)
			return t, true, err
		}
	}
	return cmpResult(op, len(x)-len(y)), true, nil
}

func dictEqual(th *Thread, x, y *Dict) (bool, error) {
	if x.Len() != y.Len() {
		return false, nil
	}
	for _, kv := range x.Items() {
		v, ok, err := y.Get(th, kv[0])
		if err != nil || !ok {
			return false, err
		}
		if Is(v, kv[1]) {
			continue
		}
		eq, err := Equal(th, kv[1], v)
		if err != nil || !eq {
			return false, err
		}
	}
	return true, nil
}

// subset reports whether every element of x is in y.
func subset(th *Thread, x, y *Set) (bool, error) {
	for _, e := range x.Elems() {
		in, err := y.Has(th, e)
		if err != nil || !in {
			return false, err
		}
	}
	return true, nil
}

func setCompare(th *Thread, op syn.CmpKind, x, y *Set) (bool, bool, error) {
	var r bool
	var err error
	switch op {
	case syn.CmpEq, syn.CmpNotEq:
		r = x.Len() == y.Len()
		if r {
			r, err = subset(th, x, y)
		}
		if op == syn.CmpNotEq {
			r = !r
		}
	case syn.CmpLtE:
		r, err = subset(th, x, y)
	case syn.CmpLt:
		r = x.Len() < y.Len()
		if r {
			r, err = subset(th, x, y)
		}
	case syn.CmpGtE:
		r, err = subset(th, y, x)
	case syn.CmpGt:
		r = y.Len() < x.Len()
		if r {
			r, err = subset(th, y, x)
		}
	}
	return r, true, err
}

// Contains is "x in container".
func Contains(th *Thread, container, x Value) (bool, error) {
	switch c := container.(type) {
	case Str:
		s, ok := x.(Str)
		if !ok {
			return false, typeErrorf("'in <string>' requires string as left operand, not %s", TypeName(x))
		}
		return containsStr(string(c), string(s)), nil
	case Bytes:
		switch s := x.(type) {
		case Bytes:
			return containsStr(string(c), string(s)), nil
		case Int:
			v, ok := s.Int64()
			if !ok || v < 0 || v > 255 {
				return false, valueErrorf("byte must be in range(0, 256)")
			}
			return containsStr(string(c), string([]byte{byte(v)})), nil
		}
		return false, typeErrorf("a bytes-like object is required, not '%s'", TypeName(x))
	case *Dict:
		_, ok, err := c.Get(th, x)
		return ok, err
	case *Set:
		return c.Has(th, x)
	case *Instance:
		if m, _ := c.Class.Lookup("__contains__"); m != nil {
			r, err := th.Call(m, []Value{c, x}, nil)
			if err != nil {
				return false, err
			}
			return Truth(th, r)
		}
	case *rangeValue:
		if i, ok := x.(Int); ok {
			return c.contains(i), nil
		}
	case *Class:
		if m, _ := userMethod(c, "__contains__"); m != nil {
			r, err := th.Call(m, []Value{c, x}, nil)
			if err != nil {
				return false, err
			}
			return Truth(th, r)
		}
	}
	it, err := Iterate(th, container)
	if err != nil {
		if e, ok := err.(*Exception); ok && e.Class() == TypeErrorClass {
			return false, typeErrorf("argument of type '%s' is not iterable", TypeName(container))
		}
		return false, err
	}
	for {
		v, ok, err := it.Next(th)
		if err != nil || !ok {
			return false, err
		}
		if Is(v, x) {
			return true, nil
		}
		eq, err := Equal(th, v, x)
		if err != nil || eq {
			return eq, err
		}
	}
}

func containsStr(s, sub string) bool {
	return len(sub) == 0 || indexStr(s, sub) >= 0
}
