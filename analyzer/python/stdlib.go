package python

import (
	"github.com/asterkit/aster/analyzer/python/internal/pystdlib"
	"strings"

	"github.com/asterkit/aster/analyzer/python/pyparse"
)

// Standard-library objects are never aster methods: the standard library
// does not import aster, so a call of one of its objects cannot produce aster
// method data unless its arguments bring some in. A decorator or class
// attribute that is such a call, with arguments that are only constants and
// other standard-library objects, is therefore provably not an aster method.
//
// Objects that can hand back an object that already exists are the
// exception: they find it by name (eval, pydoc.locate, pickle.loads), read it
// from the interpreter's state or from a registry user code filled
// (sys, gc, inspect, signal.getsignal, typing.get_overloads), take it from
// inside their argument (operator.attrgetter, typing.get_type_hints) or
// return what calling their argument returns (operator.call, pdb.runcall).
// Through them an aster method defined elsewhere could come back, so they
// stay errors, as do private and dunder names (f.__wrapped__, sys._getframe)
// and the builtins that are not modelled (getattr, vars, next, max, …).
//
// Standard-library objects are taken as CPython defines them: code that
// rebinds them (functools.cache = rpc) or stores aster objects into their
// state is not modelled, as attribute assignments are not for any module.

// stdlibReaching are the objects (a name covers everything under it) that
// can hand back an existing object.
var stdlibReaching = map[string]bool{
	// by name
	"code": true, "codeop": true, "copyreg": true, "imp": true, "importlib": true,
	"logging.config": true, "marshal": true, "pickle": true, "pkgutil": true, "pydoc": true,
	"runpy": true, "shelve": true, "unittest": true, "zipimport": true,
	// interpreter state, hooks and registries
	"codecs.lookup_error": true, "ctypes": true, "gc": true, "inspect": true,
	"logging.getLogRecordFactory": true, "readline": true, "signal.getsignal": true, "sys": true,
	"threading.getprofile": true, "threading.gettrace": true, "typing.get_overloads": true,
	// the argument's insides, or the result of calling it
	"bdb": true, "cProfile": true, "functools.reduce": true, "operator": true, "pdb": true,
	"profile": true, "trace": true, "typing.get_type_hints": true,
}

// stdlibInert reports whether a dotted name is a standard-library object
// that cannot hand back an existing object.
func stdlibInert(name string) bool {
	parts := strings.Split(name, ".")
	if !stdlibModules[parts[0]] {
		return false
	}
	if parts[0] == "builtins" {
		return len(parts) == 2 && builtinNames[parts[1]]
	}
	for i, p := range parts {
		if strings.HasPrefix(p, "_") || stdlibReaching[strings.Join(parts[:i+1], ".")] {
			return false
		}
	}
	return true
}

// stdlibClass reports whether a dotted name is a class of the standard
// library (per the generated table), which the runtime maps to ANY in a
// field or parameter type like any class that is not a dataclass.
func stdlibClass(name string) bool {
	i := strings.LastIndexByte(name, '.')
	if i < 0 {
		return false
	}
	m, ok := pystdlib.Lookup(name[:i])
	return ok && m.Names[name[i+1:]] == pystdlib.KindClass
}

// stdlibOf returns the dotted standard-library name of a value, or "".
func stdlibOf(v Value) string {
	switch x := v.(type) {
	case *failed:
		return x.stdlib
	case *known:
		return x.name
	case *opaque:
		return x.name
	case *knownModule:
		return x.name
	}
	return ""
}

// stdlibObject returns the name of the standard-library object a name or
// attribute chain resolves to, when that object cannot hand back an
// existing one.
func (l *Loader) stdlibObject(s scope, n *pyparse.Node) (string, bool) {
	var name string
	switch n.Kind() {
	case "identifier":
		id := ident(n.Text())
		v, _, global, ok := l.binding(s, id)
		switch {
		case global && s.mod.globals[id] != nil:
		case ok:
			name = stdlibOf(v)
		case builtinNames[id]:
			name = "builtins." + id
		}
	case "attribute":
		attr := ident(n.Child("attribute").Text())
		if base, ok := l.stdlibObject(s, n.Child("object")); ok {
			name = base + "." + attr
			break
		}
		var obj Value
		if try(func() { obj = l.eval(s, n.Child("object")) }) != nil {
			break
		}
		if m, ok := obj.(*module); ok && m.globals[attr] == nil {
			if v, ok := m.ns.lookup(attr, s.at); ok {
				name = stdlibOf(v)
			}
		}
	case "parenthesized_expression":
		if inner := n.NamedChildren(); len(inner) == 1 {
			return l.stdlibObject(s, inner[0])
		}
	}
	return name, name != "" && stdlibInert(name)
}

// inert reports whether an expression is a standard-library object, or a
// call (possibly repeated: f(a)(b)) of one whose arguments are constants or
// standard-library objects: provably not an aster method, and not one when
// used as a decorator (see the comment at the top of this file).
func (l *Loader) inert(s scope, n *pyparse.Node) bool {
	for n.Kind() == "call" {
		args := n.Child("arguments")
		if args == nil || args.Kind() != "argument_list" {
			return false
		}
		for _, a := range args.NamedChildren() {
			if !l.inertArg(s, a) {
				return false
			}
		}
		n = n.Child("function")
	}
	_, ok := l.stdlibObject(s, n)
	return ok
}

// inertArg reports whether a call argument is a constant, a standard-library
// object, or a tuple or list of them.
func (l *Loader) inertArg(s scope, a *pyparse.Node) bool {
	switch a.Kind() {
	case "keyword_argument":
		return l.inertArg(s, a.Child("value"))
	case "list_splat", "dictionary_splat":
		return false
	case "tuple", "list":
		for _, c := range a.NamedChildren() {
			if !l.inertArg(s, c) {
				return false
			}
		}
		return true
	case "identifier", "attribute", "parenthesized_expression":
		if _, ok := l.stdlibObject(s, a); ok {
			return true
		}
	}
	var v Value
	return try(func() { v = l.eval(s, a) }) == nil && isConstant(v)
}
