package pyrt

import (
	"strconv"
	"strings"

	syn "github.com/asterkit/aster/analyzer/python/internal/pysyntax"
)

// srcFile is a parsed source file and the name positions are reported
// under.
type srcFile struct {
	name string
	mod  *syn.Module
	// futureAnnotations is set by "from __future__ import annotations".
	futureAnnotations bool
	// literals caches the values of numeric and plain string literals.
	literals map[syn.Expr]Value
	// scopes caches the scopes of the defs, lambdas and comprehensions
	// (read only once made).
	scopes map[syn.Node]*scope
}

// scope returns the scope of a def, lambda or comprehension node,
// analysing it once.
func (f *srcFile) scope(n syn.Node, analyse func() *scope) *scope {
	if f == nil {
		return analyse()
	}
	if sc, ok := f.scopes[n]; ok {
		return sc
	}
	sc := analyse()
	if f.scopes == nil {
		f.scopes = map[syn.Node]*scope{}
	}
	f.scopes[n] = sc
	return sc
}

// literal returns the cached value of a literal, computing it once.
func (f *srcFile) literal(e syn.Expr, compute func() (Value, error)) (Value, error) {
	if v, ok := f.literals[e]; ok {
		return v, nil
	}
	v, err := compute()
	if err != nil {
		return nil, err
	}
	if f.literals == nil {
		f.literals = map[syn.Expr]Value{}
	}
	f.literals[e] = v
	return v, nil
}

func (f *srcFile) pos(p syn.Pos) Position {
	line, col := f.mod.Lines.Position(p)
	return Position{File: f.name, Line: line, Col: col}
}

func (f *srcFile) text(n syn.Node) string {
	s, e := n.Span()
	return f.mod.Src[s:e]
}

// frame is the execution state of one module body, class body or call.
type frame struct {
	th   *Thread
	env  *env
	file *srcFile
	fn   *Function
	// qual prefixes the qualified names of what this frame defines.
	qual string
	// ret is the value of the return statement that ended the frame.
	ret Value
	// yields collects what a generator body yields.
	yields *[]Value
	// hostBase is what every statement of a module or class body depends
	// on: the host reads of the conditions it is nested in.
	hostBase []string
	// handling holds the exceptions being handled (for a bare raise).
	handling []*Exception
}

// annotate sets the position of an error that has none yet.
func (fr *frame) annotate(err error, n syn.Node) {
	switch e := err.(type) {
	case *Exception:
		s, _ := n.Span()
		switch {
		case !e.Pos.IsValid():
			e.Pos = fr.file.pos(s)
		case e.Pos.File != fr.file.name && (len(e.Traceback) == 0 || e.Traceback[len(e.Traceback)-1].File != fr.file.name):
			// Where the code of this file was when a modelled module or
			// another file raised.
			e.Traceback = append(e.Traceback, fr.file.pos(s))
		}
	case *Fatal:
		if !e.Pos.IsValid() {
			s, _ := n.Span()
			e.Pos = fr.file.pos(s)
		}
	}
}

func (fr *frame) eval(e syn.Expr) (Value, error) {
	v, err := fr.eval1(e)
	if err != nil {
		fr.annotate(err, e)
	} else if fr.fn == nil && fr.th.Observer != nil {
		fr.observe(e, v)
	}
	return v, err
}

func (fr *frame) eval1(e syn.Expr) (Value, error) {
	th := fr.th
	switch e := e.(type) {
	case *syn.Name:
		return fr.env.lookup(th, e.ID)
	case *syn.Num:
		return fr.file.literal(e, func() (Value, error) { return numLiteral(e.Raw) })
	case *syn.Lit:
		switch e.Tok {
		case syn.TRUE:
			return Bool(true), nil
		case syn.FALSE:
			return Bool(false), nil
		case syn.NONE:
			return None, nil
		}
		return Ellipsis, nil
	case *syn.Str:
		if e.Parts[0].FString() || len(e.Parts) > 1 {
			return fr.str(e)
		}
		return fr.file.literal(e, func() (Value, error) { return fr.str(e) })
	case *syn.Paren:
		return fr.eval(e.X)
	case *syn.Tuple:
		elems, err := fr.evalElems(e.Elts, false)
		return Tuple(elems), err
	case *syn.List:
		elems, err := fr.evalElems(e.Elts, false)
		if elems == nil {
			elems = []Value{}
		}
		return NewList(elems), err
	case *syn.Set:
		elems, err := fr.evalElems(e.Elts, true)
		if err != nil {
			return nil, err
		}
		s := NewSet(false)
		for _, x := range elems {
			if err := s.Add(th, x); err != nil {
				return nil, err
			}
		}
		if len(elems) > 2 && constantElts(e.Elts) {
			// CPython compiles such a display to a frozenset constant
			// merged into a new set, which lays the elements out again.
			return copySet(s, false), nil
		}
		return s, nil
	case *syn.Dict:
		d := NewDict()
		for _, it := range e.Items {
			if it.Key == nil {
				m, err := fr.eval(it.Value)
				if err != nil {
					return nil, err
				}
				if err := dictUpdate(th, d, m, "'%s' object is not a mapping"); err != nil {
					fr.annotate(err, it.Value)
					return nil, err
				}
				continue
			}
			k, err := fr.eval(it.Key)
			if err != nil {
				return nil, err
			}
			v, err := fr.eval(it.Value)
			if err != nil {
				return nil, err
			}
			if err := d.SetItem(th, k, v); err != nil {
				fr.annotate(err, it.Key)
				return nil, err
			}
		}
		return d, nil
	case *syn.Comp:
		return fr.comprehension(e)
	case *syn.Attribute:
		x, err := fr.eval(e.Value)
		if err != nil {
			return nil, err
		}
		v, err := GetAttr(th, x, e.Attr.ID)
		if err != nil {
			fr.annotate(err, e.Attr)
		}
		return v, err
	case *syn.Subscript:
		x, idx, err := fr.subscript(e)
		if err != nil {
			return nil, err
		}
		return GetItem(th, x, idx)
	case *syn.Slice:
		s := &Slice{Start: None, Stop: None, Step: None}
		for _, p := range []struct {
			x   syn.Expr
			dst *Value
		}{{e.Lower, &s.Start}, {e.Upper, &s.Stop}, {e.Step, &s.Step}} {
			if p.x != nil {
				v, err := fr.eval(p.x)
				if err != nil {
					return nil, err
				}
				*p.dst = v
			}
		}
		return s, nil
	case *syn.Call:
		return fr.call(e)
	case *syn.BinOp:
		x, err := fr.eval(e.X)
		if err != nil {
			return nil, err
		}
		y, err := fr.eval(e.Y)
		if err != nil {
			return nil, err
		}
		return Binary(th, e.Op, x, y)
	case *syn.BoolOp:
		x, err := fr.eval(e.X)
		if err != nil {
			return nil, err
		}
		t, err := Truth(th, x)
		if err != nil {
			return nil, err
		}
		if t == (e.Op == syn.OR) {
			return x, nil
		}
		return fr.eval(e.Y)
	case *syn.UnaryOp:
		x, err := fr.eval(e.X)
		if err != nil {
			return nil, err
		}
		return Unary(th, e.Op, x)
	case *syn.Compare:
		left, err := fr.eval(e.Left)
		if err != nil {
			return nil, err
		}
		var r Value
		for i, op := range e.Ops {
			right, err := fr.eval(e.Comparators[i])
			if err != nil {
				return nil, err
			}
			r, err = Compare(th, op.Op, left, right)
			if err != nil {
				return nil, err
			}
			if i < len(e.Ops)-1 {
				t, err := Truth(th, r)
				if err != nil {
					return nil, err
				}
				if !t {
					return r, nil
				}
			}
			left = right
		}
		return r, nil
	case *syn.IfExp:
		c, err := fr.eval(e.Test)
		if err != nil {
			return nil, err
		}
		t, err := Truth(th, c)
		if err != nil {
			return nil, err
		}
		if t {
			return fr.eval(e.Body)
		}
		return fr.eval(e.Else)
	case *syn.NamedExpr:
		v, err := fr.eval(e.Value)
		if err != nil {
			return nil, err
		}
		return v, fr.env.storeWalrus(e.Target.ID, v)
	case *syn.Lambda:
		return fr.makeFunction("<lambda>", e.Params, nil, e)
	case *syn.Yield:
		if fr.yields == nil {
			return nil, fatalf("yield outside a generator is not supported")
		}
		if e.Value == nil {
			*fr.yields = append(*fr.yields, None)
			return None, nil
		}
		v, err := fr.eval(e.Value)
		if err != nil {
			return nil, err
		}
		if e.From {
			items, err := ToSlice(th, v)
			if err != nil {
				return nil, err
			}
			*fr.yields = append(*fr.yields, items...)
			return None, nil
		}
		*fr.yields = append(*fr.yields, v)
		return None, nil
	case *syn.Await:
		return nil, fatalf("await is not supported at import time")
	case *syn.Starred:
		return nil, fatalf("can't use starred expression here")
	}
	return nil, fatalf("unsupported expression %T", e)
}

// evalElems evaluates display elements, unpacking *starred ones; a set
// display keeps the plain message for a value that is not iterable.
func (fr *frame) evalElems(elts []syn.Expr, set bool) ([]Value, error) {
	format := "Value after * must be an iterable, not %s"
	if set {
		format = "'%s' object is not iterable"
	}
	out := make([]Value, 0, len(elts))
	for _, x := range elts {
		if s, ok := x.(*syn.Starred); ok {
			v, err := fr.eval(s.Value)
			if err != nil {
				return nil, err
			}
			items, err := unpackStarred(fr.th, v, format)
			if err != nil {
				fr.annotate(err, s)
				return nil, err
			}
			out = append(out, items...)
			continue
		}
		v, err := fr.eval(x)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// numLiteral converts a numeric literal.
func numLiteral(raw string) (Value, error) {
	imaginary := raw[len(raw)-1]|0x20 == 'j'
	if imaginary {
		raw = raw[:len(raw)-1]
	} else if i, ok := parseIntLiteral(raw); ok {
		return i, nil
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(raw, "_", ""), 64)
	if err != nil && !strings.Contains(err.Error(), "range") {
		return nil, fatalf("invalid number %s", raw)
	}
	if imaginary {
		return Complex{Im: f}, nil
	}
	return Float(f), nil
}

// str evaluates a string literal, concatenating its parts.
func (fr *frame) str(e *syn.Str) (Value, error) {
	var b strings.Builder
	isBytes := false
	for _, p := range e.Parts {
		isBytes = p.Bytes()
		lit := fr.file.mod.Src[p.Start:p.End]
		bodyStart := len(p.Prefix) + p.Quote
		bodyEnd := len(lit) - p.Quote
		if !p.FString() {
			body := lit[bodyStart:bodyEnd]
			if !p.Raw() {
				body = decodeEscapes(body, isBytes)
			}
			b.WriteString(body)
			continue
		}
		pos := int(p.Start) + bodyStart
		if err := fr.fstring(&b, p.Raw(), pos, int(p.Start)+bodyEnd, p.Values); err != nil {
			return nil, err
		}
	}
	// An f-string's work grows with its length.
	if err := fr.th.charge(b.Len()); err != nil {
		return nil, err
	}
	if isBytes {
		return Bytes(b.String()), nil
	}
	return Str(b.String()), nil
}

// fstring writes the text of an f-string (or a format spec) from offset
// start to end, with its replacement fields.
func (fr *frame) fstring(b *strings.Builder, raw bool, start, end int, fields []*syn.FormattedValue) error {
	src := fr.file.mod.Src
	lit := func(s string) {
		s = strings.ReplaceAll(strings.ReplaceAll(s, "{{", "{"), "}}", "}")
		if !raw {
			s = decodeEscapes(s, false)
		}
		b.WriteString(s)
	}
	pos := start
	for _, f := range fields {
		lit(src[pos:f.Start])
		pos = int(f.End)
		v, err := fr.eval(f.Value)
		if err != nil {
			return err
		}
		conv := f.Conv
		if f.Debug {
			stop := int(f.End) - 1
			if f.Spec != nil {
				stop = int(f.Spec.Start)
			}
			if conv != 0 {
				stop = int(f.ConvPos)
			}
			b.WriteString(src[f.Start+1 : stop])
			if conv == 0 && f.Spec == nil {
				conv = 'r'
			}
		}
		if conv != 0 {
			s, err := convert(fr.th, v, conv)
			if err != nil {
				fr.annotate(err, f)
				return err
			}
			v = Str(s)
		}
		spec := ""
		if f.Spec != nil {
			var sb strings.Builder
			if err := fr.fstring(&sb, raw, int(f.Spec.Start)+1, int(f.Spec.End), f.Spec.Values); err != nil {
				return err
			}
			spec = sb.String()
		}
		s, err := Format(fr.th, v, spec)
		if err != nil {
			fr.annotate(err, f)
			return err
		}
		b.WriteString(s)
	}
	lit(src[pos:end])
	return nil
}

// convert applies a !s, !r or !a conversion.
func convert(th *Thread, v Value, conv byte) (string, error) {
	switch conv {
	case 's':
		return ToStr(th, v)
	case 'r':
		return Repr(th, v)
	}
	s, err := Repr(th, v)
	return asciiEscape(s), err
}

// call evaluates a call expression.
func (fr *frame) call(e *syn.Call) (Value, error) {
	th := fr.th
	fn, err := fr.eval(e.Func)
	if err != nil {
		return nil, err
	}
	// Positional arguments are evaluated before keyword ones wherever
	// they stand. A lone *iterable is checked only after the keywords,
	// as CPython passes it to the call as it is.
	var args []Value
	var lone Value
	var positional []syn.Expr
	for _, a := range e.Args {
		if _, ok := a.(*syn.Keyword); !ok {
			positional = append(positional, a)
		}
	}
	for _, a := range positional {
		s, ok := a.(*syn.Starred)
		if !ok {
			v, err := fr.eval(a)
			if err != nil {
				return nil, err
			}
			args = append(args, v)
			continue
		}
		v, err := fr.eval(s.Value)
		if err != nil {
			return nil, err
		}
		if len(positional) == 1 {
			lone = v
			break
		}
		items, err := unpackStarred(th, v, "Value after * must be an iterable, not %s")
		if err != nil {
			fr.annotate(err, s)
			return nil, err
		}
		args = append(args, items...)
	}
	var kwargs []Kwarg
	nonStrKey := false // reported by the callee, after the checks here
	for _, a := range e.Args {
		a, ok := a.(*syn.Keyword)
		if !ok {
			continue
		}
		if b, ok := fn.(*Builtin); ok && a.Name != nil && b.Unevaluated[a.Name.ID] {
			start, _ := a.Value.Span()
			kwargs = append(kwargs, Kwarg{a.Name.ID, &Unknown{Why: "not evaluated", At: fr.file.pos(start)}})
			continue
		}
		v, err := fr.eval(a.Value)
		if err != nil {
			return nil, err
		}
		if a.Name != nil {
			for _, k := range kwargs {
				if k.Name == a.Name.ID {
					return nil, typeErrorf("%s got multiple values for keyword argument '%s'", calleeName(fn), k.Name)
				}
			}
			kwargs = append(kwargs, Kwarg{a.Name.ID, v})
			continue
		}
		d := NewDict()
		if err := dictUpdate(th, d, v, calleeName(fn)+" argument after ** must be a mapping, not %s"); err != nil {
			fr.annotate(err, a)
			return nil, err
		}
		for _, kv := range d.Items() {
			k, ok := kv[0].(Str)
			if !ok {
				nonStrKey = true
				continue
			}
			for _, old := range kwargs {
				if old.Name == string(k) {
					return nil, typeErrorf("%s got multiple values for keyword argument '%s'", calleeName(fn), k)
				}
			}
			kwargs = append(kwargs, Kwarg{string(k), kv[1]})
		}
	}
	if lone != nil {
		items, err := unpackStarred(th, lone, calleeName(fn)+" argument after * must be an iterable, not %s")
		if err != nil {
			fr.annotate(err, positional[0])
			return nil, err
		}
		args = items
	}
	if nonStrKey {
		return nil, typeErrorf("keywords must be strings")
	}
	start, _ := e.Span()
	v, err := th.Call(fn, args, kwargs)
	if err != nil {
		if x, ok := err.(*Exception); ok && x.Pos.IsValid() {
			x.Traceback = append(x.Traceback, fr.file.pos(start))
		}
		return nil, err
	}
	// Builtins build their results without counting steps; their work
	// grows with the result's size.
	return v, th.charge(valueSize(v))
}

// calleeName is how CPython names a callee in argument errors: its
// qualified name, after its module unless that is builtins.
func calleeName(fn Value) string {
	switch f := fn.(type) {
	case *Function:
		if f.Module != nil {
			return f.Module.Name + "." + f.Qualname + "()"
		}
		return f.Qualname + "()"
	case *BoundMethod:
		return calleeName(f.Func)
	case *Builtin:
		if f.owner != "" {
			return f.owner + "." + f.Name + "()"
		}
		return f.Name + "()"
	case *Class:
		if f.Module != "" && f.Module != "builtins" {
			return f.Module + "." + f.Qualname + "()"
		}
		return f.Qualname + "()"
	}
	return TypeName(fn) + " object"
}

// unpackStarred returns the items of a *value. A value that is not
// iterable at all gets CPython's message for where it stands (format
// has one %s, the value's type name).
func unpackStarred(th *Thread, v Value, format string) ([]Value, error) {
	items, err := ToSlice(th, v)
	if x, ok := err.(*Exception); ok && x.Class() == TypeErrorClass {
		if s, _ := exceptionStr(nil, x.Value); s == "'"+TypeName(v)+"' object is not iterable" {
			return nil, typeErrorf(format, TypeName(v))
		}
	}
	return items, err
}

// dictUpdate adds the items of a mapping to d; errFormat names what is
// wrong with a non-mapping.
func dictUpdate(th *Thread, d *Dict, m Value, errFormat string) error {
	switch x := m.(type) {
	case *Dict:
		for _, kv := range x.Items() {
			if err := d.SetItem(th, kv[0], kv[1]); err != nil {
				return err
			}
		}
		return nil
	case *Unknown:
		return x.fatal("unpacking this value")
	}
	keysFn, err := getAttrOpt(th, m, "keys")
	if err != nil {
		return err
	}
	if keysFn == nil {
		return typeErrorf(errFormat, TypeName(m))
	}
	keys, err := th.Call(keysFn, nil, nil)
	if err != nil {
		return err
	}
	ks, err := ToSlice(th, keys)
	if err != nil {
		return err
	}
	for _, k := range ks {
		v, err := GetItem(th, m, k)
		if err != nil {
			return err
		}
		if err := d.SetItem(th, k, v); err != nil {
			return err
		}
	}
	return nil
}

// comprehension evaluates a comprehension or generator expression (a
// generator expression is evaluated eagerly).
func (fr *frame) comprehension(c *syn.Comp) (Value, error) {
	th := fr.th
	first, err := fr.eval(c.Clauses[0].Iter)
	if err != nil {
		return nil, err
	}
	sc := fr.file.scope(c, func() *scope { return compScope(c) })
	cells := make([]Cell, len(sc.order))
	kind := "<listcomp>."
	switch {
	case c.Kind == syn.LBRACE && c.Value != nil:
		kind = "<dictcomp>."
	case c.Kind == syn.LBRACE:
		kind = "<setcomp>."
	case c.Kind == syn.LPAREN:
		kind = "<genexpr>."
	}
	inner := &frame{th: th, env: &env{sc: sc, cells: cells, parent: fr.env, mod: fr.env.mod}, file: fr.file, fn: fr.fn, qual: fr.qual + kind, yields: fr.yields}
	var list []Value
	var dict *Dict
	var set *Set
	switch {
	case c.Kind == syn.LBRACE && c.Value != nil:
		dict = NewDict()
	case c.Kind == syn.LBRACE:
		set = NewSet(false)
	}
	var loop func(i int, iterable Value) error
	loop = func(i int, iterable Value) error {
		cl := c.Clauses[i]
		it, err := Iterate(th, iterable)
		if err != nil {
			inner.annotate(err, cl.Iter)
			return err
		}
	items:
		for {
			v, ok, err := it.Next(th)
			if err != nil {
				return err
			}
			if !ok {
				return nil
			}
			if err := th.step(); err != nil {
				return err
			}
			if err := inner.assign(cl.Target, v); err != nil {
				return err
			}
			for _, cond := range cl.Ifs {
				t, err := inner.eval(cond.Cond)
				if err != nil {
					return err
				}
				ok, err := Truth(th, t)
				if err != nil {
					return err
				}
				if !ok {
					continue items
				}
			}
			if i+1 < len(c.Clauses) {
				next, err := inner.eval(c.Clauses[i+1].Iter)
				if err != nil {
					return err
				}
				if err := loop(i+1, next); err != nil {
					return err
				}
				continue
			}
			k, err := inner.eval(c.Elt)
			if err != nil {
				return err
			}
			switch {
			case dict != nil:
				val, err := inner.eval(c.Value)
				if err != nil {
					return err
				}
				if err := dict.SetItem(th, k, val); err != nil {
					return err
				}
			case set != nil:
				if err := set.Add(th, k); err != nil {
					return err
				}
			default:
				list = append(list, k)
			}
		}
	}
	if err := loop(0, first); err != nil {
		return nil, err
	}
	switch {
	case dict != nil:
		return dict, nil
	case set != nil:
		return set, nil
	case c.Kind == syn.LPAREN:
		return &IteratorValue{Name: "generator", Qualname: fr.qual + "<genexpr>", It: &sliceIter{elems: list}}, nil
	}
	if list == nil {
		list = []Value{}
	}
	return NewList(list), nil
}
