package pysyntax

import (
	"fmt"
	"strings"
)

// The compile-time checks CPython 3.11 applies after parsing, in its
// order: __future__ imports, then the symbol table (scopes and
// declarations), then code generation (statements in the wrong place,
// starred expressions, repeated keywords).

// futureFeatures are the names "from __future__ import" accepts.
var futureFeatures = map[string]bool{
	"nested_scopes": true, "generators": true, "division": true, "absolute_import": true,
	"with_statement": true, "print_function": true, "unicode_literals": true,
	"barry_as_FLUFL": true, "generator_stop": true, "annotations": true,
}

type scopeKind uint8

const (
	moduleScope scopeKind = iota
	functionScope
	classScope
	lambdaScope
	compScope
)

// Symbol flags.
const (
	symAssigned = 1 << iota
	symUsed
	symParam
	symGlobal
	symNonlocal
	symAnnotated
	symIter // a comprehension iteration variable
)

type scope struct {
	kind      scopeKind
	async     bool
	generator bool
	parent    *scope
	// syms records each use and binding of a name in order; lookups scan
	// it, which is cheaper than a map because only declarations look.
	syms []symbol
	// nonlocals are the nonlocal declarations, checked once every scope
	// is known; directives are all global and nonlocal declarations.
	nonlocals  []*Name
	directives []*Name
	comp       *Comp // for compScope
	children   []*scope
	className  string // for classScope
}

// mangle returns name as CPython stores it in s: a private name (two
// leading underscores, not two trailing) inside a class gets the class
// name as prefix.
func mangle(s *scope, name string) string {
	if !strings.HasPrefix(name, "__") || strings.HasSuffix(name, "__") || strings.Contains(name, ".") {
		return name
	}
	for ; s != nil; s = s.parent {
		if s.kind == classScope {
			cls := strings.TrimLeft(s.className, "_")
			if cls == "" {
				return name
			}
			return "_" + cls + name
		}
	}
	return name
}

type symbol struct {
	name string
	flag int
}

// record notes a use or binding of name in scope s.
func (c *checker) record(s *scope, name string, flag int) {
	if c.track || flag&(symIter|symParam) != 0 {
		c.add(s, name, flag)
	}
}

// add records a symbol. A scope's symbols are cut from the arena's
// chunks, and move to a cut twice as large when full, so that a Parser
// reuses their memory too.
func (c *checker) add(s *scope, name string, flag int) {
	if len(s.syms) == cap(s.syms) {
		syms := &c.a.symbols
		n := max(2*cap(s.syms), symsPerScope)
		s.syms = append(syms.carve(n, max(n, min(max(2*cap(syms.buf), 4*symsPerScope), 64*symsPerScope))), s.syms...)
	}
	s.syms = append(s.syms, symbol{name, flag})
}

// flags returns the flags recorded for name.
func (s *scope) flags(name string) int {
	f := 0
	for _, sym := range s.syms {
		if sym.name == name {
			f |= sym.flag
		}
	}
	return f
}

// checker walks a module once; it keeps the first error of each phase.
type checker struct {
	// track is set when the source declares global or nonlocal names:
	// only then are uses and bindings recorded.
	track      bool
	depth      int
	lines      *Lines
	futureErr  *Error
	symErr     *Error
	compileErr *Error
	cur        *scope
	// blocks are the enclosing loops (true) and except* handlers (false)
	// of the current function or class body.
	blocks     []bool
	inCompIter bool
	// a holds the scopes and, in chunks, their first symbols.
	a *arena
}

// symsPerScope is the room a scope first gets in a shared chunk.
const symsPerScope = 8

func (c *checker) errAt(slot **Error, pos Pos, format string, args ...any) {
	if *slot != nil {
		return
	}
	line, col := c.lines.Position(pos)
	*slot = &Error{Kind: SyntaxErr, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
}

func (c *checker) sym(pos Pos, format string, args ...any) {
	c.errAt(&c.symErr, pos, format, args...)
}

func (c *checker) comp(pos Pos, format string, args ...any) {
	c.errAt(&c.compileErr, pos, format, args...)
}

// check runs the compile-time checks and panics with the first error;
// declares tells whether the module has global or nonlocal statements.
func check(m *Module, a *arena, declares bool) {
	c := &checker{lines: m.Lines, track: declares, a: a}
	c.future(m)
	root := put(&a.scopes, scope{kind: moduleScope})
	c.cur = root
	c.stmts(m.Body)
	c.resolveNonlocals(root)
	for _, e := range []*Error{c.futureErr, c.symErr, c.compileErr} {
		if e != nil {
			panic(bailout{e})
		}
	}
}

func (c *checker) future(m *Module) {
	leading := true
	for i, st := range m.Body {
		if i == 0 {
			if es, ok := st.(*ExprStmt); ok {
				if _, ok := es.X.(*Str); ok {
					continue
				}
			}
		}
		f, ok := st.(*ImportFrom)
		if !ok || f.Module == nil || f.Level != 0 || f.Module.String() != "__future__" {
			leading = false
			continue
		}
		if !leading {
			c.errAt(&c.futureErr, f.Start, "from __future__ imports must occur at the beginning of the file")
			return
		}
		for _, a := range f.Names {
			name := a.Name.String()
			if name == "braces" {
				c.errAt(&c.futureErr, a.Start, "not a chance")
				return
			}
			if !futureFeatures[name] {
				c.errAt(&c.futureErr, a.Start, "future feature %s is not defined", name)
				return
			}
		}
		if f.Star {
			c.errAt(&c.futureErr, f.Start, "future feature * is not defined")
		}
	}
}

func (c *checker) stmts(list []Stmt) {
	for _, s := range list {
		c.stmt(s)
	}
}

func (c *checker) block(b *Block) {
	if b != nil {
		c.stmts(b.Stmts)
	}
}

func (c *checker) inFunction() bool {
	return c.cur.kind == functionScope || c.cur.kind == lambdaScope
}

// maxCompileDepth is the deepest statement and expression nesting
// CPython 3.11 compiles; deeper sources raise RecursionError.
const maxCompileDepth = 2991

// descend counts one level of nesting; the caller defers ascend.
func (c *checker) descend() {
	c.depth++
	if c.depth > maxCompileDepth {
		// CPython's RecursionError carries no position.
		panic(bailout{&Error{Kind: RecursionErr, Msg: "maximum recursion depth exceeded during compilation"}})
	}
}

func (c *checker) ascend() { c.depth-- }

func (c *checker) stmt(s Stmt) {
	c.descend()
	switch s := s.(type) {
	case *ExprStmt:
		if st, ok := s.X.(*Starred); ok {
			c.comp(st.Start, "can't use starred expression here")
		}
		c.expr(s.X)
	case *Assign:
		c.expr(s.Value)
		if st, ok := s.Value.(*Starred); ok {
			c.comp(st.Start, "can't use starred expression here")
		}
		for _, t := range s.Targets {
			c.target(t)
			c.starTargets(t)
		}
	case *AugAssign:
		if st, ok := s.Value.(*Starred); ok {
			c.comp(st.Start, "can't use starred expression here")
		}
		c.expr(s.Value)
		c.use(s.Target)
		c.target(s.Target)
	case *AnnAssign:
		if n, ok := s.Target.(*Name); ok {
			c.declareAnnotated(n)
		}
		c.expr(s.Annotation)
		if s.Value != nil {
			if st, ok := s.Value.(*Starred); ok {
				c.comp(st.Start, "can't use starred expression here")
			}
			c.expr(s.Value)
		}
		c.target(s.Target)
	case *Return:
		if !c.inFunction() {
			c.comp(s.Start, "'return' outside function")
		} else if s.Value != nil && c.cur.async && c.cur.generator {
			c.comp(s.Start, "'return' with value in async generator")
		}
		for _, loop := range c.blocks {
			if !loop {
				c.comp(s.Start, exceptStarExit)
			}
		}
		if s.Value != nil {
			if st, ok := s.Value.(*Starred); ok {
				c.comp(st.Start, "can't use starred expression here")
			}
			c.expr(s.Value)
		}
	case *Delete:
		for _, t := range s.Targets {
			if n, ok := unparen(t).(*Name); ok && n.ID == "__debug__" {
				c.comp(n.Start, "cannot delete __debug__")
			}
			c.target(t)
		}
	case *Pass:
	case *Break:
		c.loopExit(s.Start, "'break' outside loop")
	case *Continue:
		c.loopExit(s.Start, "'continue' not properly in loop")
	case *Raise:
		c.exprs(s.Exc, s.Cause)
	case *Global:
		for _, n := range s.Names {
			c.declare(n, symGlobal, s.Start)
		}
	case *Nonlocal:
		if c.cur.kind == moduleScope {
			c.sym(s.Start, "nonlocal declaration not allowed at module level")
		}
		for _, n := range s.Names {
			c.declare(n, symNonlocal, s.Start)
			c.cur.nonlocals = append(c.cur.nonlocals, n)
		}
	case *Assert:
		c.exprs(s.Test, s.Msg)
	case *Import:
		for _, a := range s.Names {
			name := a.Name.Names[0]
			if a.AsName != nil {
				name = a.AsName
			}
			c.bind(name)
		}
	case *ImportFrom:
		if s.Star && c.cur.kind != moduleScope {
			c.sym(s.Start, "import * only allowed at module level")
		}
		for _, a := range s.Names {
			name := a.Name.Names[0]
			if a.AsName != nil {
				name = a.AsName
			}
			c.bind(name)
		}
	case *If:
		c.expr(s.Test)
		c.block(s.Body)
		for _, e := range s.Elifs {
			c.expr(e.Test)
			c.block(e.Body)
		}
		c.clause(s.Else)
	case *For:
		if st, ok := s.Iter.(*Starred); ok {
			c.comp(st.Start, "can't use starred expression here")
		}
		c.expr(s.Iter)
		c.target(s.Target)
		c.starTargets(s.Target)
		if s.Async && !(c.cur.kind == functionScope && c.cur.async) {
			c.comp(s.Start, "'async for' outside async function")
		}
		c.blocks = append(c.blocks, true)
		c.block(s.Body)
		c.blocks = c.blocks[:len(c.blocks)-1]
		c.clause(s.Else)
	case *While:
		c.expr(s.Test)
		c.blocks = append(c.blocks, true)
		c.block(s.Body)
		c.blocks = c.blocks[:len(c.blocks)-1]
		c.clause(s.Else)
	case *Try:
		c.block(s.Body)
		for i, h := range s.Handlers {
			if h.Type == nil && i < len(s.Handlers)-1 {
				c.comp(h.Start, "default 'except:' must be last")
			}
			if h.Type != nil {
				c.expr(h.Type)
			}
			if h.Name != nil {
				c.bind(h.Name)
			}
			if s.Star {
				c.blocks = append(c.blocks, false)
			}
			c.block(h.Body)
			if s.Star {
				c.blocks = c.blocks[:len(c.blocks)-1]
			}
		}
		c.clause(s.Else)
		c.clause(s.Finally)
	case *With:
		if s.Async && !(c.cur.kind == functionScope && c.cur.async) {
			c.comp(s.Start, "'async with' outside async function")
		}
		for _, it := range s.Items {
			c.expr(it.Context)
			if it.Vars != nil {
				c.target(it.Vars)
				c.starTargets(it.Vars)
			}
		}
		c.block(s.Body)
	case *FuncDef:
		for _, d := range s.Decorators {
			c.expr(d.X)
		}
		c.paramsOuter(s.Params)
		if s.Returns != nil {
			c.expr(s.Returns)
		}
		c.bind(s.Name)
		c.function(functionScope, s.Async, s.Params, func() { c.block(s.Body) })
	case *ClassDef:
		for _, d := range s.Decorators {
			c.expr(d.X)
		}
		if s.Args != nil {
			c.args(s.Args.Args)
		}
		c.bind(s.Name)
		blocks := c.blocks
		outer := c.push(scope{kind: classScope, className: s.Name.ID})
		c.blocks = nil
		c.block(s.Body)
		c.cur, c.blocks = outer, blocks
	case *Match:
		c.expr(s.Subject)
		for i, mc := range s.Cases {
			var names []*Name
			c.compilePattern(mc.Pattern, mc.Guard != nil || i == len(s.Cases)-1, &names)
			c.pattern(mc.Pattern)
			if mc.Guard != nil {
				c.expr(mc.Guard)
			}
			c.block(mc.Body)
		}
	}
	c.ascend()
}

const exceptStarExit = "'break', 'continue' and 'return' cannot appear in an except* block"

// loopExit checks a break or continue: the nearest loop must not lie
// outside an except* handler.
func (c *checker) loopExit(at Pos, outside string) {
	switch n := len(c.blocks); {
	case n == 0:
		c.comp(at, "%s", outside)
	case !c.blocks[n-1]:
		c.comp(at, exceptStarExit)
	}
}

func (c *checker) clause(cl *Clause) {
	if cl != nil {
		c.block(cl.Body)
	}
}

// push makes s, a child of the current scope, the current scope, and
// returns the outer one.
func (c *checker) push(s scope) (outer *scope) {
	outer = c.cur
	s.parent = outer
	c.cur = put(&c.a.scopes, s)
	// Only nonlocal declarations look at a scope's children, and a
	// source has none unless it declares names.
	if c.track {
		outer.children = append(outer.children, c.cur)
	}
	return outer
}

// function checks a function or lambda body in a new scope.
func (c *checker) function(kind scopeKind, async bool, ps *Params, body func()) {
	blocks := c.blocks
	outer := c.push(scope{kind: kind, async: async})
	c.blocks = nil
	if ps != nil {
		for rank := range 3 {
			for _, p := range ps.List {
				if p.Name == nil || symtableRank(p.Kind) != rank {
					continue
				}
				if p.Name.ID == "__debug__" {
					c.comp(p.Name.Start, "cannot assign to __debug__")
				}
				if c.cur.flags(p.Name.ID)&symParam != 0 {
					c.sym(p.Name.Start, "duplicate argument '%s' in function definition", p.Name.ID)
				}
				c.record(c.cur, p.Name.ID, symParam)
			}
		}
	}
	body()
	c.cur, c.blocks = outer, blocks
}

// paramsOuter checks the defaults and annotations, evaluated in the
// enclosing scope.
func (c *checker) paramsOuter(ps *Params) {
	if ps == nil {
		return
	}
	for _, p := range ps.List {
		if p.Default != nil {
			c.expr(p.Default)
		}
	}
	for _, p := range ps.List {
		if p.Annotation != nil {
			c.expr(p.Annotation)
		}
	}
}

// declare records a global or nonlocal declaration.
func (c *checker) declare(n *Name, flag int, at Pos) {
	kw := "global"
	if flag == symNonlocal {
		kw = "nonlocal"
	}
	prev := c.cur.flags(n.ID)
	switch {
	case prev&symParam != 0:
		c.sym(at, "name '%s' is parameter and %s", n.ID, kw)
	case flag == symGlobal && prev&symNonlocal != 0, flag == symNonlocal && prev&symGlobal != 0:
		// Reported at the first declaration of the name.
		for _, d := range c.cur.directives {
			if d.ID == n.ID {
				at = d.Start
				break
			}
		}
		c.sym(at, "name '%s' is nonlocal and global", n.ID)
	case prev&symAnnotated != 0:
		c.sym(at, "annotated name '%s' can't be %s", n.ID, kw)
	case prev&symAssigned != 0:
		c.sym(at, "name '%s' is assigned to before %s declaration", n.ID, kw)
	case prev&symUsed != 0:
		c.sym(at, "name '%s' is used prior to %s declaration", n.ID, kw)
	}
	c.record(c.cur, n.ID, flag)
	c.cur.directives = append(c.cur.directives, n)
}

func (c *checker) declareAnnotated(n *Name) {
	if f := c.cur.flags(n.ID); f&(symGlobal|symNonlocal) != 0 {
		kw := "global"
		if f&symNonlocal != 0 {
			kw = "nonlocal"
		}
		c.sym(n.Start, "annotated name '%s' can't be %s", n.ID, kw)
	}
	c.record(c.cur, n.ID, symAnnotated)
}

func (c *checker) bind(n *Name) {
	if n.ID == "__debug__" {
		c.comp(n.Start, "cannot assign to __debug__")
	}
	c.record(c.cur, n.ID, symAssigned)
}

// resolveNonlocals checks that every nonlocal name is bound in an
// enclosing function.
func (c *checker) resolveNonlocals(s *scope) {
	for _, n := range s.nonlocals {
		found := false
		for p := s.parent; p != nil && p.kind != moduleScope; p = p.parent {
			if p.kind == classScope {
				continue
			}
			f := p.flags(n.ID)
			if f&symGlobal != 0 {
				break
			}
			if f&(symAssigned|symParam|symNonlocal|symAnnotated) != 0 {
				found = true
				break
			}
		}
		if !found && s.kind != moduleScope {
			c.sym(n.Start, "no binding for nonlocal '%s' found", mangle(s, n.ID))
		}
	}
	for _, ch := range s.children {
		c.resolveNonlocals(ch)
	}
}

// target records the names an assignment target binds.
func (c *checker) target(t Expr) {
	switch t := t.(type) {
	case *Name:
		c.bind(t)
	case *Tuple:
		for _, e := range t.Elts {
			c.target(e)
		}
	case *List:
		for _, e := range t.Elts {
			c.target(e)
		}
	case *Starred:
		c.target(t.Value)
	case *Paren:
		c.target(t.X)
	case *Attribute:
		if t.Attr.ID == "__debug__" {
			c.comp(t.Attr.Start, "cannot assign to __debug__")
		}
		c.expr(t.Value)
	case *Subscript:
		c.expr(t.Value)
		c.expr(t.Index)
	}
}

// starTargets checks starred expressions in an assignment target.
func (c *checker) starTargets(t Expr) {
	var elts []Expr
	switch t := t.(type) {
	case *Starred:
		c.comp(t.Start, "starred assignment target must be in a list or tuple")
		return
	case *Paren:
		c.starTargets(t.X)
		return
	case *Tuple:
		elts = t.Elts
	case *List:
		elts = t.Elts
	default:
		return
	}
	stars := 0
	for _, e := range elts {
		if s, ok := e.(*Starred); ok {
			stars++
			if stars == 2 {
				c.comp(startOf(t), "multiple starred expressions in assignment")
			}
			c.starTargets(s.Value)
		} else {
			c.starTargets(e)
		}
	}
}

func (c *checker) use(x Expr) {
	if n, ok := x.(*Name); ok {
		c.record(c.cur, n.ID, symUsed)
	}
}

func (c *checker) exprs(xs ...Expr) {
	for _, x := range xs {
		if x != nil {
			c.expr(x)
		}
	}
}

func (c *checker) args(args []Expr) {
	// Short argument lists are searched; long ones get a set.
	var seen map[string]bool
	if len(args) > 32 {
		seen = map[string]bool{}
	}
	for i, a := range args {
		if k, ok := a.(*Keyword); ok && k.Name != nil {
			repeated := seen[k.Name.ID]
			if seen == nil {
				repeated = keywordBefore(args[:i], k.Name.ID)
			} else {
				seen[k.Name.ID] = true
			}
			if repeated {
				c.comp(k.Start, "keyword argument repeated: %s", k.Name.ID)
			}
			if k.Name.ID == "__debug__" {
				c.comp(k.Start, "cannot assign to __debug__")
			}
		}
		c.expr(a)
	}
}

// keywordBefore reports whether one of args is the keyword argument id.
func keywordBefore(args []Expr, id string) bool {
	for _, a := range args {
		if k, ok := a.(*Keyword); ok && k.Name != nil && k.Name.ID == id {
			return true
		}
	}
	return false
}

func (c *checker) expr(x Expr) {
	if x == nil {
		return
	}
	c.descend()
	switch x := x.(type) {
	case *Name:
		c.record(c.cur, x.ID, symUsed)
	case *Num, *Lit:
	case *Str:
		for _, p := range x.Parts {
			c.fields(p.Values)
		}
	case *Tuple:
		for _, e := range x.Elts {
			c.expr(e)
		}
	case *List:
		for _, e := range x.Elts {
			c.expr(e)
		}
	case *Set:
		for _, e := range x.Elts {
			c.expr(e)
		}
	case *Dict:
		for _, it := range x.Items {
			c.exprs(it.Key, it.Value)
		}
	case *Comp:
		c.comprehension(x)
	case *Paren:
		c.expr(x.X)
	case *Starred:
		c.expr(x.Value)
	case *Attribute:
		c.expr(x.Value)
	case *Subscript:
		c.exprs(x.Value, x.Index)
	case *Slice:
		c.exprs(x.Lower, x.Upper, x.Step)
	case *Call:
		c.expr(x.Func)
		c.args(x.Args)
	case *Keyword:
		c.expr(x.Value)
	case *BinOp:
		c.exprs(x.X, x.Y)
	case *BoolOp:
		c.exprs(x.X, x.Y)
	case *UnaryOp:
		c.expr(x.X)
	case *Compare:
		c.expr(x.Left)
		for _, e := range x.Comparators {
			c.expr(e)
		}
	case *Lambda:
		c.paramsOuter(x.Params)
		c.function(lambdaScope, false, x.Params, func() { c.expr(x.Body) })
	case *IfExp:
		c.exprs(x.Body, x.Test, x.Else)
	case *NamedExpr:
		c.namedExpr(x)
		c.expr(x.Value)
	case *Await:
		switch {
		case c.cur.kind == moduleScope || c.cur.kind == classScope:
			c.comp(x.Start, "'await' outside function")
		case c.cur.kind == compScope:
			if !c.asyncContext() {
				if c.cur.comp.Kind != LPAREN {
					c.comp(x.Start, "asynchronous comprehension outside of an asynchronous function")
				}
			}
		case !c.cur.async:
			c.comp(x.Start, "'await' outside async function")
		}
		c.expr(x.Value)
	case *Yield:
		switch c.cur.kind {
		case compScope:
			c.sym(x.Start, "'yield' inside %s", exprName(c.cur.comp))
		case functionScope, lambdaScope:
			c.cur.generator = true
			if st, ok := x.Value.(*Starred); ok {
				c.comp(st.Start, "can't use starred expression here")
			}
		default:
			c.comp(x.Start, "'yield' outside function")
		}
		c.expr(x.Value)
	}
	c.ascend()
}

// asyncContext reports whether the nearest enclosing function is async.
func (c *checker) asyncContext() bool {
	for s := c.cur; s != nil; s = s.parent {
		switch s.kind {
		case functionScope:
			return s.async
		case lambdaScope, classScope, moduleScope:
			return false
		}
	}
	return false
}

func (c *checker) fields(vs []*FormattedValue) {
	for _, v := range vs {
		c.expr(v.Value)
		if v.Spec != nil {
			c.fields(v.Spec.Values)
		}
	}
}

func (c *checker) comprehension(x *Comp) {
	// The first iterable is evaluated in the enclosing scope.
	// A walrus anywhere inside an iterable is an error, however deeply
	// nested comprehensions or lambdas it stands in.
	inIter := c.inCompIter
	c.inCompIter = true
	c.expr(x.Clauses[0].Iter)
	c.inCompIter = inIter
	outer := c.push(scope{kind: compScope, comp: x})
	for i, f := range x.Clauses {
		if f.Async && x.Kind != LPAREN && !c.asyncContext() {
			c.comp(f.Start, "asynchronous comprehension outside of an asynchronous function")
		}
		if i > 0 {
			c.inCompIter = true
			c.expr(f.Iter)
			c.inCompIter = inIter
		}
		c.compTarget(f.Target)
		c.starTargets(f.Target)
		for _, cond := range f.Ifs {
			c.expr(cond.Cond)
		}
	}
	c.exprs(x.Elt, x.Value)
	c.cur = outer
}

func (c *checker) compTarget(t Expr) {
	switch t := t.(type) {
	case *Name:
		c.record(c.cur, t.ID, symAssigned|symIter)
	case *Tuple:
		for _, e := range t.Elts {
			c.compTarget(e)
		}
	case *List:
		for _, e := range t.Elts {
			c.compTarget(e)
		}
	case *Starred:
		c.compTarget(t.Value)
	case *Paren:
		c.compTarget(t.X)
	default:
		c.expr(t)
	}
}

// namedExpr binds a walrus target: inside comprehensions, in the
// enclosing function or module scope.
func (c *checker) namedExpr(x *NamedExpr) {
	if x.Target.ID == "__debug__" {
		c.comp(x.Target.Start, "cannot assign to __debug__")
	}
	if c.inCompIter {
		c.sym(x.Start, "assignment expression cannot be used in a comprehension iterable expression")
	}
	s := c.cur
	for s.kind == compScope {
		if s.flags(x.Target.ID)&symIter != 0 {
			c.sym(x.Start, "assignment expression cannot rebind comprehension iteration variable '%s'", x.Target.ID)
		}
		s = s.parent
	}
	if s != c.cur && s.kind == classScope {
		c.sym(x.Start, "assignment expression within a comprehension cannot be used in a class body")
	}
	c.record(s, x.Target.ID, symAssigned)
}

func (c *checker) pattern(p Pattern) {
	switch p := p.(type) {
	case *MatchValue:
		c.expr(p.Value)
	case *MatchSequence:
		for _, q := range p.Patterns {
			c.pattern(q)
		}
	case *MatchMapping:
		for i, k := range p.Keys {
			c.expr(k)
			c.pattern(p.Patterns[i])
		}
		if p.Rest != nil {
			c.bind(p.Rest)
		}
	case *MatchClass:
		c.expr(p.Cls)
		for _, q := range p.Patterns {
			c.pattern(q)
		}
		for _, q := range p.KwdPatterns {
			c.pattern(q)
		}
	case *MatchStar:
		if p.Name != nil {
			c.bind(p.Name)
		}
	case *MatchAs:
		if p.Pattern != nil {
			c.pattern(p.Pattern)
		}
		if p.Name != nil {
			c.bind(p.Name)
		}
	case *MatchOr:
		for _, q := range p.Patterns {
			c.pattern(q)
		}
	case *MatchGroup:
		c.pattern(p.Pattern)
	}
}

// symtableRank orders the named parameters as CPython's symbol table
// adds them: positional ones, keyword-only ones (rank 0), then *args (1)
// and **kwargs (2).
func symtableRank(k ParamKind) int {
	switch k {
	case ParamVarArgs:
		return 1
	case ParamKwArgs:
		return 2
	}
	return 0
}

// compilePattern applies the checks CPython's compiler makes on a match
// pattern: captures that make later patterns unreachable, names bound
// twice, alternatives binding different names, duplicate mapping keys
// and class keywords, several starred names. names collects the bound
// names in order.
func (c *checker) compilePattern(p Pattern, allowIrrefutable bool, names *[]*Name) {
	bind := func(n *Name) {
		for _, prev := range *names {
			if prev.ID == n.ID {
				c.comp(n.Start, "multiple assignments to name '%s' in pattern", n.ID)
			}
		}
		*names = append(*names, n)
	}
	switch p := p.(type) {
	case *MatchAs:
		if p.Pattern == nil {
			if !allowIrrefutable {
				if p.Name != nil {
					c.comp(p.Start, "name capture '%s' makes remaining patterns unreachable", p.Name.ID)
				} else {
					c.comp(p.Start, "wildcard makes remaining patterns unreachable")
				}
			}
		} else {
			c.compilePattern(p.Pattern, allowIrrefutable, names)
		}
		if p.Name != nil {
			bind(p.Name)
		}
	case *MatchGroup:
		c.compilePattern(p.Pattern, allowIrrefutable, names)
	case *MatchOr:
		var first []*Name
		for i, alt := range p.Patterns {
			var alts []*Name
			c.compilePattern(alt, allowIrrefutable && i == len(p.Patterns)-1, &alts)
			if i == 0 {
				first = alts
			} else if !sameNames(first, alts) {
				c.comp(startOf(alt), "alternative patterns bind different names")
			}
		}
		for _, n := range first {
			bind(n)
		}
	case *MatchSequence:
		stars := 0
		for _, q := range p.Patterns {
			if _, ok := q.(*MatchStar); ok {
				if stars++; stars == 2 {
					c.comp(p.Start, "multiple starred names in sequence pattern")
				}
			}
			c.compilePattern(q, true, names)
		}
	case *MatchStar:
		if p.Name != nil {
			bind(p.Name)
		}
	case *MatchMapping:
		var keys []string
		for i, k := range p.Keys {
			if key, ok := literalKey(k); ok {
				for _, prev := range keys {
					if prev == key {
						c.comp(p.Start, "mapping pattern checks duplicate key (%s)", key)
					}
				}
				keys = append(keys, key)
			}
			c.compilePattern(p.Patterns[i], true, names)
		}
		if p.Rest != nil {
			bind(p.Rest)
		}
	case *MatchClass:
		for _, q := range p.Patterns {
			c.compilePattern(q, true, names)
		}
		for i, a := range p.KwdAttrs {
			if a.ID == "__debug__" {
				c.comp(a.Start, "cannot assign to __debug__")
			}
			for _, prev := range p.KwdAttrs[:i] {
				if prev.ID == a.ID {
					c.comp(a.Start, "attribute name repeated in class pattern: %s", a.ID)
				}
			}
			c.compilePattern(p.KwdPatterns[i], true, names)
		}
	}
}

// sameNames reports whether two alternatives bind the same set of names.
func sameNames(a, b []*Name) bool {
	if len(a) != len(b) {
		return false
	}
	for _, x := range a {
		found := false
		for _, y := range b {
			if x.ID == y.ID {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// literalKey returns the source of a literal mapping-pattern key (the
// keys compared for duplicates), or false for attribute lookups.
func literalKey(k Expr) (string, bool) {
	switch k := k.(type) {
	case *Num:
		return k.Raw, true
	case *Lit:
		return k.Tok.String(), true
	case *Str:
		// The text of the parts stands for the value: equal keys are
		// written alike in practice.
		key := ""
		for _, p := range k.Parts {
			key += p.body()
		}
		if k.Parts[0].Bytes() {
			return "b'" + key + "'", true
		}
		return "'" + key + "'", true
	}
	return "", false
}
