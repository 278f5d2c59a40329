package python

import (
	"fmt"
	"math/big"
	"slices"
	"strings"

	"github.com/asterkit/aster/analyzer/python/internal/pyrt"
	"github.com/asterkit/aster/analyzer/python/pyparse"
	"github.com/asterkit/aster/internal/pyjson"
)

// renderDefault renders a field default for the manifest (docs/formats.md "The manifest").
func (l *Loader) renderDefault(m *module, n *pyparse.Node, v Value) any {
	return l.render(m, n, v, true)
}

// render renders a default; computed allows falling back to the value
// import time computed for n, when v cannot be written (a datetime whose
// tzinfo the reading could not compute, say).
func (l *Loader) render(m *module, n *pyparse.Node, v Value, computed bool) any {
	switch x := v.(type) {
	case noneV, bool, *big.Int, float64:
		j, ok := jsonValue(x)
		if !ok {
			fail(m, n, "Use a smaller default", "the default value has more than 4300 digits; CPython cannot write it")
		}
		return j
	case string:
		if !validUTF8(x) {
			fail(m, n, "Remove the lone surrogate", "default value contains a lone surrogate")
		}
		return x
	case *enumMember:
		x = x.canonical()
		if _, mixin := l.enumFlavour(x.cls); mixin != "" {
			j, ok := jsonValue(x.value)
			if ok {
				return j
			}
		}
	case *runtimeValue:
		if p, ok := x.primitive(); ok {
			c, _ := l.fromRuntime(p)
			return l.render(m, n, c, false)
		}
	}
	s, ok := l.pyStrValue(v)
	if !ok {
		if o := l.observation(scope{mod: m}, n); computed && o != nil {
			if rv, ok := l.fromRuntime(o.v); ok {
				return l.render(m, n, rv, false)
			}
		}
		n = l.unrenderable(n, v)
		fail(m, n, "Use a constant default whose str() is reproducible (numbers, strings, bytes, tuples, enum members)", "the default value %s cannot be rendered statically", strings.TrimSpace(n.Text()))
	}
	return s
}

// unrenderable narrows a tuple display whose repr fails to the item that
// fails.
func (l *Loader) unrenderable(n *pyparse.Node, v Value) *pyparse.Node {
	for n.Kind() == "parenthesized_expression" && len(n.NamedChildren()) == 1 {
		n = n.NamedChildren()[0]
	}
	t, ok := v.(tuple)
	if !ok || (n.Kind() != "tuple" && n.Kind() != "expression_list") {
		return n
	}
	items := n.NamedChildren()
	if len(items) != len(t) {
		return n
	}
	for i, it := range items {
		if _, ok := l.pyRepr(t[i]); !ok {
			return l.unrenderable(it, t[i])
		}
	}
	return n
}

// pyStrValue is Python's str() for values the manifest may render.
func (l *Loader) pyStrValue(v Value) (string, bool) {
	switch x := v.(type) {
	case *enumMember:
		x = x.canonical()
		flavour, mixin := l.enumFlavour(x.cls)
		if mixin != "" {
			return pyStr(x.value)
		}
		if flavour == "Flag" && !singleBit(x.value) {
			return "", false
		}
		return x.cls.name + "." + x.name, true
	case string:
		return x, true
	case frozenset:
		if len(x) == 0 {
			return "frozenset()", true
		}
		return "", false
	case *runtimeValue:
		return x.text(pyrt.ToStr)
	}
	return l.pyRepr(v)
}

// pyRepr is Python's repr() for the same values.
func (l *Loader) pyRepr(v Value) (string, bool) {
	switch x := v.(type) {
	case noneV:
		return "None", true
	case bool, *big.Int, float64:
		return pyStr(x)
	case string:
		return pyjson.StrRepr(x), true
	case pyBytes:
		return bytesRepr(string(x)), true
	case *enumMember:
		x = x.canonical()
		r, ok := l.pyRepr(x.value)
		return fmt.Sprintf("<%s.%s: %s>", x.cls.name, x.name, r), ok
	case tuple:
		parts := make([]string, len(x))
		for i, e := range x {
			r, ok := l.pyRepr(e)
			if !ok {
				return "", false
			}
			parts[i] = r
		}
		if len(parts) == 1 {
			return "(" + parts[0] + ",)", true
		}
		return "(" + strings.Join(parts, ", ") + ")", true
	case frozenset:
		if len(x) == 0 {
			return "frozenset()", true
		}
	case *instance:
		if slices.Contains(l.knownBases(x.cls), "typing.NamedTuple") {
			return l.namedTupleRepr(x)
		}
		return l.instanceRepr(x)
	case *class:
		// str() and repr() of a class object; enum classes render
		// differently and are not needed.
		if f, _ := l.enumFlavour(x); f == "" {
			return "<class '" + x.mod.name + "." + x.qualname + "'>", true
		}
	case *known:
		if name, ok := strings.CutPrefix(x.name, "builtins."); ok && builtinNames[name] {
			return "<class '" + name + "'>", true
		}
	case *runtimeValue:
		return x.text(pyrt.Repr)
	}
	return "", false
}

// namedTupleRepr renders a typing.NamedTuple instance built from
// arguments for every field: Name(x=…, y=…).
func (l *Loader) namedTupleRepr(in *instance) (string, bool) {
	fs := in.cls.fields
	if len(in.args) > len(fs) {
		return "", false
	}
	vals := map[string]Value{}
	for i, a := range in.args {
		vals[fs[i].name] = a
	}
	for _, k := range in.kwargs {
		vals[k.name] = k.v
	}
	parts := make([]string, len(fs))
	for i, f := range fs {
		v, ok := vals[f.name]
		if !ok {
			return "", false
		}
		r, ok := l.pyRepr(v)
		if !ok {
			return "", false
		}
		parts[i] = f.name + "=" + r
	}
	return in.cls.name + "(" + strings.Join(parts, ", ") + ")", true
}

// instanceRepr renders a frozen dataclass instance's repr.
func (l *Loader) instanceRepr(in *instance) (string, bool) {
	c := in.cls
	if c.dataclass == nil || !isTrue(dcOption(c, "frozen")) || isFalse(dcOption(c, "repr")) {
		return "", false
	}
	fs := l.fields(c)
	vals := map[string]Value{}
	var initFields []*dcField
	for _, f := range fs {
		if f.init {
			initFields = append(initFields, f)
		}
	}
	if len(in.args) > len(initFields) {
		return "", false
	}
	for i, a := range in.args {
		vals[initFields[i].name] = a
	}
	for _, k := range in.kwargs {
		vals[k.name] = k.v
	}
	var parts []string
	for _, f := range fs {
		v, ok := vals[f.name]
		if !ok {
			if !f.hasDefault {
				return "", false
			}
			v = f.def
		}
		r, ok := l.pyRepr(v)
		if !ok {
			return "", false
		}
		parts = append(parts, f.name+"="+r)
	}
	return c.qualname + "(" + strings.Join(parts, ", ") + ")", true
}

// bytesRepr is Python's repr of bytes.
func bytesRepr(b string) string {
	q := byte('\'')
	if strings.IndexByte(b, '\'') >= 0 && strings.IndexByte(b, '"') < 0 {
		q = '"'
	}
	var sb strings.Builder
	sb.WriteString("b")
	sb.WriteByte(q)
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case c == '\\':
			sb.WriteString(`\\`)
		case c == q:
			sb.WriteByte('\\')
			sb.WriteByte(q)
		case c == '\t':
			sb.WriteString(`\t`)
		case c == '\n':
			sb.WriteString(`\n`)
		case c == '\r':
			sb.WriteString(`\r`)
		case c < 0x20 || c >= 0x7f:
			fmt.Fprintf(&sb, `\x%02x`, c)
		default:
			sb.WriteByte(c)
		}
	}
	sb.WriteByte(q)
	return sb.String()
}
