package python

import (
	"slices"
	"strings"

	"github.com/asterkit/aster/analyzer"
	"github.com/asterkit/aster/analyzer/python/pyparse"
	"github.com/asterkit/aster/internal/pyjson"
)

// This file emulates typing.get_type_hints as aster meets it: the hints of
// a class or function are evaluated at a given moment, and when one name is
// not bound then, the runtime falls back to the raw annotations of the whole
// class or function (string annotations stay strings).

// nameError is a name that is not bound where an annotation is evaluated
// (Python's NameError).
type nameError struct {
	*analyzer.Error
	name string
	// inString is set when the name is inside a string annotation (a
	// forward reference, resolved late).
	inString bool
	// typeChecking is set when the module imports the name only under
	// `if TYPE_CHECKING:`.
	typeChecking bool
}

// tryName runs f and returns the nameError it raised, if any.
func tryName(f func()) (ne *nameError) {
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(*nameError)
			if !ok {
				panic(r)
			}
			ne = e
		}
	}()
	f()
	return nil
}

// hints are the resolved annotations of a class or function; fallback is
// the name whose failure made them the raw annotations.
type hints struct {
	byNode   map[*pyparse.Node]Value
	fallback *nameError
}

// hintCache holds the hints of a class or function by the moment they
// were computed at: most are computed at one moment only, held without a
// map.
type hintCache struct {
	first *hints
	at    int
	more  map[int]*hints
}

// get returns the hints computed at moment at, if any.
func (c *hintCache) get(at int) (*hints, bool) {
	if c.first != nil && c.at == at {
		return c.first, true
	}
	h, ok := c.more[at]
	return h, ok
}

// put keeps the hints computed at moment at.
func (c *hintCache) put(at int, h *hints) {
	switch {
	case c.first == nil:
		c.first, c.at = h, at
	case c.more == nil:
		c.more = map[int]*hints{at: h}
	default:
		c.more[at] = h
	}
}

// classHints are get_type_hints(c) at moment at: every annotation of every
// class in the MRO, each in its declaring class's module.
func (l *Loader) classHints(c *class, at int) *hints {
	mro := l.mro(c)
	if !slices.ContainsFunc(mro, lateClass) {
		at = 0 // computed by the class bodies: the same at every moment
	}
	if h, ok := c.hints.get(at); ok {
		return h
	}
	h := &hints{byNode: map[*pyparse.Node]Value{}}
	eval := func(raw bool) *nameError {
		for i := len(mro) - 1; i >= 0; i-- {
			owner := mro[i]
			for i := range owner.fields {
				d := &owner.fields[i]
				s := fieldScope(owner, d, at)
				if raw {
					h.byNode[d.anno] = strip(l.rawAnno(s, d.anno))
					continue
				}
				var v Value
				ne := tryName(func() { v = strip(l.eval(s, d.anno)) })
				if ne != nil {
					if !ne.inString && !lateAnno(owner, d) {
						panic(ne) // the class body itself fails at import
					}
					return ne
				}
				h.byNode[d.anno] = v
			}
		}
		return nil
	}
	if ne := eval(false); ne != nil {
		h.fallback = ne
		eval(true)
		if at == final {
			why, fix := "is not defined when the runtime reads", "define or import '"+ne.name+"' at module level"
			if ne.typeChecking {
				why, fix = "is imported only under TYPE_CHECKING, so the runtime cannot read", "import '"+ne.name+"' at run time, not only under TYPE_CHECKING"
			}
			l.warnAt(ne.Error, "name '%s' %s the type hints of class %s: all its fields keep their raw annotations (string annotations hash as ANY and the classes they name leave the type graph); %s", ne.name, why, c.name, fix)
		} else if l.classHints(c, final).fallback == nil {
			// (When the hints fail for good, that warning says more.)
			l.warnAt(ne.Error, "name '%s' is not defined yet when the @service class statement ends, so the runtime's walk reads the raw annotations of class %s and gives no automatic wire tag to what a string annotation names that is not defined yet; define '%s' above the @service class, or give those classes @wire_type", ne.name, c.name, ne.name)
		}
	}
	c.hints.put(at, h)
	return h
}

// lateClass reports whether a class has an annotation that
// get_type_hints evaluates later than the class body (one with a string).
// The answer is kept for the fields the class has when it is computed.
func lateClass(c *class) bool {
	if c.lateFields != len(c.fields)+1 {
		c.late = slices.ContainsFunc(c.fields, func(d fieldDecl) bool {
			return lateAnno(c, &d) || strings.ContainsAny(d.anno.Text(), "'\"")
		})
		c.lateFields = len(c.fields) + 1
	}
	return c.late
}

// lateAnno reports whether a field annotation is evaluated by
// get_type_hints rather than when the class body runs (a string, or any
// annotation under the __future__ import).
func lateAnno(c *class, d *fieldDecl) bool {
	return c.mod.future || d.anno.Kind() == "string" || d.anno.Kind() == "concatenated_string"
}

// fieldScope is where get_type_hints evaluates a field annotation of class
// c at moment at: the declaring module's globals, then the class body.
func fieldScope(c *class, d *fieldDecl, at int) scope {
	late := stringScope{set: true, cls: c, at: at, modFirst: true}
	if lateAnno(c, d) {
		return late.scope(c.mod)
	}
	return scope{mod: c.mod, cls: c, at: d.seq, anno: true, str: late}
}

// funcHints are get_type_hints(f) at moment end: the parameter and return
// annotations, strings resolved in the module's globals.
func (l *Loader) funcHints(f *function, end int) *hints {
	if h, ok := f.hints.get(end); ok {
		return h
	}
	h := &hints{byNode: map[*pyparse.Node]Value{}}
	var annos []*pyparse.Node
	for _, p := range l.params(f) {
		if p.anno != nil {
			annos = append(annos, p.anno)
		}
	}
	if ret := f.node.Child("return_type"); ret != nil {
		annos = append(annos, ret)
	}
	eval := func(raw bool) *nameError {
		for _, n := range annos {
			s := l.annoScope(f, n, end)
			if raw {
				h.byNode[n] = l.rawAnno(s, n)
				continue
			}
			var v Value
			ne := tryName(func() { v = l.eval(s, n) })
			if ne != nil {
				if !ne.inString && n.Kind() != "string" && n.Kind() != "concatenated_string" && !f.mod.future {
					panic(ne) // the def statement itself fails at import
				}
				return ne
			}
			checkOpaque(f.mod, n, v)
			h.byNode[n] = v
		}
		return nil
	}
	if ne := eval(false); ne != nil {
		h.fallback = ne
		eval(true)
		l.warnAt(ne.Error, "name '%s' is not defined yet when the @service class statement ends, so the runtime keeps the raw annotations of method %s: its string request and response types are matched by name suffix among the hashed types; define '%s' above the @service class", ne.name, f.name, ne.name)
	}
	f.hints.put(end, h)
	return h
}

// rawAnno is an annotation as __annotations__ holds it: a string as
// written (every annotation under the __future__ import), else the value
// the def or class body computed, with strings inside kept as strings.
func (l *Loader) rawAnno(s scope, n *pyparse.Node) Value {
	isStr := n.Kind() == "string" || n.Kind() == "concatenated_string"
	switch {
	case s.mod.future && isStr:
		// The compiler stores the annotation's source: a string
		// annotation keeps its quotes.
		str, _ := l.evalString(s, n).(string)
		return forwardRef(pyjson.StrRepr(str))
	case s.mod.future:
		return forwardRef(n.Text())
	case isStr:
		str, _ := l.evalString(s, n).(string)
		return forwardRef(str)
	}
	// Evaluated when the def or class body ran; strings stay strings.
	s.str, s.raw = stringScope{}, true
	return l.eval(s, n)
}
