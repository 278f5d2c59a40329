package python

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/asterkit/aster/analyzer"
	"github.com/asterkit/aster/analyzer/python/internal/pyrt"
	"github.com/asterkit/aster/analyzer/python/pyparse"
	"golang.org/x/text/unicode/norm"
)

// scope is where names are looked up: a class body (optional), the
// module's globals, then builtins; only bindings made before seq at count.
type scope struct {
	mod *module
	cls *class
	at  int
	// modFirst looks in the module before the class body (string
	// annotations of dataclass fields).
	modFirst bool
	// anno evaluates string constants as annotations.
	anno bool
	// str, when set, is where string annotations are evaluated: the
	// same module, as anno.
	str stringScope
	// raw keeps string annotations as strings (forward references), as
	// the raw __annotations__ hold them.
	raw bool
}

// stringScope is a scope's own scope for string annotations, in the same
// module. It is a value rather than a *scope, so that making a scope
// allocates nothing.
type stringScope struct {
	set      bool
	cls      *class
	at       int
	modFirst bool
}

// scope is the scope s stands for in module m.
func (s stringScope) scope(m *module) scope {
	return scope{mod: m, cls: s.cls, at: s.at, modFirst: s.modFirst, anno: true}
}

// ident normalises an identifier to NFKC.
func ident(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return norm.NFKC.String(s)
		}
	}
	return s
}

const hintUndefined = "Define or import it before this point (names imported under 'if TYPE_CHECKING:' are not bound at run time)"

const hintStatic = "Use a constant, or a name bound to one at module level"

// binding returns the latest binding of a name visible from s (a *failed
// one included), its sequence number, and whether it is a module binding.
func (l *Loader) binding(s scope, name string) (v Value, seq int, global, ok bool) {
	if s.cls != nil && !s.modFirst {
		v, seq, ok = s.cls.ns.lookupSeq(name, s.at)
	}
	if !ok {
		if v, seq, ok = s.mod.ns.lookupSeq(name, s.at); ok {
			global = true
		}
	}
	if !ok && s.cls != nil && s.modFirst {
		v, seq, ok = s.cls.ns.lookupSeq(name, s.at)
	}
	return v, seq, global, ok
}

func (l *Loader) lookup(s scope, name string, n *pyparse.Node) Value {
	v, seq, global, ok := l.binding(s, name)
	if global {
		checkGlobal(s.mod, name, n)
	}
	if ok {
		l.noteHost(s.mod, n, l.hostBound[seq])
	}
	if !ok {
		switch {
		case builtinNames[name]:
			return builtinValues[name]
		case name == "__name__":
			return s.mod.name
		}
		panic(&nameError{Error: posErr(s.mod, n, hintUndefined, "name '%s' is not defined here", name), name: name, typeChecking: s.mod.typeChecking[name]})
	}
	if f, ok := v.(*failed); ok {
		if s.anno && f.stdlib != "" {
			// A standard-library object as a type: the runtime maps it
			// to ANY like any class that is not a dataclass.
			return &opaque{f.stdlib}
		}
		useFailed(s.mod, n, name, f)
	}
	return v
}

// checkGlobal rejects module names that a function declares global.
func checkGlobal(m *module, name string, n *pyparse.Node) {
	if g, ok := m.globals[name]; ok {
		l, c := g.Pos()
		fail(m, n, "Bind it once at module level and never reassign it", "name '%s' is declared global in a function (%s:%d:%d); its value cannot be determined statically", name, m.file, l, c)
	}
}

// useFailed reports the use of a binding whose value is unknown, at the
// use, saying why and where it was bound.
func useFailed(m *module, n *pyparse.Node, name string, f *failed) {
	var ae *analyzer.Error
	if !errors.As(f.err, &ae) {
		panic(f.err)
	}
	where := fmt.Sprintf("%s:%d:%d", ae.File, ae.Line, ae.Col)
	fail(m, n, ae.Hint, "'%s' cannot be resolved statically: %s (at %s)", name, ae.Msg, where)
}

// evalExpr evaluates an expression statically.
func (l *Loader) evalExpr(s scope, n *pyparse.Node) Value {
	switch n.Kind() {
	case "identifier":
		return l.lookup(s, ident(n.Text()), n)
	case "attribute":
		obj := l.eval(s, n.Child("object"))
		return l.attr(s, obj, ident(n.Child("attribute").Text()), n)
	case "parenthesized_expression":
		inner := n.NamedChildren()
		if len(inner) == 1 {
			return l.eval(s, inner[0])
		}
	case "integer":
		return parseInt(s.mod, n)
	case "float":
		t := strings.ReplaceAll(n.Text(), "_", "")
		if strings.ContainsAny(t, "jJ") {
			fail(s.mod, n, hintStatic, "complex numbers are not supported")
		}
		f, err := strconv.ParseFloat(t, 64)
		if err != nil && !math.IsInf(f, 0) {
			fail(s.mod, n, hintStatic, "cannot read the number %s", n.Text())
		}
		return f
	case "true":
		return true
	case "false":
		return false
	case "ellipsis":
		return &known{"builtins.Ellipsis"}
	case "none":
		return noneV{}
	case "string", "concatenated_string":
		v := l.evalString(s, n)
		if str, ok := v.(string); ok && s.anno {
			if s.raw {
				return nestedRef(str)
			}
			if s.str.set {
				return l.evalStringAnno(s.str.scope(s.mod), n, str)
			}
			return l.evalStringAnno(s, n, str)
		}
		return v
	case "tuple", "expression_list", "pattern_list":
		var out tuple
		for _, c := range n.NamedChildren() {
			out = append(out, l.eval(s, c))
		}
		return out
	case "list":
		out := list{}
		for _, c := range n.NamedChildren() {
			out = append(out, l.eval(s, c))
		}
		return out
	case "dictionary":
		d := &dict{}
		for _, c := range n.NamedChildren() {
			if c.Kind() != "pair" {
				fail(s.mod, c, hintStatic, "this dict entry cannot be evaluated statically")
			}
			d.keys = append(d.keys, l.eval(s, c.Child("key")))
			d.vals = append(d.vals, l.eval(s, c.Child("value")))
		}
		return d
	case "unary_operator":
		return l.unary(s, n)
	case "binary_operator":
		return l.binary(s, n)
	case "subscript":
		return l.subscript(s, n)
	case "call":
		return l.call(s, n)
	case "lambda":
		return &opaque{"lambda"}
	}
	fail(s.mod, n, hintStatic, "this expression cannot be evaluated statically")
	return nil
}

// evalStringAnno evaluates a string annotation as an expression.
func (l *Loader) evalStringAnno(s scope, at *pyparse.Node, src string) Value {
	f, err := pyparse.Parse(strings.TrimSpace(src))
	if err != nil || len(f.Root.NamedChildren()) != 1 || f.Root.NamedChildren()[0].Kind() != "expression_statement" || len(f.Root.NamedChildren()[0].NamedChildren()) != 1 {
		fail(s.mod, at, "Write a valid type expression", "the string annotation %q is not an expression", src)
	}
	var v Value
	var ne *nameError
	err = try(func() { ne = tryName(func() { v = l.eval(s, f.Root.NamedChildren()[0].NamedChildren()[0]) }) })
	if ne != nil {
		err = ne.Error
	}
	if err != nil {
		// Report at the string, with the inner message.
		msg := err.Error()
		if i := strings.Index(msg, ": "); i >= 0 && strings.HasPrefix(msg, s.mod.file) {
			msg = msg[i+2:]
		}
		e := posErr(s.mod, at, "Define or import the name before it is used", "in string annotation %q: %s", src, msg)
		if ne != nil {
			panic(&nameError{Error: e, name: ne.name, inString: true, typeChecking: ne.typeChecking})
		}
		panic(e)
	}
	return v
}

func parseInt(m *module, n *pyparse.Node) Value {
	t := strings.ToLower(strings.ReplaceAll(n.Text(), "_", ""))
	if strings.HasSuffix(t, "j") {
		fail(m, n, hintStatic, "complex numbers are not supported")
	}
	base := 10
	switch {
	case strings.HasPrefix(t, "0x"):
		base, t = 16, t[2:]
	case strings.HasPrefix(t, "0o"):
		base, t = 8, t[2:]
	case strings.HasPrefix(t, "0b"):
		base, t = 2, t[2:]
	}
	v, ok := new(big.Int).SetString(t, base)
	if !ok {
		fail(m, n, hintStatic, "cannot read the integer %s", n.Text())
	}
	return v
}

func (l *Loader) attr(s scope, obj Value, name string, n *pyparse.Node) Value {
	switch o := obj.(type) {
	case *module:
		if v, ok := o.ns.lookup(name, s.at); ok {
			checkGlobal(o, name, n)
			if f, ok := v.(*failed); ok {
				useFailed(s.mod, n, name, f)
			}
			return v
		}
		if sub := l.modules[o.name+"."+name]; sub != nil && sub.started > 0 && sub.started < s.at && !o.ns.has(name, s.at) {
			// The submodule is being imported: its package gets the
			// attribute only when that import ends.
			fail(s.mod, n, "Break the import cycle, or import the name from the submodule once it is defined", "cannot access submodule '%s' of module '%s' (most likely due to a circular import) (CPython raises AttributeError)", name, o.name)
		}
		if o.loading {
			fail(s.mod, n, "Break the import cycle or move the definition above the import", "module '%s' has no attribute '%s' yet (partially initialised module)", o.name, name)
		}
	case *knownModule:
		v, ok := l.knownAttr(o.name, name)
		if !ok {
			fail(s.mod, n, "aster "+asterVersion+" has no such name; check the spelling", "module '%s' has no attribute '%s'", o.name, name)
		}
		return v
	case *known:
		switch o.name {
		case "aster.SerializationMode":
			if serializationModes[name] {
				return &known{o.name + "." + name}
			}
		case "aster.RpcScope":
			if name == "SHARED" || name == "SESSION" {
				return &known{o.name + "." + name}
			}
		default:
			if !strings.HasPrefix(o.name, "aster.") && !strings.HasPrefix(o.name, "typing.") && !strings.HasPrefix(o.name, "pyfory.") {
				// An attribute of a modelled class (datetime.now, …):
				// fine as a factory, an error where it feeds the contract.
				return &opaque{o.name + "." + name}
			}
		}
	case *class:
		if ms := l.enumMembers(o); ms != nil {
			for _, m := range ms {
				if m.name == name {
					return m
				}
			}
		}
		for _, c := range l.mro(o) {
			if v, ok := c.ns.lookup(name, final); ok {
				if f, ok := v.(*failed); ok {
					useFailed(s.mod, n, name, f)
				}
				return v
			}
		}
	case *enumMember:
		switch name {
		case "value":
			return o.value
		case "name":
			return o.name
		}
	case *opaque:
		return &opaque{o.name + "." + name}
	}
	fail(s.mod, n, hintStatic, "attribute '%s' cannot be resolved statically", name)
	return nil
}

func (l *Loader) unary(s scope, n *pyparse.Node) Value {
	v := l.eval(s, n.Child("argument"))
	op := n.Child("operator").Text()
	switch x := v.(type) {
	case *big.Int:
		switch op {
		case "-":
			return new(big.Int).Neg(x)
		case "+":
			return x
		case "~":
			return new(big.Int).Not(x)
		}
	case bool:
		i := bigInt(0)
		if x {
			i = bigInt(1)
		}
		return l.unaryInt(op, i)
	case float64:
		switch op {
		case "-":
			return -x
		case "+":
			return x
		}
	}
	fail(s.mod, n, hintStatic, "operator %s cannot be applied statically here", op)
	return nil
}

func (l *Loader) unaryInt(op string, i *big.Int) Value {
	switch op {
	case "-":
		return i.Neg(i)
	case "~":
		return i.Not(i)
	}
	return i
}

// asFloat converts an int or float operand to float64.
func asFloat(v Value) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case *big.Int:
		if x.IsInt64() {
			return float64(x.Int64()), true // rounded as Float64 rounds
		}
		f, _ := new(big.Float).SetInt(x).Float64()
		return f, !math.IsInf(f, 0)
	case bool:
		if x {
			return 1, true
		}
		return 0, true
	}
	return 0, false
}

func asInt(v Value) (*big.Int, bool) {
	switch x := v.(type) {
	case *big.Int:
		return x, true
	case bool:
		if x {
			return bigInt(1), true
		}
		return bigInt(0), true
	}
	return nil, false
}

var maxExact = new(big.Int).Lsh(bigInt(1), 53)

func (l *Loader) binary(s scope, n *pyparse.Node) Value {
	op := n.Child("operator").Text()
	a := l.eval(s, n.Child("left"))
	b := l.eval(s, n.Child("right"))
	bad := func(why string) Value {
		fail(s.mod, n, hintStatic, "%s cannot be computed statically (%s)", strings.TrimSpace(n.Text()), why)
		return nil
	}
	if op == "|" {
		if isTypeish(a) && isTypeish(b) {
			return l.unionOr(a, b)
		}
	}
	if x, ok := a.(string); ok {
		if y, ok := b.(string); ok && op == "+" {
			return x + y
		}
		return bad("unsupported string operation")
	}
	if x, ok := a.(pyBytes); ok {
		if y, ok := b.(pyBytes); ok && op == "+" {
			return x + y
		}
		return bad("unsupported bytes operation")
	}
	ai, aInt := asInt(a)
	bi, bInt := asInt(b)
	if aInt && bInt {
		r := new(big.Int)
		switch op {
		case "+":
			return r.Add(ai, bi)
		case "-":
			return r.Sub(ai, bi)
		case "*":
			if ai.BitLen()+bi.BitLen() > 1<<20 {
				return bad("result too large")
			}
			return r.Mul(ai, bi)
		case "//", "%":
			if bi.Sign() == 0 {
				return bad("division by zero")
			}
			q, m := new(big.Int).QuoRem(ai, bi, new(big.Int))
			// QuoRem truncates; Python floors toward -inf.
			if m.Sign() != 0 && (m.Sign() < 0) != (bi.Sign() < 0) {
				q.Sub(q, bigInt(1))
				m.Add(m, bi)
			}
			if op == "//" {
				return q
			}
			return m
		case "/":
			if bi.Sign() == 0 {
				return bad("division by zero")
			}
			if new(big.Int).Abs(ai).Cmp(maxExact) > 0 || new(big.Int).Abs(bi).Cmp(maxExact) > 0 {
				return bad("integer operands beyond 2**53")
			}
			fa, _ := asFloat(ai)
			fb, _ := asFloat(bi)
			return fa / fb
		case "**":
			if bi.Sign() < 0 {
				return bad("negative exponent gives an inexact float")
			}
			if bi.BitLen() > 32 || int64(ai.BitLen())*bi.Int64() > 1<<20 {
				return bad("result too large")
			}
			return r.Exp(ai, bi, nil)
		case "<<", ">>", "&", "|", "^":
			switch op {
			case "&":
				return r.And(ai, bi)
			case "|":
				return r.Or(ai, bi)
			case "^":
				return r.Xor(ai, bi)
			}
			if bi.Sign() < 0 || bi.BitLen() > 20 {
				return bad("shift count out of range")
			}
			if op == "<<" {
				return r.Lsh(ai, uint(bi.Int64()))
			}
			return r.Rsh(ai, uint(bi.Int64()))
		}
		return bad("unsupported operator")
	}
	fa, okA := asFloat(a)
	fb, okB := asFloat(b)
	if !okA || !okB {
		return bad("operands are not numbers")
	}
	switch op {
	case "+":
		return fa + fb
	case "-":
		return fa - fb
	case "*":
		return fa * fb
	case "/":
		if fb == 0 {
			return bad("division by zero")
		}
		return fa / fb
	case "//", "%":
		if fb == 0 {
			return bad("division by zero")
		}
		q, m := pyrt.FloatDivMod(fa, fb)
		if op == "//" {
			return q
		}
		return m
	}
	return bad("unsupported float operation")
}
