package pyrt

import (
	"hash/fnv"
	"math"
	"reflect"
	"strings"

	"github.com/asterkit/aster/internal/pyjson"
)

// Truth is Python's truth test.
func Truth(th *Thread, v Value) (bool, error) {
	switch x := v.(type) {
	case NoneType:
		return false, nil
	case Bool:
		return bool(x), nil
	case Int:
		return x.Sign() != 0, nil
	case Float:
		return x != 0, nil
	case Complex:
		return x.Re != 0 || x.Im != 0, nil
	case Str:
		return x != "", nil
	case Bytes:
		return x != "", nil
	case Tuple:
		return len(x) > 0, nil
	case *List:
		return len(x.Elems) > 0, nil
	case *Dict:
		return x.Len() > 0, nil
	case *Set:
		return x.Len() > 0, nil
	case *Unknown:
		return false, x.fatal("the truth of this value")
	case *Instance:
		if m, _ := x.Class.Lookup("__bool__"); m != nil {
			r, err := th.Call(m, []Value{x}, nil)
			if err != nil {
				return false, err
			}
			b, ok := r.(Bool)
			if !ok {
				return false, typeErrorf("__bool__ should return bool, returned %s", r.Type().Name)
			}
			return bool(b), nil
		}
		if m, _ := x.Class.Lookup("__len__"); m != nil {
			n, err := Len(th, x)
			return n > 0, err
		}
		if w := x.wrapped(); w != nil {
			return Truth(th, w)
		}
	case *rangeValue:
		return x.length().Sign() > 0, nil
	}
	return true, nil
}

// TypeName returns the name of v's class as error messages show it.
func TypeName(v Value) string { return v.Type().Name }

// Repr is repr(v).
func Repr(th *Thread, v Value) (string, error) {
	switch v.(type) {
	case Tuple, *List, *Dict, *Set:
		if err := th.visit(v, " while getting the repr of an object"); err != nil {
			return "", err
		}
		defer th.leave()
	}
	switch x := v.(type) {
	case NoneType:
		return "None", nil
	case Bool:
		if x {
			return "True", nil
		}
		return "False", nil
	case Int:
		return x.decimal()
	case Float:
		return pyjson.FloatRepr(float64(x)), nil
	case Complex:
		return complexRepr(x), nil
	case Str:
		return pyjson.StrRepr(string(x)), nil
	case Bytes:
		return bytesRepr(string(x)), nil
	case Tuple:
		if len(x) == 1 {
			s, err := Repr(th, x[0])
			return "(" + s + ",)", err
		}
		return reprSeq(th, "(", x, ")")
	case *List:
		if th != nil {
			if th.reprActive(x) {
				return "[...]", nil
			}
			defer th.reprDone(x)
		}
		return reprSeq(th, "[", x.Elems, "]")
	case *Dict:
		if m, owner := dictSubclassMethod(x, "__repr__"); m != nil && th != nil && !owner.builtin {
			return callStrMethod(th, m, x, "__repr__")
		}
		if th != nil {
			if th.reprActive(x) {
				return "{...}", nil
			}
			defer th.reprDone(x)
		}
		var b strings.Builder
		b.WriteByte('{')
		for i, kv := range x.Items() {
			if i > 0 {
				b.WriteString(", ")
			}
			k, err := Repr(th, kv[0])
			if err != nil {
				return "", err
			}
			val, err := Repr(th, kv[1])
			if err != nil {
				return "", err
			}
			b.WriteString(k + ": " + val)
		}
		b.WriteByte('}')
		return b.String(), nil
	case *Set:
		elems := x.Elems()
		name := "set"
		if x.frozen {
			name = "frozenset"
		}
		if len(elems) == 0 {
			return name + "()", nil
		}
		s, err := reprSeq(th, "{", elems, "}")
		if x.frozen {
			s = "frozenset(" + s + ")"
		}
		return s, err
	case EllipsisType:
		return "Ellipsis", nil
	case NotImplementedType:
		return "NotImplemented", nil
	case *Class:
		if m, _ := userMethod(x, "__repr__"); m != nil && th != nil {
			return callStrMethod(th, m, x, "__repr__")
		}
		if x.Module == "builtins" {
			return "<class '" + x.Qualname + "'>", nil
		}
		return "<class '" + x.Module + "." + x.Qualname + "'>", nil
	case *Module:
		if x.File == "" {
			return "<module '" + x.Name + "' (built-in)>", nil
		}
		return "<module '" + x.Name + "' from '" + x.File + "'>", nil
	case *Function:
		return "<function " + x.Qualname + ">", nil
	case *Builtin:
		if x.Self != nil {
			return "<built-in method " + x.Name + " of " + TypeName(x.Self) + " object>", nil
		}
		if x.method {
			return "<method '" + x.Name + "' of '" + x.owner + "' objects>", nil
		}
		return "<built-in function " + x.Name + ">", nil
	case *BoundMethod:
		name := "?"
		if f, ok := x.Func.(*Function); ok {
			name = f.Qualname
		}
		s, err := Repr(th, x.Self)
		return "<bound method " + name + " of " + s + ">", err
	case *Slice:
		return reprSeq(th, "slice(", []Value{x.Start, x.Stop, x.Step}, ")")
	case *IteratorValue:
		if x.Name == "generator" {
			return "<generator object " + x.Qualname + ">", nil
		}
	case *StaticMethod:
		return reprSeq(th, "<staticmethod(", []Value{x.Func}, ")>")
	case *ClassMethod:
		return reprSeq(th, "<classmethod(", []Value{x.Func}, ")>")
	case *Unknown:
		return "", x.fatal("the repr of this value")
	case *Instance:
		return instanceStr(th, x, "__repr__")
	}
	if r, ok := v.(interface {
		repr(th *Thread) (string, error)
	}); ok {
		return r.repr(th)
	}
	return "<" + TypeName(v) + " object>", nil
}

// callStrMethod calls a __repr__ or __str__ method m of self, which must
// return a str.
func callStrMethod(th *Thread, m, self Value, dunder string) (string, error) {
	r, err := th.Call(m, []Value{self}, nil)
	if err != nil {
		return "", err
	}
	s, ok := r.(Str)
	if !ok {
		return "", typeErrorf("%s returned non-string (type %s)", dunder, TypeName(r))
	}
	return string(s), nil
}

// instanceStr runs __repr__ or __str__ of an instance.
func instanceStr(th *Thread, x *Instance, dunder string) (string, error) {
	m, owner := x.Class.Lookup(dunder)
	if m != nil && !owner.builtin {
		if th == nil {
			return "<" + x.Class.Name + " object>", nil
		}
		return callStrMethod(th, m, x, dunder)
	}
	if x.Class.IsSubclass(BaseExceptionClass) {
		if dunder == "__str__" {
			return exceptionStr(th, x)
		}
		return exceptionRepr(th, x)
	}
	if x.Payload != nil {
		if dunder == "__str__" {
			return ToStr(th, x.Payload)
		}
		return Repr(th, x.Payload)
	}
	if dunder == "__str__" {
		return instanceStr(th, x, "__repr__")
	}
	mod := x.Class.Module + "."
	if x.Class.Module == "builtins" {
		mod = ""
	}
	return "<" + mod + x.Class.Qualname + " object>", nil
}

func reprSeq(th *Thread, open string, elems []Value, close string) (string, error) {
	var b strings.Builder
	b.WriteString(open)
	for i, e := range elems {
		if i > 0 {
			b.WriteString(", ")
		}
		s, err := Repr(th, e)
		if err != nil {
			return "", err
		}
		b.WriteString(s)
	}
	b.WriteString(close)
	return b.String(), nil
}

// bytesRepr is repr() of bytes.
func bytesRepr(s string) string {
	q := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		q = '"'
	}
	var b strings.Builder
	b.WriteString("b")
	b.WriteByte(q)
	const hex = "0123456789abcdef"
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == q || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '\t':
			b.WriteString(`\t`)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
			b.WriteString(`\r`)
		case c < 0x20 || c >= 0x7f:
			b.WriteString(`\x`)
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(q)
	return b.String()
}

// ToStr is str(v).
func ToStr(th *Thread, v Value) (string, error) {
	switch x := v.(type) {
	case Str:
		return string(x), nil
	case *Instance:
		return instanceStr(th, x, "__str__")
	case *Unknown:
		return "", x.fatal("the str() of this value")
	}
	if s, ok := v.(interface {
		str(th *Thread) (string, error)
	}); ok {
		return s.str(th)
	}
	return Repr(th, v)
}

// Hash returns a hash consistent with Equal; unhashable values raise
// TypeError.
func Hash(th *Thread, v Value) (int64, error) {
	switch x := v.(type) {
	case Bool:
		if x {
			return 1, nil
		}
		return 0, nil
	case Int:
		return intHash(x), nil
	case Float:
		return floatHash(float64(x)), nil
	case Complex:
		return complexHash(x), nil
	case Str:
		return strHash(string(x), 's'), nil
	case Bytes:
		return strHash(string(x), 'b'), nil
	case Tuple:
		if err := th.visit(x, ""); err != nil {
			return 0, err
		}
		defer th.leave()
		h := int64(0x345678)
		for _, e := range x {
			eh, err := Hash(th, e)
			if err != nil {
				return 0, err
			}
			h = h*1000003 ^ eh
		}
		return h, nil
	case *Set:
		if !x.frozen {
			break
		}
		var h int64
		for _, e := range x.ht.items() {
			h ^= e.hash*0x1e3779b97f4a7c15 + 1
		}
		return h, nil
	case *List, *Dict, *Slice:
		// unhashable below
	case NoneType, EllipsisType, NotImplementedType:
		return strHash(TypeName(v), 't'), nil
	case *Unknown:
		return 0, x.fatal("hashing this value")
	case *Instance:
		m, owner := x.Class.Lookup("__hash__")
		if m == None {
			break
		}
		if m != nil && !owner.builtin {
			r, err := th.Call(m, []Value{x}, nil)
			if err != nil {
				return 0, err
			}
			i, ok := r.(Int)
			if !ok {
				return 0, typeErrorf("__hash__ method should return an integer")
			}
			return intHash(i), nil
		}
		if w := x.wrapped(); w != nil {
			return Hash(th, w)
		}
		return identityHash(v), nil
	default:
		if h, ok := v.(interface{ hash() (int64, error) }); ok {
			return h.hash()
		}
		return identityHash(v), nil
	}
	return 0, typeErrorf("unhashable type: '%s'", TypeName(v))
}

func identityHash(v Value) int64 {
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Pointer {
		return int64(rv.Pointer() >> 4)
	}
	return strHash(TypeName(v), 'i')
}

const hashModulus = 1<<61 - 1

func intHash(i Int) int64 {
	var h int64
	if v, ok := i.Int64(); ok {
		neg := v < 0
		u := uint64(v)
		if neg {
			u = -u
		}
		h = int64(u % hashModulus)
		if neg {
			h = -h
		}
	} else {
		m := i.Big()
		neg := m.Sign() < 0
		m.Abs(m)
		m.Mod(m, bigFromUint(hashModulus))
		h = m.Int64()
		if neg {
			h = -h
		}
	}
	if h == -1 {
		h = -2
	}
	return h
}

// floatHash is CPython's _Py_HashDouble (equal to the int's hash for an
// integral value).
func floatHash(v float64) int64 {
	switch {
	case math.IsInf(v, 1):
		return 314159
	case math.IsInf(v, -1):
		return -314159
	case math.IsNaN(v):
		return 0
	}
	const bits = 61
	m, e := math.Frexp(v)
	sign := int64(1)
	if m < 0 {
		sign, m = -1, -m
	}
	var x uint64
	for m != 0 {
		x = ((x << 28) & hashModulus) | x>>(bits-28)
		m *= 268435456.0
		e -= 28
		y := uint64(m)
		m -= float64(y)
		x += y
		if x >= hashModulus {
			x -= hashModulus
		}
	}
	if e >= 0 {
		e %= bits
	} else {
		e = bits - 1 - ((-1 - e) % bits)
	}
	x = ((x << uint(e)) & hashModulus) | x>>(bits-uint(e))
	h := int64(x) * sign
	if h == -1 {
		h = -2
	}
	return h
}

func strHash(s string, kind byte) int64 {
	f := fnv.New64a()
	f.Write([]byte{kind})
	f.Write([]byte(s))
	return int64(f.Sum64())
}

// Is is Python's "is".
func Is(a, b Value) bool {
	switch x := a.(type) {
	case Tuple:
		y, ok := b.(Tuple)
		return ok && len(x) == len(y) && (len(x) == 0 || &x[0] == &y[0])
	case Int:
		y, ok := b.(Int)
		return ok && x.Cmp(y) == 0
	}
	if reflect.TypeOf(a) != reflect.TypeOf(b) {
		return false
	}
	return a == b
}

// Len is len(v).
func Len(th *Thread, v Value) (int, error) {
	switch x := v.(type) {
	case Str:
		return strLen(string(x)), nil
	case Bytes:
		return len(x), nil
	case Sequence:
		return x.Len(), nil
	case *Dict:
		return x.Len(), nil
	case *Set:
		return x.Len(), nil
	case *rangeValue:
		n := x.length()
		if n.big != nil {
			return 0, excf(OverflowErrorClass, "Python int too large to convert to C ssize_t")
		}
		return int(n.small), nil
	case *Unknown:
		return 0, x.fatal("the length of this value")
	case *Class:
		if m, _ := userMethod(x, "__len__"); m != nil {
			r, err := th.Call(m, []Value{x}, nil)
			if err != nil {
				return 0, err
			}
			if n, ok := r.(Int); ok {
				return int(n.small), nil
			}
		}
	case *Instance:
		if m, _ := x.Class.Lookup("__len__"); m != nil {
			r, err := th.Call(m, []Value{x}, nil)
			if err != nil {
				return 0, err
			}
			n, ok := r.(Int)
			if !ok {
				return 0, typeErrorf("'%s' object cannot be interpreted as an integer", TypeName(r))
			}
			if n.Sign() < 0 {
				return 0, valueErrorf("__len__() should return >= 0")
			}
			return int(n.small), nil
		}
		if w := x.wrapped(); w != nil {
			return Len(th, w)
		}
	}
	return 0, typeErrorf("object of type '%s' has no len()", TypeName(v))
}

// GetAttr is getattr(v, name); a missing attribute is AttributeError.
func GetAttr(th *Thread, v Value, name string) (Value, error) {
	r, err := getAttrOpt(th, v, name)
	if err != nil || r != nil {
		return r, err
	}
	return nil, attributeError(v, name)
}

func attributeError(v Value, name string) *Exception {
	var e *Exception
	switch x := v.(type) {
	case *Module:
		if x.Initializing {
			e = excf(AttributeErrorClass, "partially initialized module '%s' has no attribute '%s' (most likely due to a circular import)", x.Name, name)
		} else {
			e = excf(AttributeErrorClass, "module '%s' has no attribute '%s'", x.Name, name)
		}
	case *Class:
		e = excf(AttributeErrorClass, "type object '%s' has no attribute '%s'", x.Name, name)
	default:
		e = excf(AttributeErrorClass, "'%s' object has no attribute '%s'", TypeName(v), name)
	}
	e.Value.Dict.Set("name", Str(name))
	e.Value.Dict.Set("obj", v)
	return e
}

// getAttrOpt returns (nil, nil) for a missing attribute.
func getAttrOpt(th *Thread, v Value, name string) (Value, error) {
	switch x := v.(type) {
	case *Unknown:
		return &Unknown{Why: x.Why, At: x.At}, nil
	case HasAttrs:
		// What the value does not provide itself comes from its type.
		if r, err := x.Attr(th, name); r != nil || err != nil {
			return r, err
		}
	case *Dict:
		if x.attrs != nil && name != "__class__" {
			if name == "__dict__" {
				return namespaceProxy(x.attrs), nil
			}
			return objectAttr(th, x, x.Class, x.attrs, name)
		}
	}
	if name == "__class__" {
		return v.Type(), nil
	}
	if a, ok := v.(interface {
		attr(name string) (Value, bool)
	}); ok {
		if r, ok := a.attr(name); ok {
			return r, nil
		}
	}
	cv, owner := v.Type().Lookup(name)
	if cv == nil {
		return nil, nil
	}
	return bindAttr(th, cv, v, owner)
}

// SetAttr is setattr(v, name, x); a nil x deletes.
func SetAttr(th *Thread, v Value, name string, x Value) error {
	switch o := v.(type) {
	case *Unknown:
		return nil
	case HasSetAttr:
		return o.SetAttr(th, name, x)
	case *Dict:
		if o.attrs != nil {
			return setObjectAttr(th, o, o.Class, o.attrs, name, x)
		}
	}
	if _, found := v.Type().Lookup(name); found != nil {
		return excf(AttributeErrorClass, "'%s' object attribute '%s' is read-only", TypeName(v), name)
	}
	return excf(AttributeErrorClass, "'%s' object has no attribute '%s'", TypeName(v), name)
}

// Call calls f.
func (th *Thread) Call(f Value, args []Value, kwargs []Kwarg) (Value, error) {
	switch c := f.(type) {
	case *Unknown:
		return &Unknown{Why: c.Why, At: c.At}, nil
	case Callable:
		if err := th.enter(); err != nil {
			return nil, err
		}
		defer th.leave()
		return c.Call(th, args, kwargs)
	case *Instance:
		if m, _ := c.Class.Lookup("__call__"); m != nil {
			return th.Call(m, append([]Value{c}, args...), kwargs)
		}
	case *StaticMethod:
		return th.Call(c.Func, args, kwargs)
	}
	return nil, typeErrorf("'%s' object is not callable", TypeName(f))
}

// dictSubclassMethod finds a method of a dict subclass's class.
func dictSubclassMethod(d *Dict, name string) (Value, *Class) {
	if d.Class == nil {
		return nil, nil
	}
	return d.Class.Lookup(name)
}
