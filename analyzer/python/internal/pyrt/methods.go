package pyrt

import (
	"math"
	"math/big"
	"strconv"
	"strings"

	syn "github.com/asterkit/aster/analyzer/python/internal/pysyntax"
)

type methodFn = func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error)

func initMethods() {
	initStrMethods()
	initBytesMethods()
	initListMethods()
	initDictMethods()
	initSetMethods()
	initNumberMethods()
	tupleMethods := map[string]methodFn{
		"index": func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
			return seqIndexOf(th, "tuple", []Value(self.(Tuple)), args)
		},
		"count": func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
			return seqCount(th, []Value(self.(Tuple)), args)
		},
	}
	for name, fn := range tupleMethods {
		method(TupleClass, name, fn)
	}
	for _, c := range []*Class{IntClass, FloatClass, ComplexClass, StrClass, BytesClass, TupleClass, ListClass, DictClass, SetClass, FrozenSetClass, RangeClass, SliceClass} {
		installDunders(c)
	}
	noArgs(ListClass, "clear", "copy", "reverse")
	noArgs(DictClass, "keys", "values", "items", "popitem", "clear", "copy")
	noArgs(SetClass, "copy", "clear", "pop")
	noArgs(FrozenSetClass, "copy")
	noArgs(IntClass, "bit_length", "bit_count", "conjugate")
	noArgs(FloatClass, "is_integer", "as_integer_ratio", "hex", "conjugate")
	noArgs(BytesClass, "upper", "lower")
}

// slotArity checks the arguments of a builtin class's slot wrapper
// (str.__len__, int.__add__, …) as CPython does.
func slotArity(name string, args []Value, kwargs []Kwarg, n int) error {
	if len(kwargs) > 0 {
		return typeErrorf("wrapper %s() takes no keyword arguments", name)
	}
	if len(args) != n {
		plural := "s"
		if n == 1 {
			plural = ""
		}
		return typeErrorf("expected %d argument%s, got %d", n, plural, len(args))
	}
	return nil
}

// installDunders gives a builtin class the dunder methods user code calls
// explicitly (int.__add__(1, 2), str.__eq__, …).
func installDunders(c *Class) {
	for op, names := range binaryDunders {
		op := op
		if !numberHasOperator(c, op) {
			continue
		}
		for i, name := range names {
			reflected := i == 1
			method(c, name, func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
				if err := slotArity(name, args, kwargs, 1); err != nil {
					return nil, err
				}
				x, y := builtinPayload(self), args[0]
				if !numberDunderAccepts(c, y) {
					// int.__rmod__('%s', n) and the like: not a number.
					return NotImplemented, nil
				}
				if reflected {
					x, y = y, x
				}
				r, err := builtinBinary(th, op, x, y)
				if r == nil && err == nil {
					return NotImplemented, nil
				}
				return r, err
			})
		}
	}
	for op, names := range cmpDunders {
		op := op
		method(c, names[0], func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
			if err := slotArity(names[0], args, kwargs, 1); err != nil {
				return nil, err
			}
			r, ok, err := cmpBuiltin(th, op, self, args[0])
			if !ok && err == nil {
				return NotImplemented, nil
			}
			return Bool(r), err
		})
	}
	method(c, "__hash__", func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
		if err := slotArity("__hash__", args, kwargs, 0); err != nil {
			return nil, err
		}
		h, err := Hash(th, builtinPayload(self))
		return MakeInt(h), err
	})
	method(c, "__repr__", func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
		if err := slotArity("__repr__", args, kwargs, 0); err != nil {
			return nil, err
		}
		s, err := Repr(th, builtinPayload(self))
		return Str(s), err
	})
	method(c, "__str__", func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
		if err := slotArity("__str__", args, kwargs, 0); err != nil {
			return nil, err
		}
		s, err := ToStr(th, builtinPayload(self))
		return Str(s), err
	})
	method(c, "__format__", func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
		if err := arity("__format__", args, 1, 1); err != nil {
			return nil, err
		}
		spec, ok := args[0].(Str)
		if !ok {
			return nil, typeErrorf("__format__() argument must be str, not %s", TypeName(args[0]))
		}
		s, err := formatBuiltin(th, builtinPayload(self), string(spec))
		return Str(s), err
	})
	c.Dict.Set("__new__", &StaticMethod{Func: NewBuiltin("__new__", func(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if len(args) == 0 {
			return nil, typeErrorf("%s.__new__(): not enough arguments", c.Name)
		}
		cls, ok := args[0].(*Class)
		if !ok {
			return nil, typeErrorf("%s.__new__(X): X is not a type object (%s)", c.Name, TypeName(args[0]))
		}
		return c.new(th, cls, args[1:], kwargs)
	})})
	// Of these, only the mutable containers have an __init__ of their
	// own; the others inherit object's, which refuses arguments passed
	// on to it.
	switch c {
	case ListClass:
		method(c, "__init__", listInit)
	case DictClass:
		method(c, "__init__", func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
			d, ok := self.(*Dict)
			if !ok {
				return nil, typeErrorf("descriptor '__init__' requires a 'dict' object but received a '%s'", TypeName(self))
			}
			if err := arity("dict", args, 0, 1); err != nil {
				return nil, err
			}
			return None, dictInit(th, d, args, kwargs)
		})
	case SetClass:
		method(c, "__init__", func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
			return None, nil
		})
	}
	if numberRank(c) > 0 {
		installNumberDunders(c)
		return
	}
	if c == SliceClass {
		return // no container dunders
	}
	method(c, "__len__", func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
		if err := slotArity("__len__", args, kwargs, 0); err != nil {
			return nil, err
		}
		n, err := Len(th, builtinPayload(self))
		return MakeInt(int64(n)), err
	})
	method(c, "__getitem__", func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
		if err := arity("__getitem__", args, 1, 1); err != nil {
			return nil, err
		}
		return GetItem(th, builtinPayload(self), args[0])
	})
	method(c, "__contains__", func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
		if err := slotArity("__contains__", args, kwargs, 1); err != nil {
			return nil, err
		}
		r, err := Contains(th, builtinPayload(self), args[0])
		return Bool(r), err
	})
}

// listInit is list.__init__: it replaces the list's items with those of
// its argument. A subclass's own __init__ reaches it through super().
func listInit(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
	l, ok := builtinPayload(self).(*List)
	if !ok {
		return nil, typeErrorf("descriptor '__init__' requires a 'list' object but received a '%s'", TypeName(self))
	}
	if err := noKwargs("list", kwargs); err != nil {
		return nil, err
	}
	if err := arity("list", args, 0, 1); err != nil {
		return nil, err
	}
	items := []Value{}
	if len(args) == 1 {
		var err error
		if items, err = ToSlice(th, args[0]); err != nil {
			return nil, err
		}
	}
	l.Elems = append([]Value{}, items...)
	return None, nil
}

func seqIndexOf(th *Thread, typeName string, elems []Value, args []Value) (Value, error) {
	if err := arity("index", args, 1, 3); err != nil {
		return nil, err
	}
	start, stop := 0, len(elems)
	if len(args) > 1 {
		s, _, _, err := sliceIndices(th, &Slice{Start: args[1], Stop: None, Step: None}, len(elems))
		if err != nil {
			return nil, err
		}
		start = s
	}
	if len(args) > 2 {
		_, e, _, err := sliceIndices(th, &Slice{Start: None, Stop: args[2], Step: None}, len(elems))
		if err != nil {
			return nil, err
		}
		stop = e
	}
	for i := start; i < stop && i < len(elems); i++ {
		eq, err := Equal(th, elems[i], args[0])
		if err != nil {
			return nil, err
		}
		if eq {
			return MakeInt(int64(i)), nil
		}
	}
	if typeName == "list" {
		r, err := Repr(th, args[0])
		if err != nil {
			return nil, err
		}
		return nil, valueErrorf("%s is not in list", r)
	}
	return nil, valueErrorf("tuple.index(x): x not in tuple")
}

func seqCount(th *Thread, elems []Value, args []Value) (Value, error) {
	if err := arity("count", args, 1, 1); err != nil {
		return nil, err
	}
	n := 0
	for _, e := range elems {
		if Is(e, args[0]) {
			n++
			continue
		}
		eq, err := Equal(th, e, args[0])
		if err != nil {
			return nil, err
		}
		if eq {
			n++
		}
	}
	return MakeInt(int64(n)), nil
}

func initListMethods() {
	m := map[string]methodFn{
		"append": func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
			if err := arity("list.append", args, 1, 1); err != nil {
				return nil, err
			}
			l := self.(*List)
			l.Elems = append(l.Elems, args[0])
			return None, nil
		},
		"extend": func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
			if err := arity("list.extend", args, 1, 1); err != nil {
				return nil, err
			}
			items, err := ToSlice(th, args[0])
			if err != nil {
				return nil, err
			}
			l := self.(*List)
			if err := growLimit(th, len(l.Elems), len(items)); err != nil {
				return nil, err
			}
			l.Elems = append(l.Elems, items...)
			return None, nil
		},
		"insert": func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
			if err := arity("insert", args, 2, 2); err != nil {
				return nil, err
			}
			l := self.(*List)
			n, err := indexOf(th, args[0], "'%s' object cannot be interpreted as an integer")
			if err != nil {
				return nil, err
			}
			i, _ := n.Int64()
			ln := int64(len(l.Elems))
			if i < 0 {
				i = max(i+ln, 0)
			}
			i = min(i, ln)
			l.Elems = append(l.Elems[:i], append([]Value{args[1]}, l.Elems[i:]...)...)
			return None, nil
		},
		"pop": func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
			if err := arity("pop", args, 0, 1); err != nil {
				return nil, err
			}
			l := self.(*List)
			if len(l.Elems) == 0 {
				return nil, excf(IndexErrorClass, "pop from empty list")
			}
			i := len(l.Elems) - 1
			if len(args) == 1 {
				j, err := seqIndex(th, args[0], len(l.Elems), "pop")
				if err != nil {
					return nil, err
				}
				i = j
			}
			v := l.Elems[i]
			l.Elems = append(l.Elems[:i:i], l.Elems[i+1:]...)
			return v, nil
		},
		"remove": func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
			if err := arity("list.remove", args, 1, 1); err != nil {
				return nil, err
			}
			l := self.(*List)
			for i, e := range l.Elems {
				eq, err := Equal(th, e, args[0])
				if err != nil {
					return nil, err
				}
				if eq {
					l.Elems = append(l.Elems[:i:i], l.Elems[i+1:]...)
					return None, nil
				}
			}
			return nil, valueErrorf("list.remove(x): x not in list")
		},
		"index": func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
			return seqIndexOf(th, "list", self.(*List).Elems, args)
		},
		"count": func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
			return seqCount(th, self.(*List).Elems, args)
		},
		"clear": func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
			self.(*List).Elems = []Value{}
			return None, nil
		},
		"copy": func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
			return NewList(append([]Value{}, self.(*List).Elems...)), nil
		},
		"reverse": func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
			e := self.(*List).Elems
			for i, j := 0, len(e)-1; i < j; i, j = i+1, j-1 {
				e[i], e[j] = e[j], e[i]
			}
			return None, nil
		},
		"sort": func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
			if len(args) > 0 {
				return nil, typeErrorf("sort() takes no positional arguments")
			}
			return None, sortList(th, self.(*List), kwargs, "sort")
		},
	}
	for name, fn := range m {
		method(ListClass, name, fn)
	}
}

func initDictMethods() {
	m := map[string]methodFn{
		"get": func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
			if err := arity("get", args, 1, 2); err != nil {
				return nil, err
			}
			v, ok, err := self.(*Dict).Get(th, args[0])
			if err != nil {
				return nil, err
			}
			if !ok {
				if len(args) == 2 {
					return args[1], nil
				}
				return None, nil
			}
			return v, nil
		},
		"keys": func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
			return &dictView{d: self.(*Dict), kind: "keys"}, nil
		},
		"values": func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
			return &dictView{d: self.(*Dict), kind: "values"}, nil
		},
		"items": func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
			return &dictView{d: self.(*Dict), kind: "items"}, nil
		},
		"setdefault": func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
			if err := arity("setdefault", args, 1, 2); err != nil {
				return nil, err
			}
			d := self.(*Dict)
			v, ok, err := d.Get(th, args[0])
			if err != nil || ok {
				return v, err
			}
			def := None
			if len(args) == 2 {
				def = args[1]
			}
			return def, d.SetItem(th, args[0], def)
		},
		"pop": func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
			if err := arity("pop", args, 1, 2); err != nil {
				return nil, err
			}
			v, ok, err := self.(*Dict).ht.delete(th, args[0])
			if err != nil {
				return nil, err
			}
			if !ok {
				if len(args) == 2 {
					return args[1], nil
				}
				return nil, NewException(KeyErrorClass, args[0])
			}
			return v, nil
		},
		"popitem": func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
			d := self.(*Dict)
			items := d.Items()
			if len(items) == 0 {
				return nil, excf(KeyErrorClass, "popitem(): dictionary is empty")
			}
			last := items[len(items)-1]
			_, _, err := d.ht.delete(th, last[0])
			return Tuple{last[0], last[1]}, err
		},
		"update": func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
			if err := arity("update", args, 0, 1); err != nil {
				return nil, err
			}
			return None, dictInit(th, self.(*Dict), args, kwargs)
		},
		"clear": func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
			self.(*Dict).ht.clear()
			return None, nil
		},
		"copy": func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
			return &Dict{ht: self.(*Dict).ht.copy()}, nil
		},
	}
	for name, fn := range m {
		method(DictClass, name, fn)
	}
	DictClass.Dict.Set("fromkeys", &ClassMethod{Func: NewBuiltin("fromkeys", func(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := arity("fromkeys", args, 2, 3); err != nil {
			return nil, err
		}
		keys, err := ToSlice(th, args[1])
		if err != nil {
			return nil, err
		}
		v := None
		if len(args) == 3 {
			v = args[2]
		}
		d := NewDict()
		for _, k := range keys {
			if err := d.SetItem(th, k, v); err != nil {
				return nil, err
			}
		}
		return d, nil
	})})
}

// dictView is dict.keys(), values() or items().
type dictView struct {
	d    *Dict
	kind string
}

func (v *dictView) Type() *Class { return dictViewClasses[v.kind] }

var dictViewClasses = map[string]*Class{
	"keys":   newBuiltinClass("dict_keys", ObjectClass),
	"values": newBuiltinClass("dict_values", ObjectClass),
	"items":  newBuiltinClass("dict_items", ObjectClass),
}

func (v *dictView) elems() []Value {
	items := v.d.Items()
	out := make([]Value, len(items))
	for i, kv := range items {
		switch v.kind {
		case "keys":
			out[i] = kv[0]
		case "values":
			out[i] = kv[1]
		default:
			out[i] = Tuple{kv[0], kv[1]}
		}
	}
	return out
}

// Iterate implements Iterable.
func (v *dictView) Iterate(*Thread) (Iterator, error) { return &sliceIter{elems: v.elems()}, nil }

// Len implements Sequence-like len().
func (v *dictView) Len() int { return v.d.Len() }

// Index implements Sequence (views are not indexable in Python; len()
// only uses Len).
func (v *dictView) Index(i int) Value { return v.elems()[i] }

func (v *dictView) repr(th *Thread) (string, error) {
	s, err := reprSeq(th, "[", v.elems(), "]")
	return "dict_" + v.kind + "(" + s + ")", err
}

func (v *dictView) getItem(th *Thread, k Value) (Value, error) {
	return nil, typeErrorf("'dict_%s' object is not subscriptable", v.kind)
}

func initSetMethods() {
	add := func(name string, fn methodFn, mutating bool) {
		method(SetClass, name, fn)
		if !mutating {
			method(FrozenSetClass, name, fn)
		}
	}
	others := func(th *Thread, args []Value) ([]*Set, error) {
		out := make([]*Set, len(args))
		for i, a := range args {
			if s, ok := a.(*Set); ok {
				out[i] = s
				continue
			}
			s, err := newSetFrom(th, "set", false, []Value{a}, nil)
			if err != nil {
				return nil, err
			}
			out[i] = s.(*Set)
		}
		return out, nil
	}
	combine := func(op syn.Token) methodFn {
		return func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
			sets, err := others(th, args)
			if err != nil {
				return nil, err
			}
			acc := self.(*Set)
			res := copySet(acc, acc.frozen)
			for _, s := range sets {
				r, err := setBinary(th, op, res, s)
				if err != nil {
					return nil, err
				}
				res = r.(*Set)
			}
			return res, nil
		}
	}
	add("union", combine(syn.VBAR), false)
	add("intersection", combine(syn.AMPER), false)
	add("difference", combine(syn.MINUS), false)
	add("symmetric_difference", combine(syn.CIRCUMFLEX), false)
	add("copy", func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
		s := self.(*Set)
		return copySet(s, s.frozen), nil
	}, false)
	rel := func(name string, f func(th *Thread, a, b *Set) (bool, error)) {
		add(name, func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
			if err := arity(name, args, 1, 1); err != nil {
				return nil, err
			}
			sets, err := others(th, args)
			if err != nil {
				return nil, err
			}
			r, err := f(th, self.(*Set), sets[0])
			return Bool(r), err
		}, false)
	}
	rel("issubset", subset)
	rel("issuperset", func(th *Thread, a, b *Set) (bool, error) { return subset(th, b, a) })
	rel("isdisjoint", func(th *Thread, a, b *Set) (bool, error) {
		for _, e := range a.Elems() {
			in, err := b.Has(th, e)
			if err != nil || in {
				return false, err
			}
		}
		return true, nil
	})
	add("add", func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
		if err := arity("set.add", args, 1, 1); err != nil {
			return nil, err
		}
		return None, self.(*Set).Add(th, args[0])
	}, true)
	for _, name := range []string{"discard", "remove"} {
		name := name
		add(name, func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
			if err := arity("set."+name, args, 1, 1); err != nil {
				return nil, err
			}
			ok, err := self.(*Set).discard(th, args[0])
			if err != nil {
				return nil, err
			}
			if !ok && name == "remove" {
				return nil, NewException(KeyErrorClass, args[0])
			}
			return None, nil
		}, true)
	}
	add("pop", func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
		s := self.(*Set)
		if s.Len() == 0 {
			return nil, excf(KeyErrorClass, "pop from an empty set")
		}
		e := s.table.popSlot()
		_, err := s.discard(th, e)
		return e, err
	}, true)
	add("clear", func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
		self.(*Set).clear()
		return None, nil
	}, true)
	for name, op := range map[string]syn.Token{"update": syn.VBAR, "intersection_update": syn.AMPER, "difference_update": syn.MINUS, "symmetric_difference_update": syn.CIRCUMFLEX} {
		f := combine(op)
		add(name, func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
			r, err := f(th, self, args, kwargs)
			if err != nil {
				return nil, err
			}
			self.(*Set).assign(r.(*Set))
			return None, nil
		}, true)
	}
}

func initNumberMethods() {
	method(IntClass, "bit_length", func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
		return MakeInt(int64(asInt(self).BitLen())), nil
	})
	method(IntClass, "bit_count", func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
		b := asInt(self).Big()
		b.Abs(b)
		n := 0
		for _, w := range b.Bits() {
			for ; w != 0; w &= w - 1 {
				n++
			}
		}
		return MakeInt(int64(n)), nil
	})
	method(IntClass, "conjugate", func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
		return asInt(self), nil
	})
	method(IntClass, "to_bytes", intToBytes)
	IntClass.Dict.Set("from_bytes", &ClassMethod{Func: NewBuiltin("from_bytes", intFromBytes)})
	for _, name := range []string{"real", "numerator"} {
		IntClass.Dict.Set(name, &Property{Get: NewBuiltin(name, func(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
			return asInt(args[0]), nil
		})})
	}
	IntClass.Dict.Set("imag", &Property{Get: NewBuiltin("imag", func(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
		return MakeInt(0), nil
	})})
	IntClass.Dict.Set("denominator", &Property{Get: NewBuiltin("denominator", func(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
		return MakeInt(1), nil
	})})
	method(IntClass, "__index__", func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
		return asInt(self), nil
	})
	method(IntClass, "__int__", func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
		return asInt(self), nil
	})
	method(FloatClass, "is_integer", func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
		f := float64(self.(Float))
		return Bool(f == math.Trunc(f) && !math.IsInf(f, 0)), nil
	})
	method(FloatClass, "as_integer_ratio", func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
		f := float64(self.(Float))
		if math.IsInf(f, 0) {
			return nil, excf(OverflowErrorClass, "cannot convert Infinity to integer ratio")
		}
		if math.IsNaN(f) {
			return nil, valueErrorf("cannot convert NaN to integer ratio")
		}
		r := new(big.Rat).SetFloat64(f)
		return Tuple{MakeBigInt(r.Num()), MakeBigInt(r.Denom())}, nil
	})
	method(FloatClass, "hex", func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
		return Str(floatHex(float64(self.(Float)))), nil
	})
	method(FloatClass, "conjugate", func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
		return self, nil
	})
	FloatClass.Dict.Set("real", &Property{Get: NewBuiltin("real", func(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
		return args[0], nil
	})})
	FloatClass.Dict.Set("imag", &Property{Get: NewBuiltin("imag", func(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
		return Float(0), nil
	})})
	method(FloatClass, "__float__", func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
		return builtinPayload(self), nil
	})
}

func asInt(v Value) Int {
	switch x := builtinPayload(v).(type) {
	case Int:
		return x
	case Bool:
		return boolToInt(x)
	}
	return MakeInt(0)
}

// floatHex is float.hex().
func floatHex(f float64) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	}
	sign := ""
	if math.Signbit(f) {
		sign = "-"
		f = -f
	}
	if f == 0 {
		return sign + "0x0.0p+0"
	}
	frac, exp := math.Frexp(f) // f = frac * 2**exp, frac in [0.5, 1)
	mant := uint64(frac * (1 << 53))
	exp--
	lead := mant >> 52
	rest := mant & (1<<52 - 1)
	if exp < -1022 {
		shift := uint(-1022 - exp)
		full := mant >> shift
		lead, rest = full>>52, full&(1<<52-1)
		exp = -1022
	}
	return sign + "0x" + strconv.FormatUint(lead, 10) + "." + leftPad(strconv.FormatUint(rest, 16), 13) + "p" + signedExp(exp)
}

func leftPad(s string, n int) string {
	if len(s) >= n {
		return s
	}
	return strings.Repeat("0", n-len(s)) + s
}

func signedExp(e int) string {
	if e < 0 {
		return strconv.Itoa(e)
	}
	return "+" + strconv.Itoa(e)
}

func intToBytes(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
	length, order := Value(MakeInt(1)), Value(Str("big"))
	var signed Value = Bool(false)
	if len(args) > 0 {
		length = args[0]
	}
	if len(args) > 1 {
		order = args[1]
	}
	if err := kwargsTo("to_bytes", kwargs, map[string]*Value{"length": &length, "byteorder": &order, "signed": &signed}); err != nil {
		return nil, err
	}
	n, err := indexOf(th, length, "'%s' object cannot be interpreted as an integer")
	if err != nil {
		return nil, err
	}
	ln, _ := n.Int64()
	if ln < 0 {
		return nil, valueErrorf("length argument must be non-negative")
	}
	isSigned, err := Truth(th, signed)
	if err != nil {
		return nil, err
	}
	v := asInt(self).Big()
	if v.Sign() < 0 && !isSigned {
		return nil, excf(OverflowErrorClass, "can't convert negative int to unsigned")
	}
	if v.Sign() < 0 {
		v.Add(v, new(big.Int).Lsh(big.NewInt(1), uint(ln*8)))
	}
	limit := new(big.Int).Lsh(big.NewInt(1), uint(ln*8))
	if isSigned && asInt(self).Sign() >= 0 {
		limit.Rsh(limit, 1)
	}
	if v.Cmp(limit) >= 0 || v.Sign() < 0 {
		return nil, excf(OverflowErrorClass, "int too big to convert")
	}
	buf := v.FillBytes(make([]byte, ln))
	if err := byteOrder(buf, order); err != nil {
		return nil, err
	}
	return Bytes(buf), nil
}

func intFromBytes(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
	if len(args) < 2 {
		return nil, typeErrorf("from_bytes() missing required argument 'bytes' (pos 1)")
	}
	order := Value(Str("big"))
	var signed Value = Bool(false)
	if len(args) > 2 {
		order = args[2]
	}
	if err := kwargsTo("from_bytes", kwargs, map[string]*Value{"byteorder": &order, "signed": &signed}); err != nil {
		return nil, err
	}
	b, err := Binary(th, syn.PLUS, Bytes(""), mustBytes(th, args[1]))
	if err != nil {
		return nil, err
	}
	buf := []byte(b.(Bytes))
	if err := byteOrder(buf, order); err != nil {
		return nil, err
	}
	v := new(big.Int).SetBytes(buf)
	isSigned, err := Truth(th, signed)
	if err != nil {
		return nil, err
	}
	if isSigned && len(buf) > 0 && buf[0]&0x80 != 0 {
		v.Sub(v, new(big.Int).Lsh(big.NewInt(1), uint(len(buf)*8)))
	}
	return bigResult(v), nil
}

func mustBytes(th *Thread, v Value) Value {
	if b, ok := v.(Bytes); ok {
		return b
	}
	r, err := BytesClass.new(th, BytesClass, []Value{v}, nil)
	if err != nil {
		return v
	}
	return r
}

// byteOrder reverses buf (big-endian) for the "little" byte order.
func byteOrder(buf []byte, order Value) error {
	switch order {
	case Str("big"):
	case Str("little"):
		for i, j := 0, len(buf)-1; i < j; i, j = i+1, j-1 {
			buf[i], buf[j] = buf[j], buf[i]
		}
	default:
		return valueErrorf("byteorder must be either 'little' or 'big'")
	}
	return nil
}

// numberRank orders the builtin number classes by the operands their
// dunder methods accept (int: ints; float: also floats; complex: also
// complexes); 0 for other classes.
func numberRank(c *Class) int {
	switch c {
	case IntClass, BoolClass:
		return 1
	case FloatClass:
		return 2
	case ComplexClass:
		return 3
	}
	return 0
}

// numberDunderAccepts reports whether a binary dunder method of class c
// handles the operand v (int.__add__(1, 1.5) is NotImplemented).
func numberDunderAccepts(c *Class, v Value) bool {
	rank := numberRank(c)
	if rank == 0 {
		return true
	}
	other := numberRank(builtinPayload(v).Type())
	return other > 0 && other <= rank
}

// numberHasOperator reports whether a builtin number class defines the
// binary operator op (floats have no shifts or bitwise operators,
// complexes neither floor division nor modulo); other classes get all.
func numberHasOperator(c *Class, op syn.Token) bool {
	switch op {
	case syn.AT:
		return numberRank(c) == 0
	case syn.LSHIFT, syn.RSHIFT, syn.AMPER, syn.VBAR, syn.CIRCUMFLEX:
		return numberRank(c) < 2
	case syn.DOUBLESLASH, syn.PERCENT:
		return numberRank(c) < 3
	}
	return true
}

// installNumberDunders gives a builtin number class its unary dunder
// methods (__neg__, __pos__, __abs__, __bool__, and __invert__ for int).
func installNumberDunders(c *Class) {
	unary := map[string]func(th *Thread, v Value) (Value, error){
		"__neg__": func(th *Thread, v Value) (Value, error) { return Unary(th, syn.MINUS, v) },
		"__pos__": func(th *Thread, v Value) (Value, error) { return Unary(th, syn.PLUS, v) },
		"__abs__": func(th *Thread, v Value) (Value, error) { return numberAbs(v) },
		"__bool__": func(th *Thread, v Value) (Value, error) {
			t, err := Truth(th, v)
			return Bool(t), err
		},
	}
	if c == IntClass {
		unary["__invert__"] = func(th *Thread, v Value) (Value, error) { return Unary(th, syn.TILDE, v) }
	}
	for name, fn := range unary {
		method(c, name, func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
			if len(args) > 0 {
				return nil, typeErrorf("expected 0 arguments, got %d", len(args))
			}
			if err := noKwargs(name, kwargs); err != nil {
				return nil, err
			}
			return fn(th, builtinPayload(self))
		})
	}
}
