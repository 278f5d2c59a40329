package pyparse

import (
	"strings"

	sx "github.com/asterkit/aster/analyzer/python/internal/pysyntax"
)

// The outline keeps the node kinds and field names the analyzer reads
// (those of the tree-sitter Python grammar the analyzer was first written
// against): annotations are ordinary expressions, function bodies keep
// their first statement and every global statement inside them.

// fieldNames lists the field names; a node's field is an index into it.
var fieldNames = []string{"", "alias", "alternative", "argument", "arguments", "attribute", "body",
	"cause", "condition", "consequence", "definition", "expression", "format_specifier", "function",
	"guard", "key", "left", "module_name", "name", "object", "operator", "operators", "parameters",
	"return_type", "right", "subject", "subscript", "superclasses", "type", "type_conversion", "value"}

// fieldSlots holds each field name's id at the slot fieldSlot gives it;
// TestFieldID checks that no two names share a slot.
var fieldSlots = func() (t [256]uint8) {
	for i, f := range fieldNames[1:] {
		t[fieldSlot(f)] = uint8(i + 1)
	}
	return t
}()

// fieldSlot is a slot for a non-empty field name, from its length and
// its first and last bytes.
func fieldSlot(name string) uint8 {
	return uint8(len(name)*16) + name[0]*2 + name[len(name)-1]
}

// fieldID returns the id of a field name ("" is the id of unnamed
// children), and false for a name that is not a field.
func fieldID(name string) (uint8, bool) {
	if name == "" {
		return 0, true
	}
	id := fieldSlots[fieldSlot(name)]
	return id, id != 0 && fieldNames[id] == name
}

// mustField returns the id of a field name.
func mustField(name string) uint8 {
	id, ok := fieldID(name)
	if !ok {
		panic("pyparse: no field " + name)
	}
	return id
}

// Field ids.
var (
	fAlias        = mustField("alias")
	fAlternative  = mustField("alternative")
	fArgument     = mustField("argument")
	fArguments    = mustField("arguments")
	fAttribute    = mustField("attribute")
	fBody         = mustField("body")
	fCause        = mustField("cause")
	fCondition    = mustField("condition")
	fConsequence  = mustField("consequence")
	fDefinition   = mustField("definition")
	fExpression   = mustField("expression")
	fFormatSpec   = mustField("format_specifier")
	fFunction     = mustField("function")
	fGuard        = mustField("guard")
	fKey          = mustField("key")
	fLeft         = mustField("left")
	fModuleName   = mustField("module_name")
	fName         = mustField("name")
	fObject       = mustField("object")
	fOperator     = mustField("operator")
	fOperators    = mustField("operators")
	fParameters   = mustField("parameters")
	fReturnType   = mustField("return_type")
	fRight        = mustField("right")
	fSubject      = mustField("subject")
	fSubscript    = mustField("subscript")
	fSuperclasses = mustField("superclasses")
	fType         = mustField("type")
	fTypeConv     = mustField("type_conversion")
	fValue        = mustField("value")
)

// converter builds the outline of a module in pre-order. Nodes are made
// in nodes and named by their index there; each finished node is pushed
// on stack, and close moves a node's children from the stack into kids.
// Only the finished outline is copied out, at its final count, so the
// converter's memory (which holds no pointers) serves one module after
// another. The nodes are built as Nodes (which hold no pointer either),
// so that copying them out is a plain copy.
type converter struct {
	src   string
	lines *sx.Lines
	nodes []Node
	stack []uint32
	kids  []uint32
	// declares and yields are false when the module holds no global
	// statement, or no yield expression: function bodies need no search.
	declares, yields bool
	// endOf is the last block blockEnd measured, and its end.
	endOf struct {
		block *sx.Block
		end   sx.Pos
	}
}

// node makes a named node.
func (c *converter) node(kind kind, field uint8, start, end sx.Pos) uint32 {
	n := len(c.nodes)
	// The fields are set in place: a Node built whole is assembled on the
	// stack by narrow stores and copied by wide loads, which stall.
	c.nodes = append(c.nodes, Node{})
	d := &c.nodes[n]
	d.start, d.end, d.kind, d.field, d.Named = uint32(start), uint32(end), kind, field, true
	return uint32(n)
}

// open starts a node; its children are the nodes pushed until close.
func (c *converter) open(kind kind, field uint8, start, end sx.Pos) (uint32, int) {
	return c.node(kind, field, start, end), len(c.stack)
}

func (c *converter) close(n uint32, mark int) {
	if kids := c.stack[mark:]; len(kids) > 0 {
		d := &c.nodes[n]
		d.first = uint32(len(c.kids))
		d.nkids = uint32(len(kids))
		if len(kids) == 1 {
			// The commonest count, appended without a call to copy.
			c.kids = append(c.kids, kids[0])
		} else {
			c.kids = append(c.kids, kids...)
		}
	}
	c.stack = append(c.stack[:mark], n)
}

// leaf pushes a node without children.
func (c *converter) leaf(kind kind, field uint8, start, end sx.Pos) uint32 {
	n := c.node(kind, field, start, end)
	c.stack = append(c.stack, n)
	return n
}

// token pushes an anonymous token (an operator) with a field.
func (c *converter) token(k kind, field uint8, start sx.Pos) {
	n := c.leaf(k, field, start, start+sx.Pos(len(kindNames[k])))
	c.nodes[n].Named = false
}

// span, startOf and endOf take the node's own type, which spares
// converting an Expr or a Stmt to a Node.
func span[N sx.Node](n N) (sx.Pos, sx.Pos) { return n.Span() }

// convert makes the outline of m; declares and yields are false when m
// holds no global (or nonlocal) statement, or no yield expression.
func (c *converter) convert(m *sx.Module, declares, yields bool) *File {
	c.src, c.lines, c.endOf.block = m.Src, m.Lines, nil
	c.declares, c.yields = declares, yields
	c.nodes, c.stack, c.kids = c.nodes[:0], c.stack[:0], c.kids[:0]
	start := 0
	for start < len(m.Src) && strings.IndexByte(" \t\n\r\f", m.Src[start]) >= 0 {
		start++
	}
	if start == len(m.Src) {
		start = 0
	}
	root, mark := c.open(kModule, 0, sx.Pos(start), sx.Pos(len(m.Src)))
	for _, s := range m.Body {
		c.stmt(s, 0)
	}
	c.close(root, mark)
	f := c.file()
	// The pooled converter does not keep the source or the tree alive.
	c.src, c.lines, c.endOf.block = "", nil, nil
	return f
}

// file copies the finished outline out; the root is the first node.
func (c *converter) file() *File {
	f := &File{src: c.src, lines: c.lines}
	data := c.nodes
	// Node i is in chunk i/chunkNodes, at slot i%chunkNodes: full chunks,
	// then one sized to the nodes left.
	chunks := make([][]Node, 0, len(data)/chunkNodes+1)
	for start := 0; start < len(data); start += chunkNodes {
		left := len(data) - start
		chunks = append(chunks, newChunk(f, left)[:min(left, chunkNodes)])
	}
	for i, ch := range chunks {
		copy(ch, data[i*chunkNodes:])
		for j := range ch {
			ch[j].slot = uint16(j)
		}
	}
	// A node's children are mostly in the chunk of the previous child:
	// ch holds nodes lo to lo+len(ch). Written this way, the common path
	// has no bounds check.
	kids := make([]*Node, len(c.kids))
	ids := c.kids[:len(kids)]
	var ch []Node
	lo := 0
	for i := range kids {
		k := int(ids[i])
		if j := k - lo; uint(j) < uint(len(ch)) {
			kids[i] = &ch[j]
			continue
		}
		ch, lo = chunks[k/chunkNodes], k-k%chunkNodes
		kids[i] = &ch[k%chunkNodes]
	}
	f.kids = kids
	f.Root = &chunks[0][0]
	return f
}

func (c *converter) stmts(list []sx.Stmt) {
	for _, s := range list {
		c.stmt(s, 0)
	}
}

func (c *converter) block(b *sx.Block, field uint8) {
	n, mark := c.open(kBlock, field, b.Start, c.blockEnd(b))
	c.stmts(b.Stmts)
	c.close(n, mark)
}

func (c *converter) elseClause(cl *sx.Clause, field uint8) {
	if cl == nil {
		return
	}
	n, mark := c.open(kElseClause, field, cl.Start, c.blockEnd(cl.Body))
	c.block(cl.Body, fBody)
	c.close(n, mark)
}

// simple pushes a statement node spanning start to end with the children
// body pushes.
func (c *converter) simple(kind kind, start, end sx.Pos, body func()) {
	n, mark := c.open(kind, 0, start, end)
	body()
	c.close(n, mark)
}

func (c *converter) stmt(s sx.Stmt, field uint8) {
	start, _ := span(s)
	end := c.stmtEnd(s)
	switch s := s.(type) {
	case *sx.ExprStmt:
		c.simple(kExpressionStatement, start, end, func() {
			if t, ok := s.X.(*sx.Tuple); ok && !t.Paren {
				for _, e := range t.Elts {
					c.expr(e, 0)
				}
				return
			}
			c.expr(s.X, 0)
		})
	case *sx.Assign:
		c.simple(kExpressionStatement, start, end, func() { c.assign(s.Targets, s.Value, 0) })
	case *sx.AnnAssign:
		c.simple(kExpressionStatement, start, end, func() {
			n, mark := c.open(kAssignment, 0, start, end)
			c.target(s.Target, fLeft)
			c.expr(s.Annotation, fType)
			if s.Value != nil {
				c.rhs(s.Value, fRight)
			}
			c.close(n, mark)
		})
	case *sx.AugAssign:
		c.simple(kExpressionStatement, start, end, func() {
			n, mark := c.open(kAugmentedAssignment, 0, start, end)
			c.target(s.Target, fLeft)
			c.token(augKinds[s.Op], fOperator, s.OpPos)
			c.rhs(s.Value, fRight)
			c.close(n, mark)
		})
	case *sx.Return:
		c.simple(kReturnStatement, start, end, func() {
			if s.Value != nil {
				c.exprs(s.Value, 0)
			}
		})
	case *sx.Delete:
		c.simple(kDeleteStatement, start, end, func() {
			if len(s.Targets) == 1 {
				c.expr(s.Targets[0], 0)
				return
			}
			n, mark := c.open(kExpressionList, 0, startOf(s.Targets[0]), endOf(s.Targets[len(s.Targets)-1]))
			for _, t := range s.Targets {
				c.expr(t, 0)
			}
			c.close(n, mark)
		})
	case *sx.Pass:
		c.leaf(kPassStatement, 0, start, end)
	case *sx.Break:
		c.leaf(kBreakStatement, 0, start, end)
	case *sx.Continue:
		c.leaf(kContinueStatement, 0, start, end)
	case *sx.Raise:
		c.simple(kRaiseStatement, start, end, func() {
			if s.Exc != nil {
				c.exprs(s.Exc, 0)
			}
			if s.Cause != nil {
				c.expr(s.Cause, fCause)
			}
		})
	case *sx.Global:
		c.simple(kGlobalStatement, start, end, func() { c.names(s.Names) })
	case *sx.Nonlocal:
		c.simple(kNonlocalStatement, start, end, func() { c.names(s.Names) })
	case *sx.Assert:
		c.simple(kAssertStatement, start, end, func() {
			c.expr(s.Test, 0)
			if s.Msg != nil {
				c.expr(s.Msg, 0)
			}
		})
	case *sx.Import:
		c.simple(kImportStatement, start, end, func() { c.aliases(s.Names) })
	case *sx.ImportFrom:
		c.importFrom(s)
	case *sx.If:
		c.simple(kIfStatement, start, end, func() {
			c.expr(s.Test, fCondition)
			c.block(s.Body, fConsequence)
			for _, e := range s.Elifs {
				n, mark := c.open(kElifClause, fAlternative, e.Start, c.blockEnd(e.Body))
				c.expr(e.Test, fCondition)
				c.block(e.Body, fConsequence)
				c.close(n, mark)
			}
			c.elseClause(s.Else, fAlternative)
		})
	case *sx.For:
		c.simple(kForStatement, start, end, func() {
			if s.Async {
				c.token(kAsync, 0, start)
			}
			c.target(s.Target, fLeft)
			c.exprs(s.Iter, fRight)
			c.block(s.Body, fBody)
			c.elseClause(s.Else, fAlternative)
		})
	case *sx.While:
		c.simple(kWhileStatement, start, end, func() {
			c.expr(s.Test, fCondition)
			c.block(s.Body, fBody)
			c.elseClause(s.Else, fAlternative)
		})
	case *sx.Try:
		c.simple(kTryStatement, start, end, func() {
			c.block(s.Body, fBody)
			for _, h := range s.Handlers {
				kind := kExceptClause
				if s.Star {
					kind = kExceptGroupClause
				}
				n, mark := c.open(kind, 0, h.Start, c.blockEnd(h.Body))
				if h.Type != nil {
					vf := fValue
					if s.Star {
						vf = 0
					}
					if h.Name != nil {
						c.asPattern(h.Type, h.Name, vf)
					} else {
						c.expr(h.Type, vf)
					}
				}
				c.block(h.Body, 0)
				c.close(n, mark)
			}
			c.elseClause(s.Else, 0)
			if s.Finally != nil {
				n, mark := c.open(kFinallyClause, 0, s.Finally.Start, c.blockEnd(s.Finally.Body))
				c.block(s.Finally.Body, 0)
				c.close(n, mark)
			}
		})
	case *sx.With:
		c.simple(kWithStatement, start, end, func() {
			if s.Async {
				c.token(kAsync, 0, start)
			}
			n, mark := c.open(kWithClause, 0, s.ItemsRange.Start, s.ItemsRange.End)
			for _, it := range s.Items {
				in, im := c.open(kWithItem, 0, it.Start, it.End)
				if it.Vars != nil {
					c.asPattern(it.Context, it.Vars, fValue)
				} else {
					c.expr(it.Context, fValue)
				}
				c.close(in, im)
			}
			c.close(n, mark)
			c.block(s.Body, fBody)
		})
	case *sx.FuncDef:
		c.decorated(s.Decorators, start, end, func(field uint8) { c.funcDef(s, field, end) })
	case *sx.ClassDef:
		c.decorated(s.Decorators, start, end, func(field uint8) {
			n, mark := c.open(kClassDefinition, field, s.DefStart, end)
			c.name(s.Name, fName)
			if s.Args != nil {
				an, am := c.open(kArgumentList, fSuperclasses, s.Args.Start, s.Args.End)
				c.args(s.Args.Args)
				c.close(an, am)
			}
			c.block(s.Body, fBody)
			c.close(n, mark)
		})
	case *sx.Match:
		c.match(s)
	}
}

// asPattern pushes "x as target" the way with items and except clauses
// show it.
func (c *converter) asPattern(x sx.Expr, target sx.Node, field uint8) {
	_, end := span(target)
	n, mark := c.open(kAsPattern, field, startOf(x), end)
	c.expr(x, 0)
	ts, te := span(target)
	tn, tm := c.open(kAsPatternTarget, fAlias, ts, te)
	switch t := target.(type) {
	case *sx.Name:
		c.name(t, 0)
	case sx.Expr:
		c.expr(t, 0)
	}
	c.close(tn, tm)
	c.close(n, mark)
}

func (c *converter) decorated(decos []*sx.Decorator, start, end sx.Pos, def func(field uint8)) {
	if len(decos) == 0 {
		def(0)
		return
	}
	n, mark := c.open(kDecoratedDefinition, 0, start, end)
	for _, d := range decos {
		dn, dm := c.open(kDecorator, 0, d.Start, c.comments(d.End, -1))
		c.expr(d.X, 0)
		c.close(dn, dm)
	}
	def(fDefinition)
	c.close(n, mark)
}

func (c *converter) funcDef(s *sx.FuncDef, field uint8, end sx.Pos) {
	n, mark := c.open(kFunctionDefinition, field, s.DefStart, end)
	if s.Async {
		c.token(kAsync, 0, s.DefStart)
	}
	c.name(s.Name, fName)
	pn, pm := c.open(kParameters, fParameters, s.Params.Start, s.Params.End)
	c.params(s.Params)
	c.close(pn, pm)
	if s.Returns != nil {
		c.expr(s.Returns, fReturnType)
	}
	// The outline of the body: its first statement, then every global
	// statement found inside it.
	bn, bm := c.open(kBlock, fBody, s.Body.Start, end)
	stmts := s.Body.Stmts
	c.stmt(stmts[0], 0)
	body := c.src[s.Body.Start:s.Body.End]
	if c.declares && strings.Contains(body, "global") {
		for i, st := range stmts {
			if _, ok := st.(*sx.Global); ok && i == 0 {
				continue
			}
			c.globals(st)
		}
	}
	c.close(bn, bm)
	c.close(n, mark)
	c.nodes[n].Yields = c.yields && strings.Contains(body, "yield") && yields(s.Body.Stmts)
}

// globals pushes every global statement inside s, at any depth.
func (c *converter) globals(s sx.Stmt) {
	sx.Inspect(s, func(n sx.Node) bool {
		switch n := n.(type) {
		case *sx.Global:
			c.stmt(n, 0)
			return false
		case sx.Expr:
			return false
		}
		return true
	})
}

func (c *converter) params(ps *sx.Params) {
	for _, p := range ps.List {
		switch p.Kind {
		case sx.ParamSlash:
			c.leaf(kPositionalSeparator, 0, p.Start, p.End)
			continue
		case sx.ParamStar:
			c.leaf(kKeywordSeparator, 0, p.Start, p.End)
			continue
		}
		pushName := func(field uint8) {
			switch p.Kind {
			case sx.ParamVarArgs:
				n, mark := c.open(kListSplatPattern, field, p.Start, p.Name.End)
				c.name(p.Name, 0)
				c.close(n, mark)
			case sx.ParamKwArgs:
				n, mark := c.open(kDictionarySplatPattern, field, p.Start, p.Name.End)
				c.name(p.Name, 0)
				c.close(n, mark)
			default:
				c.name(p.Name, field)
			}
		}
		switch {
		case p.Annotation != nil && p.Default != nil:
			n, mark := c.open(kTypedDefaultParameter, 0, p.Start, p.End)
			pushName(fName)
			c.expr(p.Annotation, fType)
			c.expr(p.Default, fValue)
			c.close(n, mark)
		case p.Annotation != nil:
			n, mark := c.open(kTypedParameter, 0, p.Start, p.End)
			pushName(0)
			c.expr(p.Annotation, fType)
			c.close(n, mark)
		case p.Default != nil:
			n, mark := c.open(kDefaultParameter, 0, p.Start, p.End)
			pushName(fName)
			c.expr(p.Default, fValue)
			c.close(n, mark)
		default:
			pushName(0)
		}
	}
}

func (c *converter) names(ns []*sx.Name) {
	for _, n := range ns {
		c.name(n, 0)
	}
}

func (c *converter) name(n *sx.Name, field uint8) {
	c.leaf(kIdentifier, field, n.Start, n.End)
}

func (c *converter) dotted(d *sx.Dotted, field uint8) {
	n, mark := c.open(kDottedName, field, d.Start, d.End)
	c.names(d.Names)
	c.close(n, mark)
}

func (c *converter) aliases(as []*sx.Alias) {
	for _, a := range as {
		if a.AsName == nil {
			c.dotted(a.Name, fName)
			continue
		}
		n, mark := c.open(kAliasedImport, fName, a.Start, a.End)
		c.dotted(a.Name, fName)
		c.name(a.AsName, fAlias)
		c.close(n, mark)
	}
}

func (c *converter) importFrom(s *sx.ImportFrom) {
	start, end := span(s)
	if s.Level == 0 && s.Module.String() == "__future__" {
		c.simple(kFutureImportStatement, start, end, func() { c.aliases(s.Names) })
		return
	}
	c.simple(kImportFromStatement, start, end, func() {
		if s.Level > 0 {
			end := s.LevelRange.End
			if s.Module != nil {
				end = s.Module.End
			}
			n, mark := c.open(kRelativeImport, fModuleName, s.LevelRange.Start, end)
			c.leaf(kImportPrefix, 0, s.LevelRange.Start, s.LevelRange.End)
			if s.Module != nil {
				c.dotted(s.Module, 0)
			}
			c.close(n, mark)
		} else {
			c.dotted(s.Module, fModuleName)
		}
		if s.Star {
			c.leaf(kWildcardImport, 0, s.StarPos, s.StarPos+1)
			return
		}
		c.aliases(s.Names)
	})
}

// assign pushes "t1 = t2 = … = value" as nested assignments.
func (c *converter) assign(targets []sx.Expr, value sx.Expr, field uint8) {
	n, mark := c.open(kAssignment, field, startOf(targets[0]), endOf(value))
	c.target(targets[0], fLeft)
	if len(targets) > 1 {
		c.assign(targets[1:], value, fRight)
	} else {
		c.rhs(value, fRight)
	}
	c.close(n, mark)
}

// rhs pushes the right-hand side of an assignment.
func (c *converter) rhs(x sx.Expr, field uint8) { c.exprs(x, field) }

// exprs pushes an expression where an unparenthesized tuple is an
// expression_list.
func (c *converter) exprs(x sx.Expr, field uint8) {
	if t, ok := x.(*sx.Tuple); ok && !t.Paren {
		n, mark := c.open(kExpressionList, field, t.Start, t.End)
		for _, e := range t.Elts {
			c.expr(e, 0)
		}
		c.close(n, mark)
		return
	}
	c.expr(x, field)
}

// target pushes an assignment target in its pattern form.
func (c *converter) target(x sx.Expr, field uint8) {
	start, end := span(x)
	switch t := x.(type) {
	case *sx.Tuple:
		kind := kPatternList
		if t.Paren {
			kind = kTuplePattern
		}
		n, mark := c.open(kind, field, start, end)
		for _, e := range t.Elts {
			c.target(e, 0)
		}
		c.close(n, mark)
	case *sx.List:
		n, mark := c.open(kListPattern, field, start, end)
		for _, e := range t.Elts {
			c.target(e, 0)
		}
		c.close(n, mark)
	case *sx.Paren:
		n, mark := c.open(kTuplePattern, field, start, end)
		c.target(t.X, 0)
		c.close(n, mark)
	case *sx.Starred:
		n, mark := c.open(kListSplatPattern, field, start, end)
		c.target(t.Value, 0)
		c.close(n, mark)
	default:
		c.expr(x, field)
	}
}

func startOf[N sx.Node](n N) sx.Pos { s, _ := n.Span(); return s }
func endOf[N sx.Node](n N) sx.Pos   { _, e := n.Span(); return e }

func (c *converter) expr(x sx.Expr, field uint8) {
	// The leaves, the special cases and the most frequent kinds are told
	// apart here; exprKind names the others. The leaves' spans are read
	// without the interface call.
	var k kind
	switch x := x.(type) {
	case *sx.Name:
		c.leaf(kIdentifier, field, x.Start, x.End)
		return
	case *sx.Num:
		c.leaf(numKind(x.Raw), field, x.Start, x.End)
		return
	case *sx.Lit:
		c.leaf(litKinds[x.Tok], field, x.Start, x.End)
		return
	case *sx.Str:
		if len(x.Parts) == 1 {
			c.strPart(x.Parts[0], field)
			return
		}
		k = kConcatenatedString
	case *sx.Tuple:
		if !x.Paren {
			c.exprs(x, field)
			return
		}
		k = kTuple
	case *sx.Keyword:
		if x.Name == nil {
			n, mark := c.open(kDictionarySplat, field, x.Start, x.End)
			c.expr(x.Value, 0)
			c.close(n, mark)
			return
		}
		k = kKeywordArgument
	case *sx.Attribute:
		k = kAttribute
	case *sx.Call:
		k = kCall
	case *sx.Subscript:
		k = kSubscript
	default:
		k = exprKind(x)
	}
	start, end := x.Span()
	n, mark := c.open(k, field, start, end)
	switch x := x.(type) {
	case *sx.Str:
		for _, p := range x.Parts {
			c.strPart(p, 0)
		}
	case *sx.Tuple:
		c.elts(x.Elts)
	case *sx.List:
		c.elts(x.Elts)
	case *sx.Set:
		c.elts(x.Elts)
	case *sx.Dict:
		for _, it := range x.Items {
			c.dictItem(it, 0)
		}
	case *sx.Comp:
		if x.Value != nil {
			pn, pm := c.open(kPair, fBody, startOf(x.Elt), endOf(x.Value))
			c.expr(x.Elt, fKey)
			c.expr(x.Value, fValue)
			c.close(pn, pm)
		} else {
			c.expr(x.Elt, fBody)
		}
		c.clauses(x.Clauses)
	case *sx.Paren:
		c.expr(x.X, 0)
	case *sx.Starred:
		c.expr(x.Value, 0)
	case *sx.Attribute:
		c.expr(x.Value, fObject)
		c.name(x.Attr, fAttribute)
	case *sx.Subscript:
		c.expr(x.Value, fValue)
		if t, ok := x.Index.(*sx.Tuple); ok && !t.Paren {
			for _, e := range t.Elts {
				c.expr(e, fSubscript)
			}
		} else {
			c.expr(x.Index, fSubscript)
		}
	case *sx.Slice:
		for _, e := range []sx.Expr{x.Lower, x.Upper, x.Step} {
			if e != nil {
				c.expr(e, 0)
			}
		}
	case *sx.Call:
		c.expr(x.Func, fFunction)
		if x.Gen {
			g := x.Args[0].(*sx.Comp)
			gn, gm := c.open(kGeneratorExpression, fArguments, x.LParen, end)
			c.expr(g.Elt, fBody)
			c.clauses(g.Clauses)
			c.close(gn, gm)
		} else {
			an, am := c.open(kArgumentList, fArguments, x.LParen, end)
			c.args(x.Args)
			c.close(an, am)
		}
	case *sx.Keyword:
		c.name(x.Name, fName)
		c.expr(x.Value, fValue)
	case *sx.BinOp:
		c.expr(x.X, fLeft)
		c.token(tokenKinds[x.Op], fOperator, x.OpPos)
		c.expr(x.Y, fRight)
	case *sx.BoolOp:
		c.expr(x.X, fLeft)
		c.token(tokenKinds[x.Op], fOperator, x.OpPos)
		c.expr(x.Y, fRight)
	case *sx.UnaryOp:
		if x.Op == sx.NOT {
			c.expr(x.X, fArgument)
		} else {
			c.token(tokenKinds[x.Op], fOperator, x.OpPos)
			c.expr(x.X, fArgument)
		}
	case *sx.Compare:
		c.expr(x.Left, 0)
		for i, op := range x.Ops {
			t := c.leaf(cmpKinds[op.Op], fOperators, op.Start, op.End)
			c.nodes[t].Named = false
			c.expr(x.Comparators[i], 0)
		}
	case *sx.Lambda:
		if x.Params != nil {
			pn, pm := c.open(kLambdaParameters, fParameters, x.Params.Start, x.Params.End)
			c.params(x.Params)
			c.close(pn, pm)
		}
		c.expr(x.Body, fBody)
	case *sx.IfExp:
		c.expr(x.Body, 0)
		c.expr(x.Test, 0)
		c.expr(x.Else, 0)
	case *sx.NamedExpr:
		c.name(x.Target, fName)
		c.expr(x.Value, fValue)
	case *sx.Await:
		c.expr(x.Value, 0)
	case *sx.Yield:
		if x.Value != nil {
			c.exprs(x.Value, 0)
		}
	}
	c.close(n, mark)
}

var litKinds = [...]kind{sx.TRUE: kTrue, sx.FALSE: kFalse, sx.NONE: kNone, sx.ELLIPSIS: kEllipsis}

// exprKind is the outline's kind of an expression with children (other
// than those expr tells apart itself).
func exprKind(x sx.Expr) kind {
	switch x := x.(type) {
	case *sx.List:
		return kList
	case *sx.Set:
		return kSet
	case *sx.Dict:
		return kDictionary
	case *sx.Comp:
		switch {
		case x.Value != nil:
			return kDictionaryComprehension
		case x.Kind == sx.LBRACK:
			return kListComprehension
		case x.Kind == sx.LBRACE:
			return kSetComprehension
		}
		return kGeneratorExpression
	case *sx.Paren:
		return kParenthesizedExpression
	case *sx.Starred:
		return kListSplat
	case *sx.Slice:
		return kSlice
	case *sx.BinOp:
		return kBinaryOperator
	case *sx.BoolOp:
		return kBooleanOperator
	case *sx.UnaryOp:
		if x.Op == sx.NOT {
			return kNotOperator
		}
		return kUnaryOperator
	case *sx.Compare:
		return kComparisonOperator
	case *sx.Lambda:
		return kLambda
	case *sx.IfExp:
		return kConditionalExpression
	case *sx.NamedExpr:
		return kNamedExpression
	case *sx.Await:
		return kAwait
	case *sx.Yield:
		return kYield
	}
	return kExpression
}

func numKind(raw string) kind {
	if len(raw) > 1 && raw[0] == '0' && strings.IndexByte("xXoObB", raw[1]) >= 0 {
		return kInteger
	}
	if strings.ContainsAny(raw, ".eE") {
		return kFloat
	}
	return kInteger
}

func (c *converter) elts(es []sx.Expr) {
	for _, e := range es {
		c.expr(e, 0)
	}
}

func (c *converter) dictItem(it *sx.DictItem, field uint8) {
	if it.Key == nil {
		n, mark := c.open(kDictionarySplat, field, it.Start, it.End)
		c.expr(it.Value, 0)
		c.close(n, mark)
		return
	}
	n, mark := c.open(kPair, field, it.Start, it.End)
	c.expr(it.Key, fKey)
	c.expr(it.Value, fValue)
	c.close(n, mark)
}

func (c *converter) args(args []sx.Expr) {
	for _, a := range args {
		c.expr(a, 0)
	}
}

func (c *converter) clauses(cs []*sx.CompFor) {
	for _, f := range cs {
		n, mark := c.open(kForInClause, 0, f.Start, endOf(f.Iter))
		if f.Async {
			c.token(kAsync, 0, f.Start)
		}
		c.target(f.Target, fLeft)
		c.expr(f.Iter, fRight)
		c.close(n, mark)
		for _, i := range f.Ifs {
			in, im := c.open(kIfClause, 0, i.Start, i.End)
			c.expr(i.Cond, 0)
			c.close(in, im)
		}
	}
}
