package pyrt

import (
	syn "github.com/asterkit/aster/analyzer/python/internal/pysyntax"
)

// scope is what a function, lambda or comprehension binds: its local
// names, its global and nonlocal declarations, and whether it yields.
type scope struct {
	locals map[string]bool
	// order lists the locals: a call's cells are in this order.
	order []string
	// slots maps a local to its position in order, past scanSlots locals.
	slots     map[string]int
	globals   map[string]bool
	nonlocals map[string]bool
	yields    bool
	comp      bool
}

func newScope() *scope {
	return &scope{locals: map[string]bool{}, globals: map[string]bool{}, nonlocals: map[string]bool{}}
}

func (s *scope) add(name string) {
	if !s.locals[name] {
		s.locals[name] = true
		s.order = append(s.order, name)
	}
}

// finish removes the declared global and nonlocal names from the locals.
func (s *scope) finish() *scope {
	order := s.order[:0]
	for _, n := range s.order {
		if s.globals[n] || s.nonlocals[n] {
			delete(s.locals, n)
			continue
		}
		order = append(order, n)
	}
	s.order = order
	return s.indexed()
}

// scanSlots is the most locals slot finds by scanning order.
const scanSlots = 8

// indexed makes the slots of a scope with many locals.
func (s *scope) indexed() *scope {
	if len(s.order) > scanSlots {
		s.slots = positions(s.order)
	}
	return s
}

// slot returns the position of a local among a call's cells, or -1.
func (s *scope) slot(name string) int { return positionOf(s.order, s.slots, name) }

// addTargets adds the names an assignment target binds.
func (s *scope) addTargets(t syn.Expr) {
	switch t := t.(type) {
	case *syn.Name:
		s.add(t.ID)
	case *syn.Tuple:
		for _, e := range t.Elts {
			s.addTargets(e)
		}
	case *syn.List:
		for _, e := range t.Elts {
			s.addTargets(e)
		}
	case *syn.Starred:
		s.addTargets(t.Value)
	case *syn.Paren:
		s.addTargets(t.X)
	}
}

// addParams adds the parameter names.
func (s *scope) addParams(params *syn.Params) {
	if params != nil {
		for _, p := range params.List {
			if p.Name != nil {
				s.add(p.Name.ID)
			}
		}
	}
}

// funcScope analyses a function's parameters and body.
func funcScope(params *syn.Params, body []syn.Stmt) *scope {
	s := newScope()
	s.addParams(params)
	for _, st := range body {
		syn.Inspect(st, s.visit)
	}
	return s.finish()
}

// lambdaScope analyses a lambda.
func lambdaScope(l *syn.Lambda) *scope {
	s := newScope()
	s.addParams(l.Params)
	syn.Inspect(l.Body, s.visit)
	return s.finish()
}

// compScope analyses a comprehension: its for targets are its locals.
func compScope(c *syn.Comp) *scope {
	s := newScope()
	s.comp = true
	for _, cl := range c.Clauses {
		s.addTargets(cl.Target)
	}
	return s.indexed()
}

func (s *scope) visit(n syn.Node) bool {
	switch n := n.(type) {
	case *syn.Assign:
		for _, t := range n.Targets {
			s.addTargets(t)
		}
	case *syn.AugAssign:
		s.addTargets(n.Target)
	case *syn.AnnAssign:
		s.addTargets(n.Target)
	case *syn.For:
		s.addTargets(n.Target)
	case *syn.WithItem:
		if n.Vars != nil {
			s.addTargets(n.Vars)
		}
	case *syn.ExceptHandler:
		if n.Name != nil {
			s.add(n.Name.ID)
		}
	case *syn.Import:
		for _, a := range n.Names {
			if a.AsName != nil {
				s.add(a.AsName.ID)
			} else {
				s.add(a.Name.Names[0].ID)
			}
		}
	case *syn.ImportFrom:
		for _, a := range n.Names {
			if a.AsName != nil {
				s.add(a.AsName.ID)
			} else {
				s.add(a.Name.String())
			}
		}
	case *syn.Delete:
		for _, t := range n.Targets {
			s.addTargets(t)
		}
	case *syn.NamedExpr:
		s.add(n.Target.ID)
	case *syn.FuncDef:
		s.add(n.Name.ID)
		return false
	case *syn.ClassDef:
		s.add(n.Name.ID)
		return false
	case *syn.Lambda:
		return false
	case *syn.Comp:
		// Only walrus targets inside bind here; the comprehension's own
		// targets are its locals.
		syn.Inspect(n, func(m syn.Node) bool {
			switch m := m.(type) {
			case *syn.NamedExpr:
				s.add(m.Target.ID)
			case *syn.Lambda:
				return false
			}
			return true
		})
		return false
	case *syn.Global:
		for _, name := range n.Names {
			s.globals[name.ID] = true
		}
	case *syn.Nonlocal:
		for _, name := range n.Names {
			s.nonlocals[name.ID] = true
		}
	case *syn.MatchAs:
		if n.Name != nil {
			s.add(n.Name.ID)
		}
	case *syn.MatchStar:
		if n.Name != nil {
			s.add(n.Name.ID)
		}
	case *syn.MatchMapping:
		if n.Rest != nil {
			s.add(n.Rest.ID)
		}
	case *syn.Yield:
		s.yields = true
	}
	return true
}

// env is a runtime scope: a function call's cells, a class body's
// namespace, or a module's globals (neither set).
type env struct {
	sc     *scope
	cells  []Cell // the locals of sc, in its order
	ns     *Namespace
	parent *env
	mod    *Module
}

// cell returns the cell of a local of the env's scope, or nil.
func (e *env) cell(name string) *Cell {
	if i := e.sc.slot(name); i >= 0 {
		return &e.cells[i]
	}
	return nil
}

// lookup finds name as Python's scoping rules do; ok is false when the
// name is not bound anywhere.
func (e *env) lookup(th *Thread, name string) (Value, error) {
	if e.sc != nil {
		if c := e.cell(name); c != nil {
			if c.V == nil {
				return nil, excf(UnboundLocalErrorClass, "cannot access local variable '%s' where it is not associated with a value", name)
			}
			return c.V, nil
		}
		if e.sc.globals[name] {
			return e.global(th, name)
		}
	} else if e.ns != nil {
		if v, ok := e.ns.Get(name); ok {
			return v, nil
		}
	} else {
		return e.global(th, name)
	}
	if c := e.freeCell(name); c != nil {
		if c.V == nil {
			return nil, excf(NameErrorClass, "cannot access free variable '%s' where it is not associated with a value in enclosing scope", name)
		}
		return c.V, nil
	}
	return e.global(th, name)
}

// freeCell finds the cell of an enclosing function that binds name.
func (e *env) freeCell(name string) *Cell {
	for p := e.parent; p != nil; p = p.parent {
		if p.sc == nil {
			if p.ns == nil {
				return nil
			}
			continue // class bodies are not enclosing scopes
		}
		if c := p.cell(name); c != nil {
			return c
		}
		if p.sc.globals[name] {
			return nil
		}
	}
	return nil
}

func (e *env) global(th *Thread, name string) (Value, error) {
	if v, ok := e.mod.Globals.Get(name); ok {
		if th.host != nil {
			th.host.readGlobal(e.mod, name)
		}
		return v, nil
	}
	if v, ok := th.builtinNS().Get(name); ok {
		return v, nil
	}
	exc := excf(NameErrorClass, "name '%s' is not defined", name)
	exc.Value.Dict.Set("name", Str(name))
	return nil, exc
}

// store binds name in this scope.
func (e *env) store(name string, v Value) error {
	if e.sc != nil {
		if c := e.cell(name); c != nil {
			c.V = v
			return nil
		}
		if e.sc.nonlocals[name] {
			if c := e.freeCell(name); c != nil {
				c.V = v
				return nil
			}
		}
		if e.sc.comp {
			return e.parent.store(name, v)
		}
		e.storeGlobal(name, v)
		return nil
	}
	if e.ns != nil {
		e.ns.Set(name, v)
		return nil
	}
	e.storeGlobal(name, v)
	return nil
}

// storeGlobal binds a module global, with the host reads it depends on.
func (e *env) storeGlobal(name string, v Value) {
	e.mod.Globals.Set(name, v)
	if e.mod.host != nil {
		e.mod.host.setGlobal(e.mod, name)
	}
}

// storeWalrus binds the target of ":=", which a comprehension binds in
// its enclosing scope.
func (e *env) storeWalrus(name string, v Value) error {
	for e.sc != nil && e.sc.comp {
		e = e.parent
	}
	return e.store(name, v)
}

// del unbinds name.
func (e *env) del(th *Thread, name string) error {
	if e.sc != nil {
		if c := e.cell(name); c != nil {
			if c.V == nil {
				return excf(UnboundLocalErrorClass, "cannot access local variable '%s' where it is not associated with a value", name)
			}
			c.V = nil
			return nil
		}
		if e.sc.nonlocals[name] {
			if c := e.freeCell(name); c != nil {
				c.V = nil
				return nil
			}
		}
	} else if e.ns != nil {
		if e.ns.Delete(name) {
			return nil
		}
		return excf(NameErrorClass, "name '%s' is not defined", name)
	}
	if !e.mod.Globals.Delete(name) {
		return excf(NameErrorClass, "name '%s' is not defined", name)
	}
	return nil
}
