package pyrt

import (
	syn "github.com/asterkit/aster/analyzer/python/internal/pysyntax"
)

// makeFunction creates a function for a def (body) or a lambda,
// evaluating its defaults now.
func (fr *frame) makeFunction(name string, params *syn.Params, def *syn.FuncDef, lambda *syn.Lambda) (*Function, error) {
	f := &Function{Name: name, Qualname: fr.qual + name, Module: fr.env.mod, Dict: NewNamespace(), closure: fr.env, file: fr.file}
	if params != nil {
		kwOnly := false
		for _, p := range params.List {
			switch p.Kind {
			case syn.ParamSlash:
				for j := range f.params {
					f.params[j].posOnly = true
				}
				continue
			case syn.ParamStar:
				kwOnly = true
				continue
			}
			pr := param{name: p.Name.ID, kind: p.Kind, kwOnly: kwOnly && p.Kind == syn.ParamPlain}
			if p.Kind == syn.ParamVarArgs {
				kwOnly = true
			}
			if p.Default != nil {
				v, err := fr.eval(p.Default)
				if err != nil {
					return nil, err
				}
				pr.def = v
			}
			f.params = append(f.params, pr)
		}
	}
	if lambda != nil {
		f.lambda = lambda.Body
		f.sc = fr.file.scope(lambda, func() *scope { return lambdaScope(lambda) })
		return f, nil
	}
	f.body = def.Body.Stmts
	f.sc = fr.file.scope(def, func() *scope { return funcScope(params, f.body) })
	if doc := docstring(fr.file, f.body); doc != nil {
		f.Dict.Set("__doc__", doc)
	}
	return f, nil
}

// docstring returns the docstring of a body, or nil.
func docstring(file *srcFile, body []syn.Stmt) Value {
	if len(body) == 0 {
		return nil
	}
	es, ok := body[0].(*syn.ExprStmt)
	if !ok {
		return nil
	}
	s, ok := es.X.(*syn.Str)
	if !ok || s.Parts[0].FString() || s.Parts[0].Bytes() {
		return nil
	}
	fr := &frame{file: file}
	v, err := fr.str(s)
	if err != nil {
		return nil
	}
	return v
}

func (fr *frame) funcDef(s *syn.FuncDef) error {
	decorators, err := fr.evalDecorators(s.Decorators)
	if err != nil {
		return err
	}
	if s.Async {
		v := &Unknown{Why: "async function " + s.Name.ID, At: fr.file.pos(s.DefStart)}
		return fr.env.store(s.Name.ID, v)
	}
	f, err := fr.makeFunction(s.Name.ID, s.Params, s, nil)
	if err != nil {
		return err
	}
	if err := fr.annotations(f, s); err != nil {
		return err
	}
	v, err := fr.applyDecorators(decorators, s.Decorators, f)
	if err != nil {
		return err
	}
	return fr.env.store(s.Name.ID, v)
}

// annotations evaluates a function's annotations into __annotations__.
func (fr *frame) annotations(f *Function, s *syn.FuncDef) error {
	anns := NewDict()
	add := func(name string, e syn.Expr) error {
		if e == nil {
			return nil
		}
		var v Value
		if fr.file.futureAnnotations {
			text, _ := fr.unparse(e)
			v = Str(text)
		} else {
			x, err := fr.eval(e)
			if err != nil {
				return err
			}
			v = x
		}
		return anns.SetItem(fr.th, Str(name), v)
	}
	if s.Params != nil {
		for _, p := range s.Params.List {
			if p.Name != nil {
				if err := add(p.Name.ID, p.Annotation); err != nil {
					return err
				}
			}
		}
	}
	if err := add("return", s.Returns); err != nil {
		return err
	}
	f.Dict.Set("__annotations__", anns)
	return nil
}

func (fr *frame) evalDecorators(ds []*syn.Decorator) ([]Value, error) {
	out := make([]Value, len(ds))
	for i, d := range ds {
		v, err := fr.eval(d.X)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}

func (fr *frame) applyDecorators(decorators []Value, nodes []*syn.Decorator, v Value) (Value, error) {
	for i := len(decorators) - 1; i >= 0; i-- {
		r, err := fr.th.Call(decorators[i], []Value{v}, nil)
		if err != nil {
			fr.annotate(err, nodes[i])
			return nil, err
		}
		v = r
	}
	return v, nil
}

func (fr *frame) classDef(s *syn.ClassDef) error {
	th := fr.th
	decorators, err := fr.evalDecorators(s.Decorators)
	if err != nil {
		return err
	}
	var bases []*Class
	var baseValues []Value
	var meta Value
	var kwargs []Kwarg
	if s.Args != nil {
		for _, a := range s.Args.Args {
			switch a := a.(type) {
			case *syn.Keyword:
				v, err := fr.eval(a.Value)
				if err != nil {
					return err
				}
				if a.Name == nil {
					return fatalf("** in a class statement is not supported")
				}
				if a.Name.ID == "metaclass" {
					meta = v
					continue
				}
				kwargs = append(kwargs, Kwarg{a.Name.ID, v})
			default:
				vals, err := fr.evalElems([]syn.Expr{a}, false)
				if err != nil {
					return err
				}
				baseValues = append(baseValues, vals...)
			}
		}
	}
	for i, b := range baseValues {
		if m, err := getAttrOpt(th, b, "__mro_entries__"); err == nil && m != nil {
			if _, isClass := b.(*Class); !isClass {
				r, err := th.Call(m, []Value{Tuple(baseValues)}, nil)
				if err != nil {
					return err
				}
				items, err := ToSlice(th, r)
				if err != nil {
					return err
				}
				for _, it := range items {
					if c, ok := it.(*Class); ok {
						bases = append(bases, c)
					}
				}
				continue
			}
		}
		switch c := b.(type) {
		case *Class:
			bases = append(bases, c)
		case *Unknown:
			v := &Unknown{Why: "class " + s.Name.ID + " derives from an unknown base (" + c.Why + ")", At: fr.file.pos(s.DefStart)}
			return fr.env.store(s.Name.ID, v)
		default:
			err := typeErrorf("bases must be types")
			fr.annotate(err, s.Args.Args[i])
			return err
		}
	}
	qual := fr.qual + s.Name.ID
	ns := NewNamespace()
	ns.Set("__module__", Str(fr.env.mod.Name))
	ns.Set("__qualname__", Str(qual))
	if doc := docstring(fr.file, s.Body.Stmts); doc != nil {
		ns.Set("__doc__", doc)
	}
	body := &frame{th: th, env: &env{ns: ns, parent: fr.env, mod: fr.env.mod}, file: fr.file, qual: qual + "."}
	if err := fr.classBody(body, s.Body); err != nil {
		return err
	}
	metaClass, err := pickMeta(meta, bases)
	if err != nil {
		fr.annotate(err, s)
		return err
	}
	var cls Value
	if metaClass != nil && metaClass != TypeClass && !metaClass.builtin {
		d := namespaceProxy(ns)
		bt := make(Tuple, len(bases))
		for i, b := range bases {
			bt[i] = b
		}
		r, err := th.Call(metaClass, []Value{Str(s.Name.ID), bt, d}, kwargs)
		if err != nil {
			fr.annotate(err, s)
			return err
		}
		cls = r
	} else {
		c, err := th.NewClassFromBody(s.Name.ID, bases, ns, kwargs)
		if err != nil {
			fr.annotate(err, s)
			return err
		}
		cls = c
	}
	v, err := fr.applyDecorators(decorators, s.Decorators, cls)
	if err != nil {
		return err
	}
	return fr.env.store(s.Name.ID, v)
}

// classBody runs a class body. Its statements depend on the conditions
// the class statement is nested in, not on the reads of its decorators
// and bases; the statement's own reads are kept for the class binding.
func (fr *frame) classBody(body *frame, b *syn.Block) error {
	h := fr.th.host
	if h == nil {
		_, err := body.block(b)
		return err
	}
	stmt := h.cur
	if fr.fn == nil {
		h.cur = fr.hostBase
	}
	_, err := body.block(b)
	h.cur = stmt
	return err
}

// pickMeta returns the metaclass: the explicit one, else the most derived
// metaclass of the bases.
func pickMeta(explicit Value, bases []*Class) (*Class, error) {
	var meta *Class
	if explicit != nil {
		m, ok := explicit.(*Class)
		if !ok {
			return nil, fatalf("a metaclass that is not a class is not supported")
		}
		meta = m
	}
	for _, b := range bases {
		bm := b.Type()
		switch {
		case meta == nil || bm.IsSubclass(meta):
			meta = bm
		case meta.IsSubclass(bm):
		default:
			return nil, typeErrorf("metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases")
		}
	}
	return meta, nil
}

// NewClassFromBody creates a class from its evaluated body as type()
// does: C3 MRO, __set_name__, __init_subclass__, and the class recorded
// on its functions for super().
func (th *Thread) NewClassFromBody(name string, bases []*Class, ns *Namespace, kwargs []Kwarg) (*Class, error) {
	module := ""
	if m, ok := ns.Get("__module__"); ok {
		if s, ok := m.(Str); ok {
			module = string(s)
		}
	}
	qual := name
	if q, ok := ns.Get("__qualname__"); ok {
		if s, ok := q.(Str); ok {
			qual = string(s)
		}
		ns.Delete("__qualname__")
	}
	for _, b := range bases {
		if b == BoolClass || b == NoneClass || b == FunctionClass {
			return nil, typeErrorf("type '%s' is not an acceptable base type", b.Name)
		}
	}
	if _, eq := ns.Get("__eq__"); eq {
		if _, h := ns.Get("__hash__"); !h {
			ns.Set("__hash__", None)
		}
	}
	var meta *Class
	if m, err := pickMeta(nil, bases); err == nil && m != TypeClass {
		meta = m
	}
	c, err := NewClass(name, qual, module, bases, ns, meta)
	if err != nil {
		return nil, err
	}
	for _, k := range ns.Keys() {
		v, _ := ns.Get(k)
		setDefiningClass(v, c)
		if sn, err := getAttrOpt(th, v, "__set_name__"); err == nil && sn != nil {
			if _, isInst := v.(*Instance); isInst {
				if _, err := th.Call(sn, []Value{c, Str(k)}, nil); err != nil {
					return nil, err
				}
			}
		}
	}
	if len(c.MRO) > 1 {
		parent := c.MRO[1]
		if init, owner := parent.Lookup("__init_subclass__"); init != nil && !owner.builtin {
			fn := init
			if cm, ok := fn.(*ClassMethod); ok {
				fn = cm.Func
			}
			if _, err := th.Call(fn, []Value{c}, kwargs); err != nil {
				return nil, err
			}
		} else if len(kwargs) > 0 {
			return nil, typeErrorf("%s.__init_subclass__() takes no keyword arguments", c.Name)
		}
	}
	return c, nil
}

func setDefiningClass(v Value, c *Class) {
	switch f := v.(type) {
	case *Function:
		if f.class == nil {
			f.class = c
		}
	case *StaticMethod:
		setDefiningClass(f.Func, c)
	case *ClassMethod:
		setDefiningClass(f.Func, c)
	case *Property:
		setDefiningClass(f.Get, c)
		setDefiningClass(f.Set, c)
		setDefiningClass(f.Del, c)
	}
}
