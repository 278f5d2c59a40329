package pyrt

import (
	syn "github.com/asterkit/aster/analyzer/python/internal/pysyntax"
)

// ctl is how a statement ends.
type ctl uint8

const (
	ctlNext ctl = iota
	ctlReturn
	ctlBreak
	ctlContinue
)

func (fr *frame) execBlock(stmts []syn.Stmt) (ctl, error) {
	for _, s := range stmts {
		c, err := fr.exec(s)
		if err != nil {
			fr.annotate(err, s)
			return ctlNext, err
		}
		if c != ctlNext {
			return c, nil
		}
	}
	return ctlNext, nil
}

func (fr *frame) block(b *syn.Block) (ctl, error) {
	if b == nil {
		return ctlNext, nil
	}
	if h := fr.th.host; h != nil && fr.fn == nil {
		// A nested block depends on the condition that chose it.
		saved := fr.hostBase
		fr.hostBase = h.cur
		defer func() { fr.hostBase = saved }()
	}
	return fr.execBlock(b.Stmts)
}

func (fr *frame) exec(s syn.Stmt) (ctl, error) {
	c, err := fr.exec1(s)
	if err == nil && fr.fn == nil && fr.th.Observer != nil {
		fr.th.Observer.Stmt(fr.file.name, s)
	}
	return c, err
}

func (fr *frame) exec1(s syn.Stmt) (ctl, error) {
	th := fr.th
	th.where = position{fr.file, s}
	if err := th.step(); err != nil {
		return ctlNext, err
	}
	if th.host != nil && fr.fn == nil {
		th.host.cur = fr.hostBase
	}
	switch s := s.(type) {
	case *syn.ExprStmt:
		_, err := fr.eval(s.X)
		return ctlNext, err
	case *syn.Assign:
		v, err := fr.eval(s.Value)
		if err != nil {
			return ctlNext, err
		}
		for _, t := range s.Targets {
			if err := fr.assign(t, v); err != nil {
				return ctlNext, err
			}
		}
	case *syn.AugAssign:
		return ctlNext, fr.augAssign(s)
	case *syn.AnnAssign:
		return ctlNext, fr.annAssign(s)
	case *syn.Return:
		fr.ret = None
		if s.Value != nil {
			v, err := fr.eval(s.Value)
			if err != nil {
				return ctlNext, err
			}
			fr.ret = v
		}
		return ctlReturn, nil
	case *syn.Delete:
		for _, t := range s.Targets {
			if err := fr.del(t); err != nil {
				return ctlNext, err
			}
		}
	case *syn.Pass, *syn.Global, *syn.Nonlocal:
	case *syn.Break:
		return ctlBreak, nil
	case *syn.Continue:
		return ctlContinue, nil
	case *syn.Raise:
		return ctlNext, fr.raise(s)
	case *syn.Assert:
		v, err := fr.eval(s.Test)
		if err != nil {
			return ctlNext, err
		}
		t, err := Truth(th, v)
		if err != nil || t {
			return ctlNext, err
		}
		if s.Msg == nil {
			return ctlNext, NewException(AssertionErrorClass)
		}
		msg, err := fr.eval(s.Msg)
		if err != nil {
			return ctlNext, err
		}
		return ctlNext, NewException(AssertionErrorClass, msg)
	case *syn.Import:
		return ctlNext, fr.importStmt(s)
	case *syn.ImportFrom:
		return ctlNext, fr.importFrom(s)
	case *syn.If:
		return fr.ifStmt(s)
	case *syn.For:
		return fr.forStmt(s)
	case *syn.While:
		return fr.whileStmt(s)
	case *syn.Try:
		return fr.tryStmt(s)
	case *syn.With:
		return fr.withStmt(s, 0)
	case *syn.FuncDef:
		return ctlNext, fr.funcDef(s)
	case *syn.ClassDef:
		return ctlNext, fr.classDef(s)
	case *syn.Match:
		return fr.matchStmt(s)
	default:
		return ctlNext, fatalf("unsupported statement %T", s)
	}
	return ctlNext, nil
}

// position is a statement being run, converted to a Position only when
// an error needs it.
type position struct {
	file *srcFile
	node syn.Node
}

func (p position) resolve() Position {
	if p.file == nil {
		return Position{}
	}
	s, _ := p.node.Span()
	return p.file.pos(s)
}

// subscript evaluates the object and the index of x[i], in that order.
func (fr *frame) subscript(t *syn.Subscript) (obj, idx Value, err error) {
	if obj, err = fr.eval(t.Value); err == nil {
		idx, err = fr.eval(t.Index)
	}
	return obj, idx, err
}

// assign binds a value to an assignment target.
func (fr *frame) assign(t syn.Expr, v Value) error {
	th := fr.th
	switch t := t.(type) {
	case *syn.Name:
		return fr.env.store(t.ID, v)
	case *syn.Paren:
		return fr.assign(t.X, v)
	case *syn.Tuple:
		return fr.unpack(t.Elts, v, t)
	case *syn.List:
		return fr.unpack(t.Elts, v, t)
	case *syn.Attribute:
		obj, err := fr.eval(t.Value)
		if err != nil {
			return err
		}
		if err := SetAttr(th, obj, t.Attr.ID, v); err != nil {
			fr.annotate(err, t)
			return err
		}
	case *syn.Subscript:
		obj, idx, err := fr.subscript(t)
		if err != nil {
			return err
		}
		if err := SetItem(th, obj, idx, v); err != nil {
			fr.annotate(err, t)
			return err
		}
	default:
		return fatalf("cannot assign to %T", t)
	}
	return nil
}

// unpack assigns the items of v to the targets, one of which may be
// starred.
func (fr *frame) unpack(targets []syn.Expr, v Value, at syn.Node) error {
	items, err := ToSlice(fr.th, v)
	if err != nil {
		if x, ok := err.(*Exception); ok && x.Class() == TypeErrorClass {
			err = typeErrorf("cannot unpack non-iterable %s object", TypeName(v))
		}
		fr.annotate(err, at)
		return err
	}
	star := -1
	for i, t := range targets {
		if _, ok := t.(*syn.Starred); ok {
			star = i
		}
	}
	if star < 0 {
		if len(items) > len(targets) {
			return valueErrorf("too many values to unpack (expected %d)", len(targets))
		}
		if len(items) < len(targets) {
			return valueErrorf("not enough values to unpack (expected %d, got %d)", len(targets), len(items))
		}
		for i, t := range targets {
			if err := fr.assign(t, items[i]); err != nil {
				return err
			}
		}
		return nil
	}
	after := len(targets) - star - 1
	if len(items) < len(targets)-1 {
		return valueErrorf("not enough values to unpack (expected at least %d, got %d)", len(targets)-1, len(items))
	}
	for i := 0; i < star; i++ {
		if err := fr.assign(targets[i], items[i]); err != nil {
			return err
		}
	}
	rest := append([]Value{}, items[star:len(items)-after]...)
	if err := fr.assign(targets[star].(*syn.Starred).Value, NewList(rest)); err != nil {
		return err
	}
	for i := 0; i < after; i++ {
		if err := fr.assign(targets[star+1+i], items[len(items)-after+i]); err != nil {
			return err
		}
	}
	return nil
}

func (fr *frame) del(t syn.Expr) error {
	th := fr.th
	switch t := t.(type) {
	case *syn.Name:
		err := fr.env.del(th, t.ID)
		if err != nil {
			fr.annotate(err, t)
		}
		return err
	case *syn.Paren:
		return fr.del(t.X)
	case *syn.Tuple:
		for _, e := range t.Elts {
			if err := fr.del(e); err != nil {
				return err
			}
		}
	case *syn.List:
		for _, e := range t.Elts {
			if err := fr.del(e); err != nil {
				return err
			}
		}
	case *syn.Attribute:
		obj, err := fr.eval(t.Value)
		if err != nil {
			return err
		}
		return SetAttr(th, obj, t.Attr.ID, nil)
	case *syn.Subscript:
		obj, idx, err := fr.subscript(t)
		if err != nil {
			return err
		}
		return DelItem(th, obj, idx)
	}
	return nil
}

// inplaceDunders maps an operator to its in-place method.
var inplaceDunders = map[syn.Token]string{
	syn.PLUS: "__iadd__", syn.MINUS: "__isub__", syn.STAR: "__imul__", syn.SLASH: "__itruediv__",
	syn.DOUBLESLASH: "__ifloordiv__", syn.PERCENT: "__imod__", syn.DOUBLESTAR: "__ipow__",
	syn.LSHIFT: "__ilshift__", syn.RSHIFT: "__irshift__", syn.AMPER: "__iand__",
	syn.VBAR: "__ior__", syn.CIRCUMFLEX: "__ixor__", syn.AT: "__imatmul__",
}

// Inplace applies an augmented assignment operator.
func Inplace(th *Thread, op syn.Token, x, y Value) (Value, error) {
	switch l := x.(type) {
	case *List:
		switch op {
		case syn.PLUS:
			items, err := ToSlice(th, y)
			if err != nil {
				return nil, err
			}
			if err := growLimit(th, len(l.Elems), len(items)); err != nil {
				return nil, err
			}
			l.Elems = append(l.Elems, items...)
			return l, nil
		case syn.STAR:
			r, err := Binary(th, op, x, y)
			if err != nil {
				return nil, err
			}
			l.Elems = r.(*List).Elems
			return l, nil
		}
	case *Dict:
		if op == syn.VBAR {
			if err := dictUpdate(th, l, y, "'%s' object is not iterable"); err != nil {
				return nil, err
			}
			return l, nil
		}
	case *Set:
		if other, ok := y.(*Set); ok && !l.frozen {
			r, err := setBinary(th, op, l, other)
			if err != nil || r == nil {
				return r, err
			}
			l.assign(r.(*Set))
			return l, nil
		}
	case *Instance:
		if m, _ := userMethod(x, inplaceDunders[op]); m != nil {
			r, err := th.Call(m, []Value{x, y}, nil)
			if err != nil || r != NotImplemented {
				return r, err
			}
		}
	}
	v, err := Binary(th, op, x, y)
	if err != nil {
		if e, ok := err.(*Exception); ok && e.Class() == TypeErrorClass {
			if msg, ok := exceptionArgs(e.Value)[0].(Str); ok && len(msg) > 30 && msg[:30] == "unsupported operand type(s) fo" {
				return nil, typeErrorf("unsupported operand type(s) for %s=: '%s' and '%s'", op, TypeName(x), TypeName(y))
			}
		}
	}
	return v, err
}

func (fr *frame) augAssign(s *syn.AugAssign) error {
	th := fr.th
	// load and store access the target, whose object and index are
	// evaluated once.
	var load func() (Value, error)
	var store func(v Value) error
	switch t := s.Target.(type) {
	case *syn.Name:
		load = func() (Value, error) { return fr.eval(t) }
		store = func(v Value) error { return fr.env.store(t.ID, v) }
	case *syn.Attribute:
		obj, err := fr.eval(t.Value)
		if err != nil {
			return err
		}
		load = func() (Value, error) { return GetAttr(th, obj, t.Attr.ID) }
		store = func(v Value) error { return SetAttr(th, obj, t.Attr.ID, v) }
	case *syn.Subscript:
		obj, idx, err := fr.subscript(t)
		if err != nil {
			return err
		}
		load = func() (Value, error) { return GetItem(th, obj, idx) }
		store = func(v Value) error { return SetItem(th, obj, idx, v) }
	default:
		return fatalf("cannot assign to %T", s.Target)
	}
	x, err := load()
	if err != nil {
		return err
	}
	y, err := fr.eval(s.Value)
	if err != nil {
		return err
	}
	v, err := Inplace(th, s.Op, x, y)
	if err != nil {
		return err
	}
	return store(v)
}

// annAssign runs "target: annotation [= value]"; at module and class level
// a simple name's annotation is evaluated (kept as its source text under
// "from __future__ import annotations") and recorded in __annotations__.
func (fr *frame) annAssign(s *syn.AnnAssign) error {
	if fr.env.sc == nil {
		if name, ok := s.Target.(*syn.Name); ok {
			var ann Value
			if fr.file.futureAnnotations {
				text, _ := fr.unparse(s.Annotation)
				ann = Str(text)
			} else {
				v, err := fr.eval(s.Annotation)
				if err != nil {
					return err
				}
				ann = v
			}
			anns, err := fr.annotationsDict()
			if err != nil {
				return err
			}
			if s.Value != nil {
				v, err := fr.eval(s.Value)
				if err != nil {
					return err
				}
				if err := fr.assign(s.Target, v); err != nil {
					return err
				}
			}
			return anns.SetItem(fr.th, Str(name.ID), ann)
		}
		if !fr.file.futureAnnotations {
			if _, err := fr.eval(s.Annotation); err != nil {
				return err
			}
		}
	}
	if s.Value == nil {
		return nil
	}
	v, err := fr.eval(s.Value)
	if err != nil {
		return err
	}
	return fr.assign(s.Target, v)
}

// annotationsDict returns the __annotations__ of the module or class body.
func (fr *frame) annotationsDict() (*Dict, error) {
	v, err := fr.env.lookup(fr.th, "__annotations__")
	if d, ok := v.(*Dict); ok && err == nil {
		return d, nil
	}
	d := NewDict()
	return d, fr.env.store("__annotations__", d)
}

func (fr *frame) truth(e syn.Expr) (bool, error) {
	v, err := fr.eval(e)
	if err != nil {
		return false, err
	}
	t, err := Truth(fr.th, v)
	if err != nil {
		fr.annotate(err, e)
	}
	return t, err
}

func (fr *frame) ifStmt(s *syn.If) (ctl, error) {
	t, err := fr.truth(s.Test)
	if err != nil {
		return ctlNext, err
	}
	if t {
		return fr.block(s.Body)
	}
	for _, el := range s.Elifs {
		t, err := fr.truth(el.Test)
		if err != nil {
			return ctlNext, err
		}
		if t {
			return fr.block(el.Body)
		}
	}
	if s.Else != nil {
		return fr.block(s.Else.Body)
	}
	return ctlNext, nil
}

func (fr *frame) forStmt(s *syn.For) (ctl, error) {
	th := fr.th
	if s.Async {
		return ctlNext, fatalf("async for is not supported at import time")
	}
	iterable, err := fr.eval(s.Iter)
	if err != nil {
		return ctlNext, err
	}
	it, err := Iterate(th, iterable)
	if err != nil {
		fr.annotate(err, s.Iter)
		return ctlNext, err
	}
	return fr.loop(s, s.Body, s.Else, func() (bool, error) {
		v, ok, err := it.Next(th)
		if err != nil {
			fr.annotate(err, s.Iter)
			return false, err
		}
		if !ok {
			return false, nil
		}
		return true, fr.assign(s.Target, v)
	})
}

func (fr *frame) whileStmt(s *syn.While) (ctl, error) {
	return fr.loop(s, s.Body, s.Else, func() (bool, error) { return fr.truth(s.Test) })
}

// loop runs body while next reports another iteration (each one a step
// of the budget), then the else clause unless the loop broke.
func (fr *frame) loop(s syn.Stmt, body *syn.Block, els *syn.Clause, next func() (bool, error)) (ctl, error) {
	for {
		fr.th.where = position{fr.file, s}
		if err := fr.th.step(); err != nil {
			return ctlNext, err
		}
		more, err := next()
		if err != nil {
			return ctlNext, err
		}
		if !more {
			break
		}
		c, err := fr.block(body)
		if err != nil {
			return ctlNext, err
		}
		switch c {
		case ctlReturn:
			return c, nil
		case ctlBreak:
			return ctlNext, nil
		}
	}
	if els != nil {
		return fr.block(els.Body)
	}
	return ctlNext, nil
}

func (fr *frame) raise(s *syn.Raise) error {
	if s.Exc == nil {
		if n := len(fr.handling); n > 0 {
			return fr.handling[n-1]
		}
		for i := len(fr.th.frames) - 1; i >= 0; i-- {
			if h := fr.th.frames[i].handling; len(h) > 0 {
				return h[len(h)-1]
			}
		}
		return excf(RuntimeErrorClass, "No active exception to reraise")
	}
	v, err := fr.eval(s.Exc)
	if err != nil {
		return err
	}
	exc, err := fr.th.toException(v)
	if err != nil {
		return err
	}
	if s.Cause != nil {
		c, err := fr.eval(s.Cause)
		if err != nil {
			return err
		}
		if c != None {
			ce, err := fr.th.toException(c)
			if err != nil {
				return typeErrorf("exception causes must derive from BaseException")
			}
			c = ce.Value
		}
		exc.Value.Dict.Set("__cause__", c)
	}
	if n := len(fr.handling); n > 0 && fr.handling[n-1].Value != exc.Value {
		exc.Value.Dict.Set("__context__", fr.handling[n-1].Value)
	}
	return exc
}

// toException turns a raised class or instance into an exception.
func (th *Thread) toException(v Value) (*Exception, error) {
	switch x := v.(type) {
	case *Class:
		if x.IsSubclass(BaseExceptionClass) {
			inst, err := th.Call(x, nil, nil)
			if err != nil {
				return nil, err
			}
			if o, ok := inst.(*Instance); ok {
				return &Exception{Value: o}, nil
			}
		}
	case *Instance:
		if x.Class.IsSubclass(BaseExceptionClass) {
			return &Exception{Value: x}, nil
		}
	case *Unknown:
		return nil, x.fatal("raising this value")
	}
	return nil, typeErrorf("exceptions must derive from BaseException")
}

// matches reports whether exc is caught by the class (or tuple of
// classes) t.
func (th *Thread) matches(exc *Exception, t Value) (bool, error) {
	switch x := t.(type) {
	case *Class:
		if !x.IsSubclass(BaseExceptionClass) {
			break
		}
		return exc.Value.Class.IsSubclass(x), nil
	case Tuple:
		for _, e := range x {
			ok, err := th.matches(exc, e)
			if err != nil || ok {
				return ok, err
			}
		}
		return false, nil
	case *Unknown:
		return false, x.fatal("the exception class of this except clause")
	}
	return false, typeErrorf("catching classes that do not inherit from BaseException is not allowed")
}

func (fr *frame) tryStmt(s *syn.Try) (ctl, error) {
	if s.Star {
		return ctlNext, fatalf("except* is not supported at import time")
	}
	if len(s.Handlers) > 0 {
		fr.th.guarded++
	}
	c, err := fr.block(s.Body)
	if len(s.Handlers) > 0 {
		fr.th.guarded--
	}
	if err != nil {
		if exc, ok := err.(*Exception); ok {
			c, err = fr.handle(s, exc)
		}
	} else if c == ctlNext && s.Else != nil {
		c, err = fr.block(s.Else.Body)
	}
	if s.Finally != nil {
		if _, fatal := err.(*Fatal); fatal {
			return c, err
		}
		var pending *Exception
		if exc, ok := err.(*Exception); ok {
			pending = exc
			fr.handling = append(fr.handling, exc)
		}
		saved := fr.ret
		fc, ferr := fr.block(s.Finally.Body)
		if pending != nil {
			fr.handling = fr.handling[:len(fr.handling)-1]
		}
		if ferr != nil || fc != ctlNext {
			return fc, ferr
		}
		fr.ret = saved
	}
	return c, err
}

// handle runs the first except clause that matches exc.
func (fr *frame) handle(s *syn.Try, exc *Exception) (ctl, error) {
	for _, h := range s.Handlers {
		if h.Type != nil {
			t, err := fr.eval(h.Type)
			if err != nil {
				return ctlNext, err
			}
			ok, err := fr.th.matches(exc, t)
			if err != nil {
				fr.annotate(err, h.Type)
				return ctlNext, err
			}
			if !ok {
				continue
			}
		}
		if h.Name != nil {
			if err := fr.env.store(h.Name.ID, exc.Value); err != nil {
				return ctlNext, err
			}
		}
		fr.handling = append(fr.handling, exc)
		c, err := fr.block(h.Body)
		fr.handling = fr.handling[:len(fr.handling)-1]
		if h.Name != nil {
			_ = fr.env.del(fr.th, h.Name.ID)
		}
		if x, ok := err.(*Exception); ok && x != exc {
			if _, set := x.Value.Dict.Get("__context__"); !set {
				x.Value.Dict.Set("__context__", exc.Value)
			}
		}
		return c, err
	}
	return ctlNext, exc
}

// withStmt runs a with statement from its i-th item on.
func (fr *frame) withStmt(s *syn.With, i int) (ctl, error) {
	th := fr.th
	if s.Async {
		return ctlNext, fatalf("async with is not supported at import time")
	}
	if i == len(s.Items) {
		return fr.block(s.Body)
	}
	item := s.Items[i]
	mgr, err := fr.eval(item.Context)
	if err != nil {
		return ctlNext, err
	}
	enter, err := getAttrOpt(th, mgr, "__enter__")
	if err != nil {
		return ctlNext, err
	}
	exit, err := getAttrOpt(th, mgr, "__exit__")
	if err != nil {
		return ctlNext, err
	}
	if enter == nil || exit == nil {
		err := typeErrorf("'%s' object does not support the context manager protocol", TypeName(mgr))
		fr.annotate(err, item.Context)
		return ctlNext, err
	}
	v, err := th.Call(enter, nil, nil)
	if err != nil {
		return ctlNext, err
	}
	if item.Vars != nil {
		if err := fr.assign(item.Vars, v); err != nil {
			return ctlNext, err
		}
	}
	c, err := fr.withStmt(s, i+1)
	if exc, ok := err.(*Exception); ok {
		r, xerr := th.Call(exit, []Value{exc.Value.Class, exc.Value, None}, nil)
		if xerr != nil {
			return ctlNext, xerr
		}
		suppress, xerr := Truth(th, r)
		if xerr != nil {
			return ctlNext, xerr
		}
		if suppress {
			return ctlNext, nil
		}
		return c, err
	}
	if err != nil {
		return c, err
	}
	if _, err := th.Call(exit, []Value{None, None, None}, nil); err != nil {
		return ctlNext, err
	}
	return c, nil
}
