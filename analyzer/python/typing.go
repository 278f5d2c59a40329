package python

import (
	"math/big"
	"slices"

	"github.com/asterkit/aster/analyzer/python/pyparse"
)

// typingOrigins maps the typing aliases of builtin classes to their
// origins, values shared by every alias made; unionOrigin is the origin of
// typing.Union.
var (
	typingOrigins = map[string]*known{
		"typing.List": {"builtins.list"}, "typing.Dict": {"builtins.dict"}, "typing.Set": {"builtins.set"},
		"typing.FrozenSet": {"builtins.frozenset"}, "typing.Tuple": {"builtins.tuple"}, "typing.Type": {"builtins.type"},
	}
	unionOrigin = &known{"typing.Union"}
)

// isTypeish reports whether | on v builds a union.
func isTypeish(v Value) bool {
	switch x := v.(type) {
	case noneV, *class, *generic, *pipeUnion, *annotated:
		return true
	case *known:
		return x.name != "typing.TYPE_CHECKING"
	case *call:
		return isTypeVar(x)
	}
	return false
}

// isTypeVar reports a TypeVar or NewType object: typing objects whose |
// builds a typing.Union on 3.11.
func isTypeVar(c *call) bool {
	return c.fn == "typing.TypeVar" || c.fn == "typing.NewType"
}

// typingFlavoured reports whether | on v gives a typing.Union (rather than
// types.UnionType).
func typingFlavoured(v Value) bool {
	switch x := v.(type) {
	case *generic:
		return x.typing
	case *annotated:
		return true
	case *call:
		return isTypeVar(x)
	case *known:
		// typing.Any is a class on 3.11: its | is type.__or__.
		return len(x.name) > 7 && x.name[:7] == "typing." && x.name != "typing.Any"
	}
	return false
}

func (l *Loader) unionOr(a, b Value) Value {
	if typingFlavoured(a) || typingFlavoured(b) {
		return makeUnion([]Value{a, b})
	}
	var arms []Value
	for _, v := range []Value{a, b} {
		if p, ok := v.(*pipeUnion); ok {
			arms = append(arms, p.args...)
		} else {
			arms = append(arms, v)
		}
	}
	arms = dedupe(arms)
	if len(arms) == 1 {
		return arms[0]
	}
	return &pipeUnion{arms}
}

// makeUnion builds typing.Union[args]: flattened, deduplicated, a single
// arm collapsing to itself.
func makeUnion(args []Value) Value {
	flat := make([]Value, 0, len(args)+1)
	for _, a := range args {
		if isUnion(a) {
			flat = append(flat, a.(*generic).args...)
		} else if p, ok := a.(*pipeUnion); ok {
			flat = append(flat, p.args...)
		} else {
			flat = append(flat, a)
		}
	}
	flat = dedupe(flat)
	if len(flat) == 1 {
		return flat[0]
	}
	return &generic{origin: unionOrigin, args: flat, typing: true}
}

func isUnion(v Value) bool {
	g, ok := v.(*generic)
	return ok && isKnown(g.origin, "typing.Union")
}

// dedupe drops the types equal to one before them, in place: it reuses
// vs's array.
func dedupe(vs []Value) []Value {
	out := vs[:0]
	for _, v := range vs {
		dup := false
		for _, o := range out {
			if sameType(o, v) {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, v)
		}
	}
	return out
}

// sameType is type equality as Python's == on annotation objects.
func sameType(a, b Value) bool {
	switch x := a.(type) {
	case noneV:
		return isNone(b)
	case *known:
		y, ok := b.(*known)
		return ok && x.name == y.name
	case *opaque:
		y, ok := b.(*opaque)
		return ok && x.name == y.name
	case *generic:
		y, ok := b.(*generic)
		if !ok || !sameType(x.origin, y.origin) || len(x.args) != len(y.args) {
			return false
		}
		for i := range x.args {
			if !sameType(x.args[i], y.args[i]) {
				return false
			}
		}
		return true
	case *pipeUnion:
		y, ok := b.(*pipeUnion)
		if !ok || len(x.args) != len(y.args) {
			return false
		}
		for i := range x.args {
			if !sameType(x.args[i], y.args[i]) {
				return false
			}
		}
		return true
	case *annotated:
		y, ok := b.(*annotated)
		return ok && sameType(x.t, y.t)
	case string:
		y, ok := b.(string)
		return ok && x == y
	case *big.Int:
		y, ok := b.(*big.Int)
		return ok && x.Cmp(y) == 0
	case bool:
		y, ok := b.(bool)
		return ok && x == y
	}
	return a == b
}

// subscript evaluates value[index].
func (l *Loader) subscript(s scope, n *pyparse.Node) Value {
	v := l.eval(s, n.Child("value"))
	idx := n.ChildrenOf("subscript")
	var argNodes []*pyparse.Node
	if len(idx) == 1 && idx[0].Kind() == "tuple" {
		argNodes = idx[0].NamedChildren()
	} else {
		argNodes = idx
	}
	literal := isKnown(v, "typing.Literal")
	sa := s
	sa.anno = s.anno && !literal
	// evalArgs appends the evaluated arguments to out.
	evalArgs := func(out []Value) []Value {
		for _, a := range argNodes {
			if a.Kind() == "list" && !literal {
				out = append(out, evalArgsList(l, sa, a)...)
				continue
			}
			out = append(out, l.eval(sa, a))
		}
		return out
	}
	// gen is origin[args], the arguments in the value's own room when they
	// fit.
	gen := func(origin Value, typing bool) *generic {
		g := &generic{origin: origin, typing: typing}
		g.args = evalArgs(g.room[:0])
		return g
	}
	bad := func(why string) Value {
		fail(s.mod, n, "Write the annotation with typing or builtin generics", "%s cannot be resolved statically: %s", n.Text(), why)
		return nil
	}
	switch x := v.(type) {
	case *known:
		switch x.name {
		case "builtins.list", "builtins.set", "builtins.frozenset", "builtins.dict", "builtins.tuple", "builtins.type":
			return gen(x, false)
		case "typing.Optional":
			args := evalArgs(make([]Value, 0, len(argNodes)))
			if len(args) != 1 {
				return bad("Optional takes one argument")
			}
			return makeUnion([]Value{args[0], noneV{}})
		case "typing.Union":
			args := evalArgs(make([]Value, 0, len(argNodes)))
			if len(args) == 0 {
				return bad("Union needs arguments")
			}
			return makeUnion(args)
		case "typing.Annotated":
			if len(argNodes) < 2 {
				return bad("Annotated needs a type and metadata")
			}
			t := l.eval(sa, argNodes[0])
			ms := s
			ms.anno = false
			var meta []Value
			for _, m := range argNodes[1:] {
				var mv Value
				if err := try(func() { mv = l.eval(ms, m) }); err != nil {
					mv = &failed{err: err}
				}
				meta = append(meta, mv)
			}
			if a, ok := t.(*annotated); ok {
				// A new slice: a's metadata may be shared by other aliases.
				return &annotated{t: a.t, meta: slices.Concat(a.meta, meta)}
			}
			return &annotated{t: t, meta: meta}
		case "typing.Literal":
			g := gen(x, true)
			g.literal = true
			return g
		case "typing.ClassVar", "dataclasses.InitVar", "typing.Final":
			return gen(x, true)
		case "typing.Generic", "typing.Protocol":
			return gen(x, true)
		}
		if o, ok := typingOrigins[x.name]; ok {
			return gen(o, true)
		}
		if len(x.name) > 16 && x.name[:16] == "collections.abc." {
			return gen(x, false)
		}
		if len(x.name) > 7 && x.name[:7] == "typing." {
			abc := "collections.abc." + x.name[7:]
			if _, ok := knownAttrs[abc]; ok {
				return gen(&known{abc}, true)
			}
			return gen(x, true)
		}
	case *class:
		return gen(x, true)
	case *opaque:
		if stdlibClass(x.name) {
			// collections.deque[int] and friends: a types.GenericAlias
			// whose origin is the class.
			return gen(x, false)
		}
	case *generic:
		return bad("re-subscripting a generic alias is not supported")
	}
	return bad("not a generic type")
}

func evalArgsList(l *Loader, s scope, n *pyparse.Node) []Value {
	var out []Value
	for _, c := range n.NamedChildren() {
		out = append(out, l.eval(s, c))
	}
	return out
}

// strip removes Annotated wrappers at every depth (get_type_hints).
func strip(v Value) Value {
	switch x := v.(type) {
	case *annotated:
		return strip(x.t)
	case *generic:
		if x.literal {
			return x
		}
		var args []Value // made at the first argument that changes
		for i, a := range x.args {
			if s := strip(a); args != nil {
				args[i] = s
			} else if s != a {
				args = slices.Clone(x.args)
				args[i] = s
			}
		}
		if args == nil {
			return x
		}
		if isUnion(x) {
			return makeUnion(args)
		}
		g := *x
		g.args = args
		return &g
	case *pipeUnion:
		args := make([]Value, len(x.args))
		for i, a := range x.args {
			args[i] = strip(a)
		}
		return &pipeUnion{args}
	}
	return v
}

// originOf returns the origin of an annotation (nil when none) and its
// arguments, as typing.get_origin/get_args on 3.11.
func originOf(v Value) (Value, []Value) {
	switch x := v.(type) {
	case *generic:
		return x.origin, x.args
	case *known:
		if o, ok := typingOrigins[x.name]; ok {
			return o, nil
		}
		if len(x.name) > 7 && x.name[:7] == "typing." {
			abc := "collections.abc." + x.name[7:]
			if _, ok := knownAttrs[abc]; ok {
				return &known{abc}, nil
			}
		}
	}
	return nil, nil
}

// optionalArm returns X for a typing.Union of X and None.
func optionalArm(v Value) (Value, bool) {
	if !isUnion(v) {
		return v, false
	}
	args := v.(*generic).args
	var other []Value
	hasNone := false
	for _, a := range args {
		if isNone(a) {
			hasNone = true
		} else {
			other = append(other, a)
		}
	}
	if hasNone && len(other) == 1 {
		return other[0], true
	}
	return v, false
}
