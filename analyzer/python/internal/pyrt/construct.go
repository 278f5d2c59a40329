package pyrt

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode"
)

// constructor sets the constructor of a builtin class.
func constructor(c *Class, fn func(th *Thread, cls *Class, args []Value, kwargs []Kwarg) (Value, error)) {
	c.new = fn
}

// builtinInit reports whether cls initialises as its builtin base does
// (it has no __init__ of its own), so that the base's checks of keyword
// arguments apply.
func builtinInit(cls *Class) bool {
	_, owner := cls.Lookup("__init__")
	return owner == nil || owner.builtin
}

// wrapSub wraps a builtin value for a subclass of its builtin class.
func wrapSub(cls, builtinCls *Class, v Value) Value {
	if cls == builtinCls {
		return v
	}
	return &Instance{Class: cls, Dict: NewNamespace(), Payload: v}
}

func initConstructors() {
	constructor(ObjectClass, nil)
	constructor(IntClass, func(th *Thread, cls *Class, args []Value, kwargs []Kwarg) (Value, error) {
		var x, base Value
		if len(args) > 0 {
			x = args[0]
		}
		if len(args) > 1 {
			base = args[1]
		}
		if err := kwargsTo("int", kwargs, map[string]*Value{"base": &base}); err != nil {
			return nil, err
		}
		if err := arity("int", args, 0, 2); err != nil {
			return nil, err
		}
		v, err := toInt(th, x, base)
		if err != nil {
			return nil, err
		}
		return wrapSub(cls, IntClass, v), nil
	})
	constructor(BoolClass, func(th *Thread, cls *Class, args []Value, kwargs []Kwarg) (Value, error) {
		if err := arity("bool", args, 0, 1); err != nil {
			return nil, err
		}
		if len(args) == 0 {
			return Bool(false), nil
		}
		t, err := Truth(th, args[0])
		return Bool(t), err
	})
	constructor(FloatClass, func(th *Thread, cls *Class, args []Value, kwargs []Kwarg) (Value, error) {
		if err := arity("float", args, 0, 1); err != nil {
			return nil, err
		}
		if err := noKwargs("float", kwargs); err != nil {
			return nil, err
		}
		if len(args) == 0 {
			return wrapSub(cls, FloatClass, Float(0)), nil
		}
		f, err := toFloatValue(th, args[0])
		if err != nil {
			return nil, err
		}
		return wrapSub(cls, FloatClass, f), nil
	})
	constructor(StrClass, func(th *Thread, cls *Class, args []Value, kwargs []Kwarg) (Value, error) {
		var obj, enc, errs Value
		if len(args) > 0 {
			obj = args[0]
		}
		if len(args) > 1 {
			enc = args[1]
		}
		if len(args) > 2 {
			errs = args[2]
		}
		if err := kwargsTo("str", kwargs, map[string]*Value{"object": &obj, "encoding": &enc, "errors": &errs}); err != nil {
			return nil, err
		}
		if err := arity("str", args, 0, 3); err != nil {
			return nil, err
		}
		if obj == nil {
			return wrapSub(cls, StrClass, Str("")), nil
		}
		for _, a := range []struct {
			name string
			v    Value
		}{{"encoding", enc}, {"errors", errs}} {
			if _, ok := a.v.(Str); a.v != nil && !ok {
				return nil, typeErrorf("str() argument '%s' must be str, not %s", a.name, TypeName(a.v))
			}
		}
		if enc != nil || errs != nil {
			b, ok := obj.(Bytes)
			if _, isStr := obj.(Str); isStr {
				return nil, typeErrorf("decoding str is not supported")
			}
			if !ok {
				return nil, typeErrorf("decoding to str: need a bytes-like object, %s found", TypeName(obj))
			}
			s, err := decodeBytes(string(b), enc, errs)
			if err != nil {
				return nil, err
			}
			return wrapSub(cls, StrClass, s), nil
		}
		s, err := ToStr(th, obj)
		if err != nil {
			return nil, err
		}
		return wrapSub(cls, StrClass, Str(s)), nil
	})
	constructor(BytesClass, func(th *Thread, cls *Class, args []Value, kwargs []Kwarg) (Value, error) {
		if err := arity("bytes", args, 0, 3); err != nil {
			return nil, err
		}
		if len(args) == 0 {
			return Bytes(""), nil
		}
		arg := args[0]
		if b, ok := arg.(Bool); ok {
			arg = boolToInt(b) // a count, as for any int
		}
		switch x := arg.(type) {
		case Str:
			if len(args) < 2 {
				return nil, typeErrorf("string argument without an encoding")
			}
			var errs Value
			if len(args) > 2 {
				errs = args[2]
			}
			return encodeStr(string(x), args[1], errs)
		case Int:
			n, ok := x.Int64()
			if !ok || n > maxRepeatBytes {
				return nil, NewException(MemoryErrorClass)
			}
			if n < 0 {
				return nil, valueErrorf("negative count")
			}
			return Bytes(make([]byte, n)), nil
		case Bytes:
			return x, nil
		}
		items, err := ToSlice(th, args[0])
		if err != nil {
			return nil, typeErrorf("cannot convert '%s' object to bytes", TypeName(args[0]))
		}
		out := make([]byte, len(items))
		for i, it := range items {
			n, err := indexOf(th, it, "'%s' object cannot be interpreted as an integer")
			if err != nil {
				return nil, err
			}
			v, ok := n.Int64()
			if !ok || v < 0 || v > 255 {
				return nil, valueErrorf("bytes must be in range(0, 256)")
			}
			out[i] = byte(v)
		}
		return Bytes(out), nil
	})
	constructor(TupleClass, func(th *Thread, cls *Class, args []Value, kwargs []Kwarg) (Value, error) {
		if builtinInit(cls) {
			if err := noKwargs("tuple", kwargs); err != nil {
				return nil, err
			}
		}
		if err := arity("tuple", args, 0, 1); err != nil {
			return nil, err
		}
		if len(args) == 0 {
			return wrapSub(cls, TupleClass, Tuple{}), nil
		}
		items, err := ToSlice(th, args[0])
		if err != nil {
			return nil, err
		}
		if items == nil {
			items = []Value{}
		}
		return wrapSub(cls, TupleClass, Tuple(items)), nil
	})
	constructor(ListClass, func(th *Thread, cls *Class, args []Value, kwargs []Kwarg) (Value, error) {
		if !builtinInit(cls) {
			// list.__new__ ignores its arguments: the class's own
			// __init__ fills the list (through list.__init__).
			return wrapSub(cls, ListClass, NewList([]Value{})), nil
		}
		if err := noKwargs("list", kwargs); err != nil {
			return nil, err
		}
		if err := arity("list", args, 0, 1); err != nil {
			return nil, err
		}
		if len(args) == 0 {
			return wrapSub(cls, ListClass, NewList([]Value{})), nil
		}
		items, err := ToSlice(th, args[0])
		if err != nil {
			return nil, err
		}
		if items == nil {
			items = []Value{}
		}
		return wrapSub(cls, ListClass, NewList(items)), nil
	})
	constructor(DictClass, func(th *Thread, cls *Class, args []Value, kwargs []Kwarg) (Value, error) {
		d := NewDict()
		if cls != DictClass {
			d.Class, d.attrs = cls, NewNamespace()
		}
		if !builtinInit(cls) {
			// dict.__new__ ignores its arguments: the class's own
			// __init__ fills the dict (through dict.__init__).
			return d, nil
		}
		if err := arity("dict", args, 0, 1); err != nil {
			return nil, err
		}
		return d, dictInit(th, d, args, kwargs)
	})
	constructor(SetClass, func(th *Thread, cls *Class, args []Value, kwargs []Kwarg) (Value, error) {
		return newSetFrom(th, "set", false, args, kwargs)
	})
	constructor(FrozenSetClass, func(th *Thread, cls *Class, args []Value, kwargs []Kwarg) (Value, error) {
		return newSetFrom(th, "frozenset", true, args, kwargs)
	})
	constructor(RangeClass, func(th *Thread, cls *Class, args []Value, kwargs []Kwarg) (Value, error) {
		if err := noKwargs("range", kwargs); err != nil {
			return nil, err
		}
		if len(args) == 0 {
			return nil, typeErrorf("range expected at least 1 argument, got 0")
		}
		if err := arity("range", args, 1, 3); err != nil {
			return nil, err
		}
		ints := make([]Int, len(args))
		for i, a := range args {
			n, err := indexOf(th, a, "'%s' object cannot be interpreted as an integer")
			if err != nil {
				return nil, err
			}
			ints[i] = n
		}
		r := &rangeValue{start: MakeInt(0), step: MakeInt(1)}
		switch len(ints) {
		case 1:
			r.stop = ints[0]
		case 2:
			r.start, r.stop = ints[0], ints[1]
		case 3:
			r.start, r.stop, r.step = ints[0], ints[1], ints[2]
			if r.step.Sign() == 0 {
				return nil, valueErrorf("range() arg 3 must not be zero")
			}
		}
		return r, nil
	})
	constructor(SliceClass, func(th *Thread, cls *Class, args []Value, kwargs []Kwarg) (Value, error) {
		if err := arity("slice", args, 1, 3); err != nil {
			return nil, err
		}
		s := &Slice{Start: None, Stop: None, Step: None}
		switch len(args) {
		case 1:
			s.Stop = args[0]
		case 2:
			s.Start, s.Stop = args[0], args[1]
		case 3:
			s.Start, s.Stop, s.Step = args[0], args[1], args[2]
		}
		return s, nil
	})
	constructor(TypeClass, func(th *Thread, cls *Class, args []Value, kwargs []Kwarg) (Value, error) {
		if len(args) == 1 {
			return args[0].Type(), nil
		}
		if len(args) != 3 {
			return nil, typeErrorf("type() takes 1 or 3 arguments")
		}
		name, ok := args[0].(Str)
		if !ok {
			return nil, typeErrorf("type.__new__() argument 1 must be str, not %s", TypeName(args[0]))
		}
		baseItems, ok := args[1].(Tuple)
		if !ok {
			return nil, typeErrorf("type.__new__() argument 2 must be tuple, not %s", TypeName(args[1]))
		}
		d, ok := args[2].(*Dict)
		if !ok {
			return nil, typeErrorf("type.__new__() argument 3 must be dict, not %s", TypeName(args[2]))
		}
		var bases []*Class
		for _, b := range baseItems {
			c, ok := b.(*Class)
			if !ok {
				return nil, typeErrorf("bases must be types")
			}
			bases = append(bases, c)
		}
		ns := NewNamespace()
		for _, kv := range d.Items() {
			k, ok := kv[0].(Str)
			if ok {
				ns.Set(string(k), kv[1])
			}
		}
		if _, ok := ns.Get("__module__"); !ok {
			if n := len(th.frames); n > 0 {
				ns.Set("__module__", Str(th.frames[n-1].env.mod.Name))
			}
		}
		c, err := th.NewClassFromBody(string(name), bases, ns, kwargs)
		if err != nil {
			return nil, err
		}
		if cls != TypeClass {
			c.Meta = cls
		}
		return c, nil
	})
	TypeClass.Dict.Set("__new__", &StaticMethod{Func: NewBuiltin("__new__", func(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if len(args) != 4 {
			return nil, typeErrorf("type.__new__() takes exactly 3 arguments (%d given)", max(len(args)-1, 0))
		}
		meta, ok := args[0].(*Class)
		if !ok || !meta.IsSubclass(TypeClass) {
			return nil, typeErrorf("type.__new__(X): X is not a type object (%s)", TypeName(args[0]))
		}
		return TypeClass.new(th, meta, args[1:], kwargs)
	})})
	ObjectClass.Dict.Set("__new__", &StaticMethod{Func: NewBuiltin("__new__", func(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if len(args) == 0 {
			return nil, typeErrorf("object.__new__(): not enough arguments")
		}
		cls, ok := args[0].(*Class)
		if !ok {
			return nil, typeErrorf("object.__new__(X): X is not a type object (%s)", TypeName(args[0]))
		}
		for _, k := range cls.MRO {
			if k.new != nil && k != ObjectClass {
				return k.new(th, cls, nil, nil)
			}
		}
		return &Instance{Class: cls, Dict: NewNamespace()}, nil
	})})
	constructor(PropertyClass, func(th *Thread, cls *Class, args []Value, kwargs []Kwarg) (Value, error) {
		var fget, fset, fdel, doc Value
		slots := []*Value{&fget, &fset, &fdel, &doc}
		for i, a := range args {
			if i < len(slots) {
				*slots[i] = a
			}
		}
		if err := kwargsTo("property", kwargs, map[string]*Value{"fget": &fget, "fset": &fset, "fdel": &fdel, "doc": &doc}); err != nil {
			return nil, err
		}
		p := &Property{}
		for _, pair := range []struct {
			v   Value
			dst *Value
		}{{fget, &p.Get}, {fset, &p.Set}, {fdel, &p.Del}, {doc, &p.Doc}} {
			if pair.v != nil && pair.v != None {
				*pair.dst = pair.v
			}
		}
		return p, nil
	})
	for _, name := range []string{"getter", "setter", "deleter"} {
		name := name
		method(PropertyClass, name, func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
			if err := arity(name, args, 1, 1); err != nil {
				return nil, err
			}
			p := *self.(*Property)
			switch name {
			case "getter":
				p.Get = args[0]
			case "setter":
				p.Set = args[0]
			default:
				p.Del = args[0]
			}
			return &p, nil
		})
	}
	for name, get := range map[string]func(p *Property) Value{
		"fget":    func(p *Property) Value { return p.Get },
		"fset":    func(p *Property) Value { return p.Set },
		"fdel":    func(p *Property) Value { return p.Del },
		"__doc__": func(p *Property) Value { return p.Doc },
	} {
		get := get
		PropertyClass.Dict.Set(name, &Property{Get: NewBuiltin(name, func(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
			if v := get(args[0].(*Property)); v != nil {
				return v, nil
			}
			return None, nil
		})})
	}
	constructor(StaticMethodClass, func(th *Thread, cls *Class, args []Value, kwargs []Kwarg) (Value, error) {
		if err := arity("staticmethod", args, 1, 1); err != nil {
			return nil, err
		}
		return &StaticMethod{Func: args[0]}, nil
	})
	constructor(ClassMethodClass, func(th *Thread, cls *Class, args []Value, kwargs []Kwarg) (Value, error) {
		if err := arity("classmethod", args, 1, 1); err != nil {
			return nil, err
		}
		return &ClassMethod{Func: args[0]}, nil
	})
	constructor(SuperClass, newSuper)
	constructor(iteratorClasses["enumerate"], func(th *Thread, cls *Class, args []Value, kwargs []Kwarg) (Value, error) {
		var iterable, start Value
		if len(args) > 0 {
			iterable = args[0]
		}
		start = Value(MakeInt(0))
		if len(args) > 1 {
			start = args[1]
		}
		if err := kwargsTo("enumerate", kwargs, map[string]*Value{"iterable": &iterable, "start": &start}); err != nil {
			return nil, err
		}
		if iterable == nil {
			return nil, typeErrorf("enumerate() missing required argument 'iterable' (pos 1)")
		}
		n, err := indexOf(th, start, "'%s' object cannot be interpreted as an integer")
		if err != nil {
			return nil, err
		}
		it, err := Iterate(th, iterable)
		if err != nil {
			return nil, err
		}
		return &IteratorValue{Name: "enumerate", It: &mapIter{its: []Iterator{it}, fn: func(th *Thread, vs []Value) (Value, bool, error) {
			v := Tuple{n, vs[0]}
			n = n.Add(MakeInt(1))
			return v, true, nil
		}}}, nil
	})
	constructor(iteratorClasses["zip"], func(th *Thread, cls *Class, args []Value, kwargs []Kwarg) (Value, error) {
		var strict Value
		if err := kwargsTo("zip", kwargs, map[string]*Value{"strict": &strict}); err != nil {
			return nil, err
		}
		its := make([]Iterator, len(args))
		for i, a := range args {
			it, err := Iterate(th, a)
			if err != nil {
				if e, ok := err.(*Exception); ok && e.Class() == TypeErrorClass {
					return nil, typeErrorf("zip argument #%d must support iteration", i+1)
				}
				return nil, err
			}
			its[i] = it
		}
		return &IteratorValue{Name: "zip", It: &mapIter{its: its, fn: func(th *Thread, vs []Value) (Value, bool, error) {
			return Tuple(append([]Value{}, vs...)), true, nil
		}}}, nil
	})
	constructor(iteratorClasses["map"], func(th *Thread, cls *Class, args []Value, kwargs []Kwarg) (Value, error) {
		if err := noKwargs("map", kwargs); err != nil {
			return nil, err
		}
		if len(args) < 2 {
			return nil, typeErrorf("map() must have at least two arguments.")
		}
		fn := args[0]
		its := make([]Iterator, len(args)-1)
		for i, a := range args[1:] {
			it, err := Iterate(th, a)
			if err != nil {
				return nil, err
			}
			its[i] = it
		}
		return &IteratorValue{Name: "map", It: &mapIter{its: its, fn: func(th *Thread, vs []Value) (Value, bool, error) {
			v, err := th.Call(fn, append([]Value{}, vs...), nil)
			return v, true, err
		}}}, nil
	})
	constructor(iteratorClasses["filter"], func(th *Thread, cls *Class, args []Value, kwargs []Kwarg) (Value, error) {
		if err := noKwargs("filter", kwargs); err != nil {
			return nil, err
		}
		if err := arity("filter", args, 2, 2); err != nil {
			return nil, err
		}
		fn := args[0]
		it, err := Iterate(th, args[1])
		if err != nil {
			return nil, err
		}
		return &IteratorValue{Name: "filter", It: &mapIter{its: []Iterator{it}, fn: func(th *Thread, vs []Value) (Value, bool, error) {
			test := vs[0]
			if fn != None {
				r, err := th.Call(fn, []Value{vs[0]}, nil)
				if err != nil {
					return nil, false, err
				}
				test = r
			}
			t, err := Truth(th, test)
			return vs[0], t, err
		}}}, nil
	})
}

// mapIter advances several iterators together, ending with the shortest;
// fn may skip an item by returning keep == false.
type mapIter struct {
	its []Iterator
	fn  func(th *Thread, vs []Value) (v Value, keep bool, err error)
}

func (m *mapIter) Next(th *Thread) (Value, bool, error) {
	for {
		vs := make([]Value, len(m.its))
		for i, it := range m.its {
			v, ok, err := it.Next(th)
			if err != nil || !ok {
				return nil, false, err
			}
			// Each iterator advanced is work: zip(*many) costs as many
			// steps per item as it has iterables.
			if err := th.step(); err != nil {
				return nil, false, err
			}
			vs[i] = v
		}
		v, keep, err := m.fn(th, vs)
		if err != nil {
			return nil, false, err
		}
		if keep {
			return v, true, nil
		}
		if err := th.step(); err != nil {
			return nil, false, err
		}
	}
}

func newSetFrom(th *Thread, name string, frozen bool, args []Value, kwargs []Kwarg) (Value, error) {
	if err := noKwargs(name, kwargs); err != nil {
		return nil, err
	}
	if err := arity(name, args, 0, 1); err != nil {
		return nil, err
	}
	s := NewSet(frozen)
	if len(args) == 1 {
		if o, ok := args[0].(*Set); ok {
			return copySet(o, frozen), nil
		}
		items, err := ToSlice(th, args[0])
		if err != nil {
			return nil, err
		}
		for _, it := range items {
			if err := s.Add(th, it); err != nil {
				return nil, err
			}
		}
	}
	return s, nil
}

// dictInit fills a dict from a mapping or an iterable of pairs, then from
// keyword arguments (dict() and dict.update()).
func dictInit(th *Thread, d *Dict, args []Value, kwargs []Kwarg) error {
	if len(args) == 1 {
		src := args[0]
		_, isDict := src.(*Dict)
		keys, err := getAttrOpt(th, src, "keys")
		if err != nil {
			return err
		}
		if isDict || keys != nil {
			if err := dictUpdate(th, d, src, "'%s' object is not a mapping"); err != nil {
				return err
			}
		} else {
			items, err := ToSlice(th, src)
			if err != nil {
				return typeErrorf("'%s' object is not iterable", TypeName(src))
			}
			for i, it := range items {
				pair, err := ToSlice(th, it)
				if err != nil {
					return typeErrorf("cannot convert dictionary update sequence element #%d to a sequence", i)
				}
				if len(pair) != 2 {
					return valueErrorf("dictionary update sequence element #%d has length %d; 2 is required", i, len(pair))
				}
				if err := d.SetItem(th, pair[0], pair[1]); err != nil {
					return err
				}
			}
		}
	}
	for _, kw := range kwargs {
		if err := d.setStr(kw.Name, kw.Value); err != nil {
			return err
		}
	}
	return nil
}

// toInt is int(x[, base]).
func toInt(th *Thread, x, base Value) (Value, error) {
	if x == nil {
		if base != nil {
			return nil, typeErrorf("int() missing string argument")
		}
		return MakeInt(0), nil
	}
	if base != nil {
		b, err := indexOf(th, base, "'%s' object cannot be interpreted as an integer")
		if err != nil {
			return nil, err
		}
		bv, _ := b.Int64()
		if bv != 0 && (bv < 2 || bv > 36) {
			return nil, valueErrorf("int() base must be >= 2 and <= 36, or 0")
		}
		switch s := x.(type) {
		case Str:
			return parseInt(string(s), int(bv), pyjsonRepr(s))
		case Bytes:
			return parseInt(string(s), int(bv), bytesRepr(string(s)))
		}
		return nil, typeErrorf("int() can't convert non-string with explicit base")
	}
	switch v := x.(type) {
	case Int:
		return v, nil
	case Bool:
		return boolToInt(v), nil
	case Float:
		f := float64(v)
		if math.IsInf(f, 0) {
			return nil, excf(OverflowErrorClass, "cannot convert float infinity to integer")
		}
		if math.IsNaN(f) {
			return nil, valueErrorf("cannot convert float NaN to integer")
		}
		return floatToInt(math.Trunc(f)), nil
	case Str:
		return parseInt(string(v), 10, pyjsonRepr(v))
	case Bytes:
		return parseInt(string(v), 10, bytesRepr(string(v)))
	case *Unknown:
		return &Unknown{Why: v.Why, At: v.At}, nil
	case *Instance:
		for _, name := range []string{"__int__", "__index__", "__trunc__"} {
			if m, _ := v.Class.Lookup(name); m != nil {
				return th.Call(m, []Value{v}, nil)
			}
		}
		if w := v.wrapped(); w != nil {
			return toInt(th, w, nil)
		}
	}
	return nil, typeErrorf("int() argument must be a string, a bytes-like object or a real number, not '%s'", TypeName(x))
}

func pyjsonRepr(s Str) string {
	r, _ := Repr(nil, s)
	return r
}

// parseInt parses an int literal as int(s, base) does.
func parseInt(s string, base int, repr string) (Value, error) {
	givenBase := base
	bad := func() (Value, error) {
		return nil, valueErrorf("invalid literal for int() with base %d: %s", givenBase, repr)
	}
	t := strings.TrimFunc(s, isPySpace)
	neg := false
	if t != "" && (t[0] == '+' || t[0] == '-') {
		neg = t[0] == '-'
		t = t[1:]
	}
	t = toASCIIDigits(t)
	if len(t) >= 2 && t[0] == '0' {
		p := t[1] | 0x20
		if (p == 'x' && (base == 16 || base == 0)) || (p == 'o' && (base == 8 || base == 0)) || (p == 'b' && (base == 2 || base == 0)) {
			if base == 0 {
				base = map[byte]int{'x': 16, 'o': 8, 'b': 2}[p]
			}
			t = strings.TrimPrefix(t[2:], "_")
		}
	}
	if base == 0 {
		base = 10
		if len(t) > 1 && t[0] == '0' && strings.Trim(t, "0_") != "" {
			return bad()
		}
	}
	if base&(base-1) != 0 {
		// CPython counts the digits it scans before it validates the
		// rest, and refuses more than maxStrDigits of them.
		n := 0
		for _, c := range t {
			if d := digitOf(c); d >= 0 && d < base {
				n++
			} else if c != '_' {
				break
			}
		}
		if n > maxStrDigits {
			return nil, valueErrorf("Exceeds the limit (%d digits) for integer string conversion: value has %d digits; use sys.set_int_max_str_digits() to increase the limit", maxStrDigits, n)
		}
	}
	if t == "" || t[0] == '_' || t[len(t)-1] == '_' || strings.Contains(t, "__") {
		return bad()
	}
	t = strings.ReplaceAll(t, "_", "")
	b, ok := new(big.Int).SetString(t, base)
	if !ok || strings.ContainsAny(t, "+-") {
		return bad()
	}
	if neg {
		b.Neg(b)
	}
	return bigResult(b), nil
}

// digitOf is the value of an ASCII digit or letter in bases up to 36,
// or -1.
func digitOf(c rune) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'z':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'Z':
		return int(c-'A') + 10
	}
	return -1
}

// toASCIIDigits maps Unicode decimal digits to ASCII, as int() accepts
// them.
func toASCIIDigits(s string) string {
	if isASCII(s) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unicode.IsDigit(r) && r > 0x7f {
			if d := digitValue(r); d >= 0 {
				b.WriteByte(byte('0' + d))
				continue
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// digitValue returns the decimal value of a Unicode digit (Nd), or -1.
func digitValue(r rune) int {
	if !unicode.Is(unicode.Nd, r) {
		return -1
	}
	// Decimal digits come in contiguous runs of ten starting at a zero.
	z := r
	for unicode.Is(unicode.Nd, z-1) && r-z < 9 {
		z--
	}
	return int(r-z) % 10
}

func isPySpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\v', '\f', '\r', 0x1c, 0x1d, 0x1e, 0x1f, 0x85:
		return true
	}
	return r > 0x7f && unicode.IsSpace(r)
}

// toFloatValue is float(x).
func toFloatValue(th *Thread, x Value) (Value, error) {
	switch v := x.(type) {
	case Float:
		return v, nil
	case Int:
		f, ok := v.Float()
		if !ok {
			return nil, excf(OverflowErrorClass, "int too large to convert to float")
		}
		return Float(f), nil
	case Bool:
		if v {
			return Float(1), nil
		}
		return Float(0), nil
	case Str:
		return parseFloat(string(v), pyjsonRepr(v))
	case Bytes:
		return parseFloat(string(v), bytesRepr(string(v)))
	case *Unknown:
		return &Unknown{Why: v.Why, At: v.At}, nil
	case *Instance:
		for _, name := range []string{"__float__", "__index__"} {
			if m, _ := v.Class.Lookup(name); m != nil {
				r, err := th.Call(m, []Value{v}, nil)
				if err != nil {
					return nil, err
				}
				return toFloatValue(th, r)
			}
		}
		if w := v.wrapped(); w != nil {
			return toFloatValue(th, w)
		}
	}
	return nil, typeErrorf("float() argument must be a string or a real number, not '%s'", TypeName(x))
}

// parseFloat parses a float as float(str) does.
func parseFloat(s, repr string) (Value, error) {
	t := toASCIIDigits(strings.TrimFunc(s, isPySpace))
	bad := func() (Value, error) {
		return nil, valueErrorf("could not convert string to float: %s", repr)
	}
	body := strings.TrimLeft(t, "+-")
	if len(t)-len(body) > 1 {
		return bad()
	}
	switch strings.ToLower(body) {
	case "inf", "infinity", "nan":
		f, _ := strconv.ParseFloat(t, 64)
		if strings.ToLower(body) == "nan" {
			f = math.NaN()
			if strings.HasPrefix(t, "-") {
				f = math.Copysign(f, -1)
			}
		}
		return Float(f), nil
	}
	for i := 0; i < len(body); i++ {
		c := body[i]
		if !(c >= '0' && c <= '9' || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-' || c == '_') {
			return bad()
		}
		if c == '_' && (i == 0 || i == len(body)-1 || !isDigitByte(body[i-1]) || !isDigitByte(body[i+1])) {
			return bad()
		}
	}
	if strings.ContainsAny(body, "xXpP") || body == "" {
		return bad()
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(t, "_", ""), 64)
	if err != nil && !strings.Contains(err.Error(), "range") {
		return bad()
	}
	return Float(f), nil
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// builtinRound is round(x[, ndigits]).
func builtinRound(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
	var x, nd Value
	if len(args) > 0 {
		x = args[0]
	}
	if len(args) > 1 {
		nd = args[1]
	}
	if err := kwargsTo("round", kwargs, map[string]*Value{"number": &x, "ndigits": &nd}); err != nil {
		return nil, err
	}
	if err := arity("round", args, 0, 2); err != nil {
		return nil, err
	}
	if x == nil {
		return nil, typeErrorf("round() missing required argument 'number' (pos 1)")
	}
	if b, ok := x.(Bool); ok {
		x = boolToInt(b)
	}
	switch v := x.(type) {
	case Int:
		if nd == nil || nd == None {
			return v, nil
		}
		n, err := indexOf(th, nd, "'%s' object cannot be interpreted as an integer")
		if err != nil {
			return nil, err
		}
		if n.Sign() >= 0 {
			return v, nil
		}
		p := new(big.Int).Exp(big.NewInt(10), n.Neg().Big(), nil)
		pi := MakeBigInt(p)
		q, r := v.DivMod(pi)
		// round half to even
		twice := r.Add(r)
		if c := twice.Cmp(pi); c > 0 || c == 0 && q.Bit0() {
			q = q.Add(MakeInt(1))
		}
		return q.Mul(pi), nil
	case Float:
		f := float64(v)
		if nd == nil || nd == None {
			if math.IsInf(f, 0) {
				return nil, excf(OverflowErrorClass, "cannot convert float infinity to integer")
			}
			if math.IsNaN(f) {
				return nil, valueErrorf("cannot convert float NaN to integer")
			}
			return floatToInt(math.RoundToEven(f)), nil
		}
		n, err := indexOf(th, nd, "'%s' object cannot be interpreted as an integer")
		if err != nil {
			return nil, err
		}
		nv, ok := n.Int64()
		if !ok {
			nv = 400
			if n.Sign() < 0 {
				nv = -400
			}
		}
		return Float(roundFloat(f, nv)), nil
	}
	if m, _ := userMethod(x, "__round__"); m != nil {
		if nd == nil {
			return th.Call(m, []Value{x}, nil)
		}
		return th.Call(m, []Value{x, nd}, nil)
	}
	return nil, typeErrorf("type %s doesn't define __round__ method", TypeName(x))
}

// roundFloat is CPython's correctly rounded round(f, n).
func roundFloat(f float64, n int64) float64 {
	if math.IsInf(f, 0) || math.IsNaN(f) || f == 0 {
		return f
	}
	if n > 323 {
		return f
	}
	if n < -308 {
		return math.Copysign(0, f)
	}
	r := new(big.Rat).SetFloat64(f)
	scale := new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(abs64(n)), nil))
	if n >= 0 {
		r.Mul(r, scale)
	} else {
		r.Quo(r, scale)
	}
	// round half to even
	num, den := r.Num(), r.Denom()
	q, m := new(big.Int).QuoRem(num, den, new(big.Int))
	twice := new(big.Int).Abs(m)
	twice.Lsh(twice, 1)
	if c := twice.Cmp(den); c > 0 || c == 0 && q.Bit(0) == 1 {
		if num.Sign() < 0 {
			q.Sub(q, big.NewInt(1))
		} else {
			q.Add(q, big.NewInt(1))
		}
	}
	res := new(big.Rat).SetInt(q)
	if n >= 0 {
		res.Quo(res, scale)
	} else {
		res.Mul(res, scale)
	}
	out, _ := res.Float64()
	if out == 0 {
		return math.Copysign(0, f)
	}
	return out
}

// newSuper is super([type, obj]); without arguments it uses the class
// that defined the running function and its first argument.
func newSuper(th *Thread, cls *Class, args []Value, kwargs []Kwarg) (Value, error) {
	var start *Class
	var obj Value
	switch len(args) {
	case 0:
		var fr *frame
		if n := len(th.frames); n > 0 {
			fr = th.frames[n-1]
		}
		if fr == nil || fr.fn == nil || fr.fn.class == nil {
			return nil, excf(RuntimeErrorClass, "super(): __class__ cell not found")
		}
		start = fr.fn.class
		var first string
		for _, p := range fr.fn.params {
			first = p.name
			break
		}
		c := fr.env.cell(first)
		if first == "" || c == nil || c.V == nil {
			return nil, excf(RuntimeErrorClass, "super(): no arguments")
		}
		obj = c.V
	case 2:
		c, ok := args[0].(*Class)
		if !ok {
			return nil, typeErrorf("super() argument 1 must be a type, not %s", TypeName(args[0]))
		}
		start, obj = c, args[1]
	default:
		return nil, typeErrorf("super() takes 0 or 2 arguments")
	}
	return &superValue{start: start, obj: obj}, nil
}

// superValue is a super object.
type superValue struct {
	start *Class
	obj   Value
}

func (*superValue) Type() *Class { return SuperClass }

// Attr implements HasAttrs: lookup along the MRO after start.
func (s *superValue) Attr(th *Thread, name string) (Value, error) {
	objCls, isClass := s.obj.(*Class)
	if !isClass {
		objCls = s.obj.Type()
	}
	mro := objCls.MRO
	i := 0
	for i < len(mro) && mro[i] != s.start {
		i++
	}
	for _, k := range mro[min(i+1, len(mro)):] {
		v, ok := k.Dict.Get(name)
		if !ok {
			continue
		}
		if isClass {
			switch d := v.(type) {
			case *ClassMethod:
				return &BoundMethod{Self: objCls, Func: d.Func}, nil
			case *StaticMethod:
				return d.Func, nil
			case *Builtin:
				if d.method && name == "__init_subclass__" {
					return d.bind(objCls), nil
				}
			}
			return v, nil
		}
		return bindAttr(th, v, s.obj, k)
	}
	return nil, nil
}
