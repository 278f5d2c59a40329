package pyrt

import (
	"math"
	"math/big"
	"sort"
	"strings"
	"unicode/utf8"

	syn "github.com/asterkit/aster/analyzer/python/internal/pysyntax"
)

func builtin(name string, fn func(th *Thread, args []Value, kwargs []Kwarg) (Value, error)) {
	builtinsNS.Set(name, NewBuiltin(name, fn))
}

func initBuiltinFuncs() {
	builtin("len", func(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := arity("len", args, 1, 1); err != nil {
			return nil, err
		}
		n, err := Len(th, args[0])
		return MakeInt(int64(n)), err
	})
	builtin("repr", func(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := arity("repr", args, 1, 1); err != nil {
			return nil, err
		}
		s, err := Repr(th, args[0])
		return Str(s), err
	})
	builtin("ascii", func(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := arity("ascii", args, 1, 1); err != nil {
			return nil, err
		}
		s, err := Repr(th, args[0])
		return Str(asciiEscape(s)), err
	})
	builtin("print", func(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
		sep, end := Value(Str(" ")), Value(Str("\n"))
		var file, flush Value
		if err := kwargsTo("print", kwargs, map[string]*Value{"sep": &sep, "end": &end, "file": &file, "flush": &flush}); err != nil {
			return nil, err
		}
		parts := make([]string, len(args))
		for i, a := range args {
			s, err := ToStr(th, a)
			if err != nil {
				return nil, err
			}
			parts[i] = s
		}
		if sep == None {
			sep = Str(" ")
		}
		if end == None {
			end = Str("\n")
		}
		if th.Print != nil {
			th.Print(strings.Join(parts, string(sep.(Str))) + string(end.(Str)))
		}
		return None, nil
	})
	builtin("isinstance", func(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := arity("isinstance", args, 2, 2); err != nil {
			return nil, err
		}
		r, err := isInstance(th, args[0], args[1])
		return Bool(r), err
	})
	builtin("issubclass", func(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := arity("issubclass", args, 2, 2); err != nil {
			return nil, err
		}
		c, ok := args[0].(*Class)
		if !ok {
			return nil, typeErrorf("issubclass() arg 1 must be a class")
		}
		r, err := isSubclass(th, c, args[1])
		return Bool(r), err
	})
	builtin("getattr", func(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := arity("getattr", args, 2, 3); err != nil {
			return nil, err
		}
		name, ok := args[1].(Str)
		if !ok {
			return nil, typeErrorf("attribute name must be string, not '%s'", TypeName(args[1]))
		}
		v, err := GetAttr(th, args[0], string(name))
		if err != nil && len(args) == 3 {
			if e, ok := err.(*Exception); ok && e.Class().IsSubclass(AttributeErrorClass) {
				return args[2], nil
			}
		}
		return v, err
	})
	builtin("hasattr", func(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := arity("hasattr", args, 2, 2); err != nil {
			return nil, err
		}
		name, ok := args[1].(Str)
		if !ok {
			return nil, typeErrorf("attribute name must be string, not '%s'", TypeName(args[1]))
		}
		_, err := GetAttr(th, args[0], string(name))
		if err != nil {
			if e, ok := err.(*Exception); ok && e.Class().IsSubclass(AttributeErrorClass) {
				return Bool(false), nil
			}
			return nil, err
		}
		return Bool(true), nil
	})
	builtin("setattr", func(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := arity("setattr", args, 3, 3); err != nil {
			return nil, err
		}
		name, ok := args[1].(Str)
		if !ok {
			return nil, typeErrorf("attribute name must be string, not '%s'", TypeName(args[1]))
		}
		return None, SetAttr(th, args[0], string(name), args[2])
	})
	builtin("delattr", func(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := arity("delattr", args, 2, 2); err != nil {
			return nil, err
		}
		name, ok := args[1].(Str)
		if !ok {
			return nil, typeErrorf("attribute name must be string, not '%s'", TypeName(args[1]))
		}
		return None, SetAttr(th, args[0], string(name), nil)
	})
	builtin("callable", func(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := arity("callable", args, 1, 1); err != nil {
			return nil, err
		}
		switch x := args[0].(type) {
		case *Unknown:
			return &Unknown{Why: "callable() of an unknown value", At: x.At}, nil
		case Callable:
			return Bool(true), nil
		case *Instance:
			m, _ := x.Class.Lookup("__call__")
			return Bool(m != nil), nil
		}
		return Bool(false), nil
	})
	builtin("id", func(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := arity("id", args, 1, 1); err != nil {
			return nil, err
		}
		// CPython's ids are addresses: positive.
		return MakeInt(identityHash(args[0])&(1<<62-1) + 1), nil
	})
	builtin("hash", func(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := arity("hash", args, 1, 1); err != nil {
			return nil, err
		}
		h, err := Hash(th, args[0])
		return MakeInt(h), err
	})
	builtin("iter", func(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := arity("iter", args, 1, 2); err != nil {
			return nil, err
		}
		if len(args) == 2 {
			fn, sentinel := args[0], args[1]
			return &IteratorValue{Name: "callable_iterator", It: &callIter{fn: fn, sentinel: sentinel}}, nil
		}
		if it, ok := args[0].(*IteratorValue); ok {
			return it, nil
		}
		it, err := Iterate(th, args[0])
		if err != nil {
			return nil, err
		}
		return &IteratorValue{It: it, Name: iterName(args[0])}, nil
	})
	builtin("next", func(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := arity("next", args, 1, 2); err != nil {
			return nil, err
		}
		var it Iterator
		switch x := args[0].(type) {
		case *IteratorValue:
			it = x.It
		case *Instance:
			m, _ := x.Class.Lookup("__next__")
			if m == nil {
				break
			}
			v, err := th.Call(m, []Value{x}, nil)
			if err != nil && len(args) == 2 {
				if e, ok := err.(*Exception); ok && e.Class().IsSubclass(StopIterationClass) {
					return args[1], nil
				}
			}
			return v, err
		}
		if it == nil {
			return nil, typeErrorf("'%s' object is not an iterator", TypeName(args[0]))
		}
		v, ok, err := it.Next(th)
		if err != nil {
			return nil, err
		}
		if !ok {
			if len(args) == 2 {
				return args[1], nil
			}
			return nil, NewException(StopIterationClass)
		}
		return v, nil
	})
	builtin("sorted", func(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := arity("sorted", args, 1, 1); err != nil {
			return nil, err
		}
		items, err := ToSlice(th, args[0])
		if err != nil {
			return nil, err
		}
		l := NewList(items)
		if l.Elems == nil {
			l.Elems = []Value{}
		}
		return l, sortList(th, l, kwargs, "sorted")
	})
	builtin("reversed", func(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := arity("reversed", args, 1, 1); err != nil {
			return nil, err
		}
		var items []Value
		switch x := args[0].(type) {
		case *Dict, *rangeValue, Str, Bytes, Tuple, *List:
			all, err := ToSlice(th, x)
			if err != nil {
				return nil, err
			}
			items = all
		case *Instance:
			if m, _ := x.Class.Lookup("__reversed__"); m != nil {
				return th.Call(m, []Value{x}, nil)
			}
			n, err := Len(th, x)
			if err != nil {
				return nil, typeErrorf("'%s' object is not reversible", TypeName(x))
			}
			for i := 0; i < n; i++ {
				v, err := GetItem(th, x, MakeInt(int64(i)))
				if err != nil {
					return nil, err
				}
				items = append(items, v)
			}
		default:
			return nil, typeErrorf("'%s' object is not reversible", TypeName(args[0]))
		}
		out := make([]Value, len(items))
		for i, v := range items {
			out[len(items)-1-i] = v
		}
		return &IteratorValue{It: &sliceIter{elems: out}, Name: "reversed"}, nil
	})
	builtin("min", func(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
		return minMax(th, "min", syn.CmpLt, args, kwargs)
	})
	builtin("max", func(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
		return minMax(th, "max", syn.CmpGt, args, kwargs)
	})
	builtin("sum", func(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
		start := Value(MakeInt(0))
		if len(args) == 2 {
			start = args[1]
		}
		if err := kwargsTo("sum", kwargs, map[string]*Value{"start": &start}); err != nil {
			return nil, err
		}
		if err := arity("sum", args, 1, 2); err != nil {
			return nil, err
		}
		switch start.(type) {
		case Str:
			return nil, typeErrorf("sum() can't sum strings [use ''.join(seq) instead]")
		case Bytes:
			return nil, typeErrorf("sum() can't sum bytes [use b''.join(seq) instead]")
		}
		items, err := ToSlice(th, args[0])
		if err != nil {
			return nil, err
		}
		acc := start
		// CPython adds floats with plain double arithmetic.
		for _, v := range items {
			acc, err = Binary(th, syn.PLUS, acc, v)
			if err != nil {
				return nil, err
			}
		}
		return acc, nil
	})
	builtin("any", func(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
		return anyAll(th, "any", args, true)
	})
	builtin("all", func(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
		return anyAll(th, "all", args, false)
	})
	builtin("abs", func(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := arity("abs", args, 1, 1); err != nil {
			return nil, err
		}
		if m, _ := userMethod(args[0], "__abs__"); m != nil {
			return th.Call(m, args, nil)
		}
		return numberAbs(args[0])
	})
	builtin("round", builtinRound)
	builtin("divmod", func(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := arity("divmod", args, 2, 2); err != nil {
			return nil, err
		}
		return divmod(th, args[0], args[1])
	})
	builtin("pow", func(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := arity("pow", args, 2, 3); err != nil {
			return nil, err
		}
		if len(args) == 3 && args[2] != None {
			return powMod(args[0], args[1], args[2])
		}
		return Binary(th, syn.DOUBLESTAR, args[0], args[1])
	})
	builtin("hex", func(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
		return intBase(th, "hex", args, 16, "0x")
	})
	builtin("oct", func(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
		return intBase(th, "oct", args, 8, "0o")
	})
	builtin("bin", func(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
		return intBase(th, "bin", args, 2, "0b")
	})
	builtin("ord", func(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := arity("ord", args, 1, 1); err != nil {
			return nil, err
		}
		switch x := args[0].(type) {
		case Str:
			rs := runesOf(string(x))
			if len(rs) != 1 {
				return nil, typeErrorf("ord() expected a character, but string of length %d found", len(rs))
			}
			return MakeInt(int64(rs[0])), nil
		case Bytes:
			if len(x) != 1 {
				return nil, typeErrorf("ord() expected a character, but string of length %d found", len(x))
			}
			return MakeInt(int64(x[0])), nil
		}
		return nil, typeErrorf("ord() expected string of length 1, but %s found", TypeName(args[0]))
	})
	builtin("chr", func(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := arity("chr", args, 1, 1); err != nil {
			return nil, err
		}
		i, err := indexOf(th, args[0], "'%s' object cannot be interpreted as an integer")
		if err != nil {
			return nil, err
		}
		v, ok := i.Int64()
		if !ok {
			return nil, excf(OverflowErrorClass, "Python int too large to convert to C int")
		}
		if v < 0 || v > utf8.MaxRune {
			return nil, valueErrorf("chr() arg not in range(0x110000)")
		}
		return runeStr(rune(v)), nil
	})
	builtin("format", func(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := arity("format", args, 1, 2); err != nil {
			return nil, err
		}
		spec := ""
		if len(args) == 2 {
			s, ok := args[1].(Str)
			if !ok {
				return nil, typeErrorf("format() argument 2 must be str, not %s", TypeName(args[1]))
			}
			spec = string(s)
		}
		s, err := Format(th, args[0], spec)
		return Str(s), err
	})
	builtin("vars", func(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := arity("vars", args, 1, 1); err != nil {
			return nil, err
		}
		v, err := getAttrOpt(th, args[0], "__dict__")
		if err != nil {
			return nil, err
		}
		if v == nil {
			return nil, typeErrorf("vars() argument must have __dict__ attribute")
		}
		return v, nil
	})
	builtin("globals", func(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if n := len(th.frames); n > 0 {
			return namespaceProxy(th.frames[n-1].env.mod.Globals), nil
		}
		return NewDict(), nil
	})
	builtin("__import__", func(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := arity("__import__", args, 1, 5); err != nil {
			return nil, err
		}
		name, ok := args[0].(Str)
		if !ok {
			return nil, typeErrorf("__import__() argument 1 must be str, not %s", TypeName(args[0]))
		}
		m, err := th.Import(string(name))
		if err != nil {
			return nil, err
		}
		if i := strings.IndexByte(string(name), '.'); i >= 0 && (len(args) < 4 || args[3] == None) {
			return th.Modules[string(name[:i])], nil
		}
		return m, nil
	})
}

func iterName(v Value) string {
	switch v.(type) {
	case *List:
		return "list_iterator"
	case Str:
		return "str_iterator"
	}
	return "iterator"
}

func isInstance(th *Thread, v, cls Value) (bool, error) {
	switch c := cls.(type) {
	case *Class:
		if meta := c.Type(); meta != TypeClass {
			if m, owner := meta.Lookup("__instancecheck__"); m != nil && !owner.builtin {
				r, err := th.Call(m, []Value{c, v}, nil)
				if err != nil {
					return false, err
				}
				return Truth(th, r)
			}
		}
		if v.Type().IsSubclass(c) {
			return true, nil
		}
		if o, ok := v.(*Instance); ok && o.Class.IsSubclass(c) {
			return true, nil
		}
		return false, nil
	case Tuple:
		for _, x := range c {
			ok, err := isInstance(th, v, x)
			if err != nil || ok {
				return ok, err
			}
		}
		return false, nil
	case *UnionType:
		return isInstance(th, v, Tuple(c.args))
	case *Unknown:
		return false, c.fatal("the class passed to isinstance()")
	}
	if u, ok := v.(*Unknown); ok {
		return false, u.fatal("isinstance() of this value")
	}
	return false, typeErrorf("isinstance() arg 2 must be a type, a tuple of types, or a union")
}

func isSubclass(th *Thread, c *Class, cls Value) (bool, error) {
	switch x := cls.(type) {
	case *Class:
		if meta := x.Type(); meta != TypeClass {
			if m, owner := meta.Lookup("__subclasscheck__"); m != nil && !owner.builtin {
				r, err := th.Call(m, []Value{x, c}, nil)
				if err != nil {
					return false, err
				}
				return Truth(th, r)
			}
		}
		return c.IsSubclass(x), nil
	case Tuple:
		for _, e := range x {
			ok, err := isSubclass(th, c, e)
			if err != nil || ok {
				return ok, err
			}
		}
		return false, nil
	case *UnionType:
		return isSubclass(th, c, Tuple(x.args))
	}
	return false, typeErrorf("issubclass() arg 2 must be a class, a tuple of classes, or a union")
}

func minMax(th *Thread, name string, op syn.CmpKind, args []Value, kwargs []Kwarg) (Value, error) {
	var key, def Value
	if err := kwargsTo(name, kwargs, map[string]*Value{"key": &key, "default": &def}); err != nil {
		return nil, err
	}
	if len(args) == 0 {
		return nil, typeErrorf("%s expected at least 1 argument, got 0", name)
	}
	items := args
	if len(args) == 1 {
		all, err := ToSlice(th, args[0])
		if err != nil {
			return nil, err
		}
		items = all
		if len(items) == 0 {
			if def != nil {
				return def, nil
			}
			return nil, valueErrorf("%s() arg is an empty sequence", name)
		}
	} else if def != nil {
		return nil, typeErrorf("Cannot specify a default for %s() with multiple positional arguments", name)
	}
	best := items[0]
	bestKey := best
	if key != nil && key != None {
		k, err := th.Call(key, []Value{best}, nil)
		if err != nil {
			return nil, err
		}
		bestKey = k
	}
	for _, v := range items[1:] {
		k := v
		if key != nil && key != None {
			kk, err := th.Call(key, []Value{v}, nil)
			if err != nil {
				return nil, err
			}
			k = kk
		}
		r, err := Compare(th, op, k, bestKey)
		if err != nil {
			return nil, err
		}
		better, err := Truth(th, r)
		if err != nil {
			return nil, err
		}
		if better {
			best, bestKey = v, k
		}
	}
	return best, nil
}

func anyAll(th *Thread, name string, args []Value, want bool) (Value, error) {
	if err := arity(name, args, 1, 1); err != nil {
		return nil, err
	}
	it, err := Iterate(th, args[0])
	if err != nil {
		return nil, err
	}
	for {
		v, ok, err := it.Next(th)
		if err != nil {
			return nil, err
		}
		if !ok {
			return Bool(!want), nil
		}
		t, err := Truth(th, v)
		if err != nil {
			return nil, err
		}
		if t == want {
			return Bool(want), nil
		}
	}
}

// sortList sorts l in place with the key= and reverse= keywords (a stable
// sort, as list.sort).
func sortList(th *Thread, l *List, kwargs []Kwarg, name string) error {
	var key, reverse Value
	if err := kwargsTo(name, kwargs, map[string]*Value{"key": &key, "reverse": &reverse}); err != nil {
		return err
	}
	keys := l.Elems
	if key != nil && key != None {
		keys = make([]Value, len(l.Elems))
		for i, v := range l.Elems {
			k, err := th.Call(key, []Value{v}, nil)
			if err != nil {
				return err
			}
			keys[i] = k
		}
	}
	rev := false
	if reverse != nil {
		r, err := Truth(th, reverse)
		if err != nil {
			return err
		}
		rev = r
	}
	// As CPython: reverse, stable sort, reverse again, so that equal
	// elements keep their order either way.
	idx := make([]int, len(keys))
	for i := range idx {
		idx[i] = i
		if rev {
			idx[i] = len(keys) - 1 - i
		}
	}
	var sortErr error
	sort.SliceStable(idx, func(a, b int) bool {
		if sortErr != nil {
			return false
		}
		r, err := Compare(th, syn.CmpLt, keys[idx[a]], keys[idx[b]])
		if err != nil {
			sortErr = err
			return false
		}
		t, err := Truth(th, r)
		if err != nil {
			sortErr = err
		}
		return t
	})
	if sortErr != nil {
		return sortErr
	}
	out := make([]Value, len(idx))
	for i, j := range idx {
		out[i] = l.Elems[j]
	}
	if rev {
		for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
			out[i], out[j] = out[j], out[i]
		}
	}
	l.Elems = out
	return nil
}

func divmod(th *Thread, x, y Value) (Value, error) {
	if b, ok := x.(Bool); ok {
		x = boolToInt(b)
	}
	if b, ok := y.(Bool); ok {
		y = boolToInt(b)
	}
	if a, ok := x.(Int); ok {
		if b, ok := y.(Int); ok {
			if b.Sign() == 0 {
				return nil, excf(ZeroDivisionErrorClass, "integer division or modulo by zero")
			}
			q, m := a.DivMod(b)
			return Tuple{q, m}, nil
		}
	}
	fx, ok1 := toFloat(x)
	fy, ok2 := toFloat(y)
	if ok1 && ok2 {
		if fy == 0 {
			return nil, excf(ZeroDivisionErrorClass, "float divmod()")
		}
		q, m := FloatDivMod(fx, fy)
		return Tuple{Float(q), Float(m)}, nil
	}
	if m, _ := userMethod(x, "__divmod__"); m != nil {
		return th.Call(m, []Value{x, y}, nil)
	}
	return nil, typeErrorf("unsupported operand type(s) for divmod(): '%s' and '%s'", TypeName(x), TypeName(y))
}

// toFloat converts an int, bool or float operand.
func toFloat(v Value) (float64, bool) {
	switch x := v.(type) {
	case Float:
		return float64(x), true
	case Int:
		return x.Float()
	case Bool:
		if x {
			return 1, true
		}
		return 0, true
	}
	return 0, false
}

func powMod(b, e, m Value) (Value, error) {
	bi, ok1 := asIntOperand(b)
	ei, ok2 := asIntOperand(e)
	mi, ok3 := asIntOperand(m)
	if !ok1 || !ok2 || !ok3 {
		return nil, ternaryPowError(b, e, m)
	}
	if mi.Sign() == 0 {
		return nil, valueErrorf("pow() 3rd argument cannot be 0")
	}
	base := bi.Big()
	exp := ei.Big()
	mod := mi.Big()
	absMod := new(big.Int).Abs(mod)
	if exp.Sign() < 0 {
		inv := new(big.Int).ModInverse(new(big.Int).Mod(base, absMod), absMod)
		if inv == nil {
			return nil, valueErrorf("base is not invertible for the given modulus")
		}
		base, exp = inv, exp.Neg(exp)
	}
	r := new(big.Int).Exp(base, exp, absMod)
	if mod.Sign() < 0 && r.Sign() != 0 {
		r.Add(r, mod)
	}
	return bigResult(r), nil
}

// numberAbs is abs() of a builtin number (or an instance of a subclass).
func numberAbs(v Value) (Value, error) {
	switch x := builtinPayload(v).(type) {
	case Bool:
		return boolToInt(x), nil
	case Int:
		if x.Sign() < 0 {
			return x.Neg(), nil
		}
		return x, nil
	case Float:
		return Float(math.Abs(float64(x))), nil
	case Complex:
		return complexAbs(x)
	}
	return nil, typeErrorf("bad operand type for abs(): '%s'", TypeName(v))
}

// asIntOperand converts an int or bool operand.
func asIntOperand(v Value) (Int, bool) {
	switch x := v.(type) {
	case Int:
		return x, true
	case Bool:
		return boolToInt(x), true
	}
	return Int{}, false
}

// ternaryPowError is the error of pow(b, e, m) when not all three are
// ints: the operands' types are tried in order as CPython's ternary
// operator does; float's power refuses any modulus, complex's refuses it
// once b and e are numbers, and when no type handles the call it is an
// unsupported operand error.
func ternaryPowError(b, e, m Value) error {
	for _, v := range []Value{b, e, m} {
		switch v.(type) {
		case Float:
			return typeErrorf("pow() 3rd argument not allowed unless all arguments are integers")
		case Complex:
			_, okB, _ := asComplexOperand(b)
			_, okE, _ := asComplexOperand(e)
			if okB && okE {
				return valueErrorf("complex modulo")
			}
		}
	}
	return typeErrorf("unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'", TypeName(b), TypeName(e), TypeName(m))
}

func intBase(th *Thread, name string, args []Value, base int, prefix string) (Value, error) {
	if err := arity(name, args, 1, 1); err != nil {
		return nil, err
	}
	i, err := indexOf(th, args[0], "'%s' object cannot be interpreted as an integer")
	if err != nil {
		return nil, err
	}
	if i.Sign() < 0 {
		return Str("-" + prefix + i.Neg().Text(base)), nil
	}
	return Str(prefix + i.Text(base)), nil
}

// asciiEscape escapes the non-ASCII characters of a repr as ascii() does.
func asciiEscape(s string) string {
	if isASCII(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := decodeRune(s[i:])
		i += n
		switch {
		case r < 0x80:
			b.WriteRune(r)
		case r < 0x100:
			b.WriteString(`\x` + hex2(int(r), 2))
		case r < 0x10000:
			b.WriteString(`\u` + hex2(int(r), 4))
		default:
			b.WriteString(`\U` + hex2(int(r), 8))
		}
	}
	return b.String()
}

func hex2(v, width int) string {
	const digits = "0123456789abcdef"
	out := make([]byte, width)
	for i := width - 1; i >= 0; i-- {
		out[i] = digits[v&15]
		v >>= 4
	}
	return string(out)
}

// callIter is iter(callable, sentinel).
type callIter struct {
	fn, sentinel Value
	done         bool
}

func (c *callIter) Next(th *Thread) (Value, bool, error) {
	if c.done {
		return nil, false, nil
	}
	v, err := th.Call(c.fn, nil, nil)
	if err != nil {
		return nil, false, err
	}
	eq, err := Equal(th, v, c.sentinel)
	if err != nil {
		return nil, false, err
	}
	if eq {
		c.done = true
		return nil, false, nil
	}
	return v, true, nil
}
