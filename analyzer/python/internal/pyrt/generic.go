package pyrt

import (
	"strings"

	syn "github.com/asterkit/aster/analyzer/python/internal/pysyntax"
)

// UnionType is "X | Y" of classes (types.UnionType).
type UnionType struct {
	args []Value
}

// Type implements Value.
func (*UnionType) Type() *Class { return UnionTypeClass }

// Args returns the union's members.
func (u *UnionType) Args() []Value { return u.args }

func isTypeLike(v Value) bool {
	switch v.(type) {
	case *Class, NoneType, *UnionType, *GenericAlias:
		return true
	}
	return false
}

func newUnionType(x, y Value) Value {
	var args []Value
	add := func(v Value) {
		if v == None {
			v = NoneClass
		}
		if u, ok := v.(*UnionType); ok {
			for _, a := range u.args {
				args = appendUnique(args, a)
			}
			return
		}
		args = appendUnique(args, v)
	}
	add(x)
	add(y)
	if len(args) == 1 {
		return args[0]
	}
	return &UnionType{args: args}
}

func appendUnique(vs []Value, v Value) []Value {
	for _, x := range vs {
		if Is(x, v) {
			return vs
		}
	}
	return append(vs, v)
}

func (u *UnionType) repr(th *Thread) (string, error) {
	parts := make([]string, len(u.args))
	for i, a := range u.args {
		s, err := typeRepr(th, a)
		if err != nil {
			return "", err
		}
		parts[i] = s
	}
	return strings.Join(parts, " | "), nil
}

// typeRepr is how a type appears inside a generic alias or union: a
// class by its qualified name.
func typeRepr(th *Thread, v Value) (string, error) {
	switch c := v.(type) {
	case *Class:
		if c == NoneClass {
			return "None", nil
		}
		if c.Module == "builtins" {
			return c.Qualname, nil
		}
		return c.Module + "." + c.Qualname, nil
	case EllipsisType:
		return "...", nil
	}
	return Repr(th, v)
}

func (u *UnionType) compare(th *Thread, op syn.CmpKind, b Value) (bool, bool, error) {
	o, ok := b.(*UnionType)
	if !ok || !(op == syn.CmpEq || op == syn.CmpNotEq) {
		return false, false, nil
	}
	eq := len(u.args) == len(o.args)
	for _, a := range u.args {
		found := false
		for _, x := range o.args {
			if Is(a, x) {
				found = true
			}
		}
		eq = eq && found
	}
	return eq == (op == syn.CmpEq), true, nil
}

func (u *UnionType) hash() (int64, error) {
	var h int64
	for _, a := range u.args {
		h ^= identityHash(a)
	}
	return h, nil
}

func (u *UnionType) attr(name string) (Value, bool) {
	if name == "__args__" {
		return Tuple(append([]Value{}, u.args...)), true
	}
	return nil, false
}

// GenericAlias is a subscripted builtin class such as list[int].
type GenericAlias struct {
	Origin *Class
	Args   []Value
}

// Type implements Value.
func (*GenericAlias) Type() *Class { return GenericAliasClass }

func genericBuiltin(c *Class) bool {
	switch c {
	case ListClass, DictClass, TupleClass, SetClass, FrozenSetClass, TypeClass:
		return true
	}
	return false
}

// NewGenericAlias returns c[k] as types.GenericAlias makes it.
func NewGenericAlias(c *Class, k Value) *GenericAlias { return newGenericAlias(c, k) }

func newGenericAlias(c *Class, k Value) *GenericAlias {
	args := []Value{k}
	if t, ok := k.(Tuple); ok {
		args = append([]Value{}, t...)
	}
	return &GenericAlias{Origin: c, Args: args}
}

func (g *GenericAlias) repr(th *Thread) (string, error) {
	parts := make([]string, len(g.Args))
	for i, a := range g.Args {
		s, err := typeRepr(th, a)
		if err != nil {
			return "", err
		}
		parts[i] = s
	}
	if len(parts) == 0 {
		parts = []string{"()"}
	}
	name := g.Origin.Qualname
	if g.Origin.Module != "builtins" && g.Origin.Module != "" {
		name = g.Origin.Module + "." + name
	}
	return name + "[" + strings.Join(parts, ", ") + "]", nil
}

func (g *GenericAlias) attr(name string) (Value, bool) {
	switch name {
	case "__origin__":
		return g.Origin, true
	case "__args__":
		return Tuple(append([]Value{}, g.Args...)), true
	}
	return nil, false
}

// Call implements Callable: calling list[int]() calls list().
func (g *GenericAlias) Call(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
	return th.Call(g.Origin, args, kwargs)
}
