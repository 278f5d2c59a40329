package pyrt

import (
	"fmt"
	"strings"
)

// Class is a Python class: a builtin type or one defined by a class
// statement.
type Class struct {
	Name, Qualname, Module string
	Bases                  []*Class
	MRO                    []*Class
	Dict                   *Namespace
	// Meta is the metaclass; nil means type.
	Meta *Class
	// new constructs an instance for a builtin class and its subclasses
	// (the first one along the MRO is used).
	new func(th *Thread, cls *Class, args []Value, kwargs []Kwarg) (Value, error)
	// builtin is set for the classes of this package.
	builtin bool
}

// Type implements Value.
func (c *Class) Type() *Class {
	if c.Meta != nil {
		return c.Meta
	}
	return TypeClass
}

// Lookup finds name along the MRO without binding it.
func (c *Class) Lookup(name string) (Value, *Class) {
	for _, k := range c.MRO {
		if v, ok := k.Dict.Get(name); ok {
			return v, k
		}
	}
	return nil, nil
}

// IsSubclass reports whether c derives from base.
func (c *Class) IsSubclass(base *Class) bool {
	for _, k := range c.MRO {
		if k == base {
			return true
		}
	}
	return false
}

// newBuiltinClass makes a builtin class with one base (nil for object).
func newBuiltinClass(name string, base *Class) *Class {
	c := &Class{Name: name, Qualname: name, Module: "builtins", Dict: NewNamespace(), builtin: true}
	if base != nil {
		c.Bases = []*Class{base}
		c.MRO = append([]*Class{c}, base.MRO...)
	} else {
		c.MRO = []*Class{c}
	}
	return c
}

// NewClass creates a class as a class statement does, computing its C3
// MRO; an inconsistent hierarchy is a TypeError.
func NewClass(name, qualname, module string, bases []*Class, dict *Namespace, meta *Class) (*Class, error) {
	if len(bases) == 0 {
		bases = []*Class{ObjectClass}
	}
	c := &Class{Name: name, Qualname: qualname, Module: module, Bases: bases, Dict: dict, Meta: meta}
	mro, err := c3(c, bases)
	if err != nil {
		return nil, err
	}
	c.MRO = mro
	return c, nil
}

// c3 is CPython's C3 linearization.
func c3(c *Class, bases []*Class) ([]*Class, error) {
	seqs := make([][]*Class, 0, len(bases)+1)
	for _, b := range bases {
		seqs = append(seqs, append([]*Class(nil), b.MRO...))
	}
	seqs = append(seqs, append([]*Class(nil), bases...))
	out := []*Class{c}
	for {
		empty := true
		for _, s := range seqs {
			if len(s) > 0 {
				empty = false
			}
		}
		if empty {
			return out, nil
		}
		var next *Class
	candidates:
		for _, s := range seqs {
			if len(s) == 0 {
				continue
			}
			cand := s[0]
			for _, t := range seqs {
				for _, x := range t[min(1, len(t)):] {
					if x == cand {
						continue candidates
					}
				}
			}
			next = cand
			break
		}
		if next == nil {
			seen := map[*Class]bool{}
			var names []string
			for _, s := range seqs {
				for _, k := range s[:min(1, len(s))] {
					if !seen[k] {
						seen[k] = true
						names = append(names, k.Name)
					}
				}
			}
			return nil, typeErrorf("Cannot create a consistent method resolution order (MRO) for bases %s", strings.Join(names, ", "))
		}
		out = append(out, next)
		for i, s := range seqs {
			if len(s) > 0 && s[0] == next {
				seqs[i] = s[1:]
			}
		}
	}
}

// Attr implements HasAttrs: the class attribute as seen through the class.
func (c *Class) Attr(th *Thread, name string) (Value, error) {
	switch name {
	case "__name__":
		return Str(c.Name), nil
	case "__qualname__":
		return Str(c.Qualname), nil
	case "__module__":
		if v, ok := c.Dict.Get(name); ok {
			return v, nil
		}
		return Str(c.Module), nil
	case "__mro__":
		t := make(Tuple, len(c.MRO))
		for i, k := range c.MRO {
			t[i] = k
		}
		return t, nil
	case "__bases__":
		t := make(Tuple, len(c.Bases))
		for i, k := range c.Bases {
			t[i] = k
		}
		return t, nil
	case "__base__":
		if len(c.Bases) == 0 {
			return None, nil
		}
		return c.Bases[0], nil
	case "__dict__":
		return namespaceProxy(c.Dict), nil
	case "__class__":
		return c.Type(), nil
	}
	v, _ := c.Lookup(name)
	if v == nil {
		if meta := c.Type(); meta != TypeClass {
			if mv, _ := meta.Lookup(name); mv != nil {
				return bindAttr(th, mv, c, meta)
			}
		}
		if mv, _ := TypeClass.Lookup(name); mv != nil {
			return bindAttr(th, mv, c, TypeClass)
		}
		return nil, nil
	}
	switch d := v.(type) {
	case *ClassMethod:
		return &BoundMethod{Self: c, Func: d.Func}, nil
	case *StaticMethod:
		return d.Func, nil
	}
	return v, nil
}

// SetAttr implements HasSetAttr.
func (c *Class) SetAttr(th *Thread, name string, v Value) error {
	if c.builtin {
		return typeErrorf("cannot set '%s' attribute of immutable type '%s'", name, c.Name)
	}
	switch name {
	case "__name__":
		s, ok := v.(Str)
		if !ok {
			return typeErrorf("can only assign string to %s.__name__, not '%s'", c.Name, v.Type().Name)
		}
		c.Name = string(s)
		return nil
	case "__qualname__":
		s, ok := v.(Str)
		if !ok {
			return typeErrorf("can only assign string to %s.__qualname__, not '%s'", c.Name, v.Type().Name)
		}
		c.Qualname = string(s)
		return nil
	case "__module__":
		// Kept in the class dict as well, as CPython does; repr reads it.
		if s, ok := v.(Str); ok {
			c.Module = string(s)
		}
	}
	if v == nil {
		if !c.Dict.Delete(name) {
			return NewException(AttributeErrorClass, Str(name))
		}
		return nil
	}
	c.Dict.Set(name, v)
	return nil
}

// Call implements Callable: instantiation.
func (c *Class) Call(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
	if c == TypeClass && len(args) == 1 && len(kwargs) == 0 {
		return args[0].Type(), nil
	}
	if meta := c.Type(); meta != TypeClass {
		if call, owner := meta.Lookup("__call__"); call != nil && owner != TypeClass && owner != ObjectClass {
			return th.Call(&BoundMethod{Self: c, Func: call}, args, kwargs)
		}
	}
	return th.instantiate(c, args, kwargs)
}

// Instance is an instance of a class defined in the sources (or of a
// subclass of a builtin class; Payload then holds the builtin value, such
// as an exception's args or an int subclass's value).
type Instance struct {
	Class   *Class
	Dict    *Namespace
	Payload Value
}

// Type implements Value.
func (o *Instance) Type() *Class { return o.Class }

// wrapped returns the builtin value the instance of a subclass of a
// builtin class stands for, or nil. An exception's args are not such a
// value: an exception is not a tuple.
func (o *Instance) wrapped() Value {
	if o.Payload == nil || o.Class.IsSubclass(BaseExceptionClass) {
		return nil
	}
	return o.Payload
}

// Attr implements HasAttrs with CPython's order: data descriptors of the
// class, the instance dict, then class attributes (bound).
func (o *Instance) Attr(th *Thread, name string) (Value, error) {
	switch name {
	case "__class__":
		return o.Class, nil
	case "__dict__":
		return namespaceProxy(o.Dict), nil
	}
	return objectAttr(th, o, o.Class, o.Dict, name)
}

// objectAttr looks an attribute up on self, an object of class cls
// whose own attributes are in dict: properties first, then the object's
// attributes, then the class's, then __getattr__. It returns (nil, nil)
// for a missing attribute.
func objectAttr(th *Thread, self Value, cls *Class, dict *Namespace, name string) (Value, error) {
	cv, owner := cls.Lookup(name)
	if p, ok := cv.(*Property); ok {
		if p.Get == nil {
			return nil, NewException(AttributeErrorClass, Str("property '"+name+"' of '"+cls.Name+"' object has no getter"))
		}
		return th.Call(p.Get, []Value{self}, nil)
	}
	if v, ok := dict.Get(name); ok {
		return v, nil
	}
	if cv != nil {
		return bindAttr(th, cv, self, owner)
	}
	if ga, _ := cls.Lookup("__getattr__"); ga != nil {
		v, err := th.Call(ga, []Value{self, Str(name)}, nil)
		if err != nil {
			return nil, err
		}
		return v, nil
	}
	return nil, nil
}

// SetAttr implements HasSetAttr, calling a property's setter.
func (o *Instance) SetAttr(th *Thread, name string, v Value) error {
	return setObjectAttr(th, o, o.Class, o.Dict, name, v)
}

// setObjectAttr assigns (or with a nil v deletes) an attribute of self,
// an object of class cls whose own attributes are in dict, calling a
// property's setter or the class's __setattr__ if it has them.
func setObjectAttr(th *Thread, self Value, cls *Class, dict *Namespace, name string, v Value) error {
	if cv, _ := cls.Lookup(name); cv != nil {
		if p, ok := cv.(*Property); ok {
			fn, what := p.Set, "setter"
			args := []Value{self, v}
			if v == nil {
				fn, what, args = p.Del, "deleter", args[:1]
			}
			if fn == nil {
				return NewException(AttributeErrorClass, Str(fmt.Sprintf("property '%s' of '%s' object has no %s", name, cls.Name, what)))
			}
			_, err := th.Call(fn, args, nil)
			return err
		}
	}
	if sa, owner := cls.Lookup("__setattr__"); sa != nil && owner != ObjectClass && v != nil {
		_, err := th.Call(sa, []Value{self, Str(name), v}, nil)
		return err
	}
	if v == nil {
		if !dict.Delete(name) {
			return attributeError(self, name)
		}
		return nil
	}
	dict.Set(name, v)
	return nil
}

// bindAttr binds a class attribute found for self (an instance, or a
// class through its metaclass).
func bindAttr(th *Thread, v Value, self Value, owner *Class) (Value, error) {
	switch d := v.(type) {
	case *Function:
		return &BoundMethod{Self: self, Func: d}, nil
	case *Builtin:
		if d.method && d.Self == nil {
			return d.bind(self), nil
		}
	case *ClassMethod:
		cls, ok := self.(*Class)
		if !ok || owner == TypeClass {
			cls = self.Type()
		}
		return &BoundMethod{Self: cls, Func: d.Func}, nil
	case *StaticMethod:
		return d.Func, nil
	case *Property:
		if d.Get == nil {
			return nil, NewException(AttributeErrorClass, Str("unreadable attribute"))
		}
		return th.Call(d.Get, []Value{self}, nil)
	}
	return v, nil
}

// BoundMethod is a function bound to its first argument.
type BoundMethod struct {
	Self Value
	Func Value
}

// Type implements Value.
func (*BoundMethod) Type() *Class { return MethodClass }

// Call implements Callable.
func (m *BoundMethod) Call(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
	all := make([]Value, 0, len(args)+1)
	all = append(all, m.Self)
	all = append(all, args...)
	return th.Call(m.Func, all, kwargs)
}

// Attr implements HasAttrs.
func (m *BoundMethod) Attr(th *Thread, name string) (Value, error) {
	switch name {
	case "__self__":
		return m.Self, nil
	case "__func__":
		return m.Func, nil
	}
	return GetAttr(th, m.Func, name)
}

// Property is a property object.
type Property struct {
	Get, Set, Del Value
	Doc           Value
}

// Type implements Value.
func (*Property) Type() *Class { return PropertyClass }

// StaticMethod wraps a function looked up without binding.
type StaticMethod struct{ Func Value }

// Type implements Value.
func (*StaticMethod) Type() *Class { return StaticMethodClass }

// ClassMethod wraps a function bound to the class.
type ClassMethod struct{ Func Value }

// Type implements Value.
func (*ClassMethod) Type() *Class { return ClassMethodClass }

// Builtin is a function implemented in Go. A method (method set) found on
// a class binds its receiver as Self.
type Builtin struct {
	Name string
	Fn   func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error)
	Self Value
	// Unevaluated are keyword arguments a call leaves unevaluated (they
	// are passed as unknown values): arguments of modelled callables
	// whose values feed nothing the caller reads.
	Unevaluated map[string]bool
	method      bool
	// owner is the class name shown in reprs of unbound methods.
	owner string
}

// NewBuiltin returns a builtin function.
func NewBuiltin(name string, fn func(th *Thread, args []Value, kwargs []Kwarg) (Value, error)) *Builtin {
	return &Builtin{Name: name, Fn: func(th *Thread, _ Value, args []Value, kwargs []Kwarg) (Value, error) {
		return fn(th, args, kwargs)
	}}
}

func (b *Builtin) bind(self Value) *Builtin {
	c := *b
	c.Self = self
	return &c
}

// Type implements Value.
func (b *Builtin) Type() *Class {
	if b.method && b.Self == nil {
		return MethodDescriptorClass
	}
	return BuiltinFunctionClass
}

// Call implements Callable; an unbound method takes its receiver first.
func (b *Builtin) Call(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
	if b.method && b.Self == nil {
		if len(args) == 0 {
			return nil, typeErrorf("unbound method %s.%s() needs an argument", b.owner, b.Name)
		}
		return b.Fn(th, args[0], args[1:], kwargs)
	}
	return b.Fn(th, b.Self, args, kwargs)
}

// Attr implements HasAttrs.
func (b *Builtin) Attr(th *Thread, name string) (Value, error) {
	switch name {
	case "__name__", "__qualname__":
		return Str(b.Name), nil
	case "__self__":
		if b.Self == nil {
			return None, nil
		}
		return b.Self, nil
	}
	return nil, nil
}

// Module is a module object.
type Module struct {
	Name    string
	File    string
	Globals *Namespace
	// Initializing is set while the module body runs (a partially
	// initialised module, as circular imports see it).
	Initializing bool
	// OnRead, when set, is told each global read from outside the
	// module (attribute access and from-imports), so that a caller can
	// note values taken from the host (sys.platform).
	OnRead func(name string)
	// Missing, when set, gives the value of an attribute the module does
	// not bind (a module modelled only in part), or nil when it has none.
	Missing func(name string) Value
	// host tracks the host reads its globals depend on (nil when off).
	host *hostDeps
}

// Type implements Value.
func (*Module) Type() *Class { return ModuleClass }

// Attr implements HasAttrs.
func (m *Module) Attr(th *Thread, name string) (Value, error) {
	if v, ok := m.Globals.Get(name); ok {
		if m.OnRead != nil {
			m.OnRead(name)
		}
		if m.host != nil {
			m.host.readGlobal(m, name)
		}
		return v, nil
	}
	if name == "__dict__" {
		return namespaceProxy(m.Globals), nil
	}
	if m.Missing != nil && !strings.HasPrefix(name, "__") {
		if v := m.Missing(name); v != nil {
			return v, nil
		}
	}
	return nil, nil
}

// SetAttr implements HasSetAttr.
func (m *Module) SetAttr(th *Thread, name string, v Value) error {
	if v == nil {
		if !m.Globals.Delete(name) {
			return NewException(AttributeErrorClass, Str(name))
		}
		return nil
	}
	m.Globals.Set(name, v)
	return nil
}

// namespaceProxy returns a dict snapshot of a namespace.
func namespaceProxy(n *Namespace) *Dict {
	d := &Dict{ht: hashtable{entries: make([]entry, 0, n.Len())}}
	for _, k := range n.Keys() {
		v, _ := n.Get(k)
		_ = d.setStr(k, v)
	}
	return d
}
