package pysyntax

import (
	"fmt"
	"strings"
	"sync"

	"golang.org/x/text/unicode/norm"
)

// maxDepth bounds the parser's recursion, as CPython's parser stack limit
// does (nesting that deep is refused by the compile-time checks anyway).
const maxDepth = 6000

// Parse parses a Python 3.11 module (a leading UTF-8 BOM is skipped). It
// returns the first error CPython's compile() reports, at the same line.
func Parse(src []byte) (*Module, error) { return ParseString(string(src)) }

// ParseString is Parse for a source held in a string.
func ParseString(s string) (*Module, error) {
	p := scratch.Get().(*parser)
	defer scratch.Put(p)
	defer p.dropTree()
	return p.parse(s)
}

// scratch holds parsers for ParseString whose only memory is what no
// tree refers to: the buffers lists are collected in and the scanner's
// stacks.
var scratch = sync.Pool{New: func() any { return new(parser) }}

// dropTree forgets everything that refers to the last tree (its nodes,
// chunks and source) and keeps the scratch memory.
func (p *parser) dropTree() {
	old := *p
	*p = parser{}
	a, o := &p.a, &old.a
	a.cmpOpLists.free, a.stmtLists.free, a.exprLists.free = o.cmpOpLists.free, o.stmtLists.free, o.exprLists.free
	a.partLists.free, a.paramLists.free, a.decoLists.free = o.partLists.free, o.paramLists.free, o.decoLists.free
	a.nameLists.free, a.aliasLists.free, a.itemLists.free = o.nameLists.free, o.aliasLists.free, o.itemLists.free
	a.clearFree()
	p.s.indents, p.s.altIndents, p.s.parens = old.s.indents[:0], old.s.altIndents[:0], old.s.parens[:0]
}

// Parser parses modules one after another and reuses the memory of a tree
// for the next: the tree ParseString returns is valid only until the
// Parser's next ParseString. Callers that turn each tree into something
// else at once allocate far less. A Parser holds on to the memory of the
// largest tree it made. It is not safe for concurrent use.
type Parser struct{ p parser }

// Declares reports whether the module of the last ParseString may hold
// a global or nonlocal statement: when false, it holds none.
func (ps *Parser) Declares() bool { return ps.p.declares }

// Yields reports whether the module of the last ParseString may hold a
// yield expression: when false, it holds none.
func (ps *Parser) Yields() bool { return ps.p.yields }

// ParseString is the package's ParseString; the tree of the previous call
// is overwritten.
func (ps *Parser) ParseString(s string) (*Module, error) {
	a, sc := ps.p.a, ps.p.s
	a.reset()
	a.clearFree()
	ps.p = parser{a: a}
	// The scanner's stacks are reused too.
	ps.p.s.indents, ps.p.s.altIndents, ps.p.s.parens = sc.indents[:0], sc.altIndents[:0], sc.parens[:0]
	return ps.p.parse(s)
}

func (p *parser) parse(s string) (mod *Module, err error) {
	start := 0
	if strings.HasPrefix(s, "\ufeff") {
		start = 3
	}
	defer func() {
		if r := recover(); r != nil {
			b, ok := r.(bailout)
			if !ok {
				panic(r)
			}
			mod, err = nil, b.err
		}
	}()
	if e := checkSource(s); e != nil {
		return nil, e
	}
	p.s.init(s, start)
	mod = p.parseModule()
	check(mod, &p.a, p.declares)
	return mod, nil
}

// parser is a recursive-descent parser over the scanner's tokens.
type parser struct {
	s     scanner
	depth int
	// fstring is set while parsing a replacement field of an f-string.
	fstring bool
	// a holds the slabs the most frequent nodes are taken from.
	a arena
	// speculating is set while trying whether an expression follows, as
	// CPython's rules without error alternatives do.
	speculating bool
	// declares is set once a global or nonlocal statement is parsed,
	// yields once a yield expression is (in a replacement field too).
	declares, yields bool
}

// slab hands out values from chunks: one allocation for many nodes. A
// Parser's slabs keep their chunks, so that its next tree reuses them.
type slab[T any] struct {
	buf []T
	// chunks are kept once reset has been called (a Parser's slabs):
	// chunks[:used] hold the current tree.
	chunks [][]T
	used   int
	keep   bool
}

// put stores v in the slab and returns its address. Chunks grow from 8
// to 256 values, so small sources allocate little.
func put[T any](s *slab[T], v T) *T {
	n := len(s.buf)
	if n == cap(s.buf) {
		s.grow(1, min(max(2*n, 8), 256))
		n = 0
	}
	s.buf = s.buf[:n+1]
	p := &s.buf[n]
	*p = v
	return p
}

// grow makes s.buf an empty chunk with room for need values: the next
// kept chunk large enough, else a new one of size values.
func (s *slab[T]) grow(need, size int) {
	for s.used < len(s.chunks) {
		c := s.chunks[s.used]
		s.used++
		if cap(c) >= need {
			s.buf = c[:0]
			return
		}
	}
	s.buf = make([]T, 0, size)
	if s.keep {
		s.chunks = append(s.chunks, s.buf)
		s.used = len(s.chunks)
	}
}

// carve returns an empty slice with room for n values cut from the
// current chunk, taking the next chunk (of size values if new) when it
// has not the room.
func (s *slab[T]) carve(n, size int) []T {
	if cap(s.buf)-len(s.buf) < n {
		s.grow(n, size)
	}
	i := len(s.buf)
	s.buf = s.buf[:i+n]
	return s.buf[i : i : i+n]
}

// reset hands the kept chunks out again from the first, and has the
// slab keep the chunks it makes from now on.
func (s *slab[T]) reset() { s.buf, s.used, s.keep = nil, 0, true }

type arena struct {
	names      slab[Name]
	attrs      slab[Attribute]
	calls      slab[Call]
	subscripts slab[Subscript]
	binops     slab[BinOp]
	nums       slab[Num]
	lits       slab[Lit]
	exprStmts  slab[ExprStmt]
	assigns    slab[Assign]
	annAssigns slab[AnnAssign]
	keywords   slab[Keyword]
	strs       slab[Str]
	parts      slab[StrPart]
	tuples     slab[Tuple]
	blocks     slab[Block]
	params     slab[Param]
	ifs        slab[If]
	compares   slab[Compare]
	boolOps    slab[BoolOp]
	unaryOps   slab[UnaryOp]
	slices     slab[Slice]
	comps      slab[Comp]
	compFors   slab[CompFor]
	raises     slab[Raise]
	augAssigns slab[AugAssign]
	fors       slab[For]
	tries      slab[Try]
	handlers   slab[ExceptHandler]
	cmpOpLists lists[CmpOp]
	stmtLists  lists[Stmt]
	exprLists  lists[Expr]
	partLists  lists[*StrPart]
	paramLists lists[*Param]
	decorators slab[Decorator]
	decoLists  lists[*Decorator]
	returns    slab[Return]
	funcDefs   slab[FuncDef]
	classDefs  slab[ClassDef]
	paramSets  slab[Params]
	argLists   slab[ArgList]
	imports    slab[Import]
	fromImps   slab[ImportFrom]
	aliases    slab[Alias]
	dotteds    slab[Dotted]
	dicts      slab[Dict]
	dictItems  slab[DictItem]
	parens     slab[Paren]
	listNodes  slab[List]
	clauses    slab[Clause]
	nameLists  lists[*Name]
	aliasLists lists[*Alias]
	itemLists  lists[*DictItem]
	// The compile-time checks' scopes and symbols.
	scopes  slab[scope]
	symbols slab[symbol]
}

// reset makes the arena hand out its memory again from the start.
func (a *arena) reset() {
	a.names.reset()
	a.attrs.reset()
	a.calls.reset()
	a.subscripts.reset()
	a.binops.reset()
	a.nums.reset()
	a.lits.reset()
	a.exprStmts.reset()
	a.assigns.reset()
	a.annAssigns.reset()
	a.keywords.reset()
	a.strs.reset()
	a.parts.reset()
	a.tuples.reset()
	a.blocks.reset()
	a.params.reset()
	a.ifs.reset()
	a.compares.reset()
	a.boolOps.reset()
	a.unaryOps.reset()
	a.slices.reset()
	a.comps.reset()
	a.compFors.reset()
	a.raises.reset()
	a.augAssigns.reset()
	a.fors.reset()
	a.tries.reset()
	a.handlers.reset()
	a.cmpOpLists.chunks.reset()
	a.stmtLists.chunks.reset()
	a.exprLists.chunks.reset()
	a.partLists.chunks.reset()
	a.paramLists.chunks.reset()
	a.decorators.reset()
	a.decoLists.chunks.reset()
	a.returns.reset()
	a.funcDefs.reset()
	a.classDefs.reset()
	a.paramSets.reset()
	a.argLists.reset()
	a.imports.reset()
	a.fromImps.reset()
	a.aliases.reset()
	a.dotteds.reset()
	a.dicts.reset()
	a.dictItems.reset()
	a.parens.reset()
	a.listNodes.reset()
	a.clauses.reset()
	a.nameLists.chunks.reset()
	a.aliasLists.chunks.reset()
	a.itemLists.chunks.reset()
	a.scopes.reset()
	a.symbols.reset()
}

// clearFree clears the lists' free buffers (see lists.clearFree).
func (a *arena) clearFree() {
	a.cmpOpLists.clearFree()
	a.stmtLists.clearFree()
	a.exprLists.clearFree()
	a.partLists.clearFree()
	a.paramLists.clearFree()
	a.decoLists.clearFree()
	a.nameLists.clearFree()
	a.aliasLists.clearFree()
	a.itemLists.clearFree()
}

// lists builds slices whose final length is unknown until they are
// complete: a list is collected in a reused buffer, then copied once, at
// its final length, into a chunk shared with other lists.
type lists[T any] struct {
	free   [][]T // buffers not in use
	chunks slab[T]
}

// take returns an empty buffer to collect a list in.
func (l *lists[T]) take() []T {
	n := len(l.free)
	if n == 0 {
		return nil
	}
	buf := l.free[n-1]
	l.free = l.free[:n-1]
	return buf
}

// keep returns a copy of the list in buf (nil if empty), whose capacity
// ends with it, and hands buf back for reuse.
func (l *lists[T]) keep(buf []T) []T {
	var out []T
	switch n := len(buf); {
	case n == 0:
	case n > 64:
		out = append([]T(nil), buf...)
	default:
		c := &l.chunks
		out = c.carve(n, max(n, min(2*cap(c.buf), 512), 16))[:n]
		if n == 1 {
			// The commonest length, stored without a call to copy.
			out[0] = buf[0]
		} else {
			copy(out, buf)
		}
	}
	l.drop(buf)
	return out
}

// drop hands buf back for reuse without keeping its list. The buffer
// still refers to the list's nodes until clearFree.
func (l *lists[T]) drop(buf []T) {
	l.free = append(l.free, buf[:0])
}

// clearFree clears the free buffers once their tree is done with, so
// that they keep no node of it alive. Clearing them once per tree rather
// than once per list is cheaper: the buffers are few.
func (l *lists[T]) clearFree() {
	for _, buf := range l.free {
		clear(buf[:cap(buf)])
	}
}

// newName makes a Name of the current NAME token, NFKC-normalised as
// CPython's parser normalises every identifier (PEP 3131).
func (p *parser) newName() *Name {
	id := p.s.word
	if p.s.nonASCII {
		id = norm.NFKC.String(id)
	}
	return put(&p.a.names, Name{Range{Pos(p.s.pos), Pos(p.s.end)}, id})
}

func (p *parser) tok() Token { return p.s.tok }
func (p *parser) pos() Pos   { return Pos(p.s.pos) }
func (p *parser) next()      { p.s.next() }

// prevEnd is the end of the last consumed token.
func (p *parser) prevEnd() Pos { return Pos(p.s.prevEnd) }

// errorAt raises a SyntaxError at pos. A later tokenizer error in the
// source takes precedence, as in CPython.
func (p *parser) errorAt(kind ErrorKind, pos Pos, format string, args ...any) {
	p.raise(true, kind, pos, format, args...)
}

// raise raises a SyntaxError at pos; with later set, a tokenizer error
// further on takes precedence.
func (p *parser) raise(later bool, kind ErrorKind, pos Pos, format string, args ...any) {
	line, col := p.s.lines.Position(pos)
	e := &Error{Kind: kind, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
	switch {
	case p.fstring:
		e.Msg = "f-string: " + e.Msg
	case later:
		e = p.s.laterTokenizerError(e)
	}
	panic(bailout{e})
}

func (p *parser) error(format string, args ...any) {
	p.errorAt(SyntaxErr, p.pos(), format, args...)
}

// syntaxError reports the current token as unexpected.
func (p *parser) syntaxError() {
	// CPython reports these without looking further for tokenizer errors.
	switch p.tok() {
	case INDENT:
		p.raise(false, IndentationErr, p.pos(), "unexpected indent")
	case DEDENT:
		p.raise(false, IndentationErr, p.pos(), "unexpected unindent")
	case EOF:
		if p.fstring {
			p.error("invalid syntax")
		}
		p.raise(false, SyntaxErr, p.pos(), "unexpected EOF while parsing")
	}
	p.error("invalid syntax")
}

func (p *parser) expect(t Token) Pos {
	if p.tok() != t {
		p.syntaxError()
	}
	pos := p.pos()
	p.next()
	return pos
}

func (p *parser) got(t Token) bool {
	if p.tok() == t {
		p.next()
		return true
	}
	return false
}

func (p *parser) enter() {
	p.depth++
	if p.depth > maxDepth {
		// CPython's MemoryError carries no position.
		panic(bailout{&Error{Kind: MemoryErr, Msg: "Parser stack overflowed - Python source too complex to parse"}})
	}
}

func (p *parser) leave() { p.depth-- }

func (p *parser) parseModule() *Module {
	p.next()
	mod := &Module{Lines: p.s.lines, Src: p.s.src}
	mod.Start = Pos(p.s.pos)
	for p.tok() != EOF {
		mod.Body = p.statement(mod.Body)
	}
	mod.End = Pos(len(p.s.src))
	return mod
}

// isName reports whether the current token is the soft keyword word.
func (p *parser) isName(word string) bool { return p.tok() == NAME && p.s.word == word }

// statement parses one statement line and appends its statements.
func (p *parser) statement(out []Stmt) []Stmt {
	switch p.tok() {
	case IF:
		return append(out, p.ifStmt())
	case WHILE:
		return append(out, p.whileStmt())
	case FOR:
		return append(out, p.forStmt(NoPos))
	case TRY:
		return append(out, p.tryStmt())
	case WITH:
		return append(out, p.withStmt(NoPos))
	case DEF:
		return append(out, p.funcDef(nil, NoPos))
	case CLASS:
		return append(out, p.classDef(nil))
	case AT:
		return append(out, p.decorated())
	case ASYNC:
		start := p.pos()
		p.next()
		switch p.tok() {
		case DEF:
			return append(out, p.funcDef(nil, start))
		case FOR:
			return append(out, p.forStmt(start))
		case WITH:
			return append(out, p.withStmt(start))
		}
		p.syntaxError()
	case NAME:
		if p.s.lit() == "match" {
			if m := p.tryMatch(); m != nil {
				return append(out, m)
			}
		}
	case INDENT:
		p.syntaxError()
	}
	return p.simpleStmts(out)
}

// simpleStmts parses "stmt; stmt; … NEWLINE".
func (p *parser) simpleStmts(out []Stmt) []Stmt {
	for {
		out = append(out, p.simpleStmt())
		if p.tok() != SEMI {
			break
		}
		p.next()
		if p.tok() == NEWLINE {
			break
		}
	}
	if p.tok() != NEWLINE {
		p.syntaxError()
	}
	p.next()
	return out
}

func (p *parser) simpleStmt() Stmt {
	start := p.pos()
	switch p.tok() {
	case PASS:
		p.next()
		return &Pass{Range{start, p.prevEnd()}}
	case BREAK:
		p.next()
		return &Break{Range{start, p.prevEnd()}}
	case CONTINUE:
		p.next()
		return &Continue{Range{start, p.prevEnd()}}
	case RETURN:
		p.next()
		r := put(&p.a.returns, Return{})
		if p.startsExpr() {
			r.Value = p.starExpressions()
		}
		r.Range = Range{start, p.prevEnd()}
		return r
	case RAISE:
		p.next()
		r := put(&p.a.raises, Raise{})
		if p.startsExpr() {
			r.Exc = p.expression()
			if p.got(FROM) {
				r.Cause = p.expression()
			}
		}
		r.Range = Range{start, p.prevEnd()}
		return r
	case GLOBAL, NONLOCAL:
		kw := p.tok()
		p.declares = true
		p.next()
		var names []*Name
		for {
			names = append(names, p.name())
			if !p.got(COMMA) {
				break
			}
		}
		if kw == GLOBAL {
			return &Global{Range{start, p.prevEnd()}, names}
		}
		return &Nonlocal{Range{start, p.prevEnd()}, names}
	case DEL:
		p.next()
		d := &Delete{}
		for {
			t := p.bitOrStar()
			p.checkTarget(t, true, false)
			d.Targets = append(d.Targets, t)
			if !p.got(COMMA) || !p.startsExpr() {
				break
			}
		}
		d.Range = Range{start, p.prevEnd()}
		return d
	case ASSERT:
		p.next()
		a := &Assert{Test: p.expression()}
		if p.got(COMMA) {
			a.Msg = p.expression()
		}
		a.Range = Range{start, p.prevEnd()}
		return a
	case IMPORT:
		return p.importStmt()
	case FROM:
		return p.fromImport()
	}
	return p.exprStmt()
}

// startsExpr reports whether the current token can start an expression.
func (p *parser) startsExpr() bool {
	switch p.tok() {
	case NAME, NUMBER, STRING, LPAREN, LBRACK, LBRACE, MINUS, PLUS, TILDE, STAR, ELLIPSIS,
		NOT, LAMBDA, AWAIT, TRUE, FALSE, NONE, YIELD:
		return true
	}
	return false
}

func (p *parser) name() *Name {
	if p.tok() != NAME {
		p.syntaxError()
	}
	n := p.newName()
	p.next()
	return n
}

func (p *parser) exprStmt() Stmt {
	start := p.pos()
	if !p.startsExpr() {
		p.syntaxError()
	}
	var x Expr
	if p.tok() == YIELD {
		x = p.yieldExpr()
	} else {
		x = p.starExpressions()
	}
	switch t := p.tok(); {
	case t == EQUAL:
		a := put(&p.a.assigns, Assign{})
		targets := p.a.exprLists.take()
		for p.tok() == EQUAL {
			p.checkAssignTarget(x, len(targets) == 0)
			targets = append(targets, x)
			p.next()
			if p.tok() == YIELD {
				x = p.yieldExpr()
			} else {
				x = p.starExpressions()
			}
		}
		a.Targets = p.a.exprLists.keep(targets)
		a.Value = x
		a.Range = Range{start, p.prevEnd()}
		return a
	case t == COLON:
		switch unparen(x).(type) {
		case *Name, *Attribute, *Subscript:
		case *Tuple, *List:
			p.errorAt(SyntaxErr, start, "only single target (not %s) can be annotated", exprName(x))
		default:
			p.errorAt(SyntaxErr, start, "illegal target for annotation")
		}
		p.next()
		a := put(&p.a.annAssigns, AnnAssign{Target: x, Annotation: p.expression()})
		if p.got(EQUAL) {
			if p.tok() == YIELD {
				a.Value = p.yieldExpr()
			} else {
				a.Value = p.starExpressions()
			}
		}
		a.Range = Range{start, p.prevEnd()}
		return a
	case augmented[t] != 0:
		switch unparen(x).(type) {
		case *Name, *Attribute, *Subscript:
		default:
			p.errorAt(SyntaxErr, start, "'%s' is an illegal expression for augmented assignment", exprName(x))
		}
		a := put(&p.a.augAssigns, AugAssign{Target: x, Op: augmented[t], OpPos: p.pos()})
		p.next()
		if p.tok() == YIELD {
			a.Value = p.yieldExpr()
		} else {
			a.Value = p.starExpressions()
		}
		a.Range = Range{start, p.prevEnd()}
		return a
	}
	if n, ok := x.(*Name); ok && (n.ID == "print" || n.ID == "exec") && p.startsExpr() {
		if n.ID == "print" {
			p.errorAt(SyntaxErr, start, "Missing parentheses in call to 'print'. Did you mean print(...)?")
		}
		p.errorAt(SyntaxErr, start, "Missing parentheses in call to 'exec'. Did you mean exec(...)?")
	}
	return put(&p.a.exprStmts, ExprStmt{Range{start, p.prevEnd()}, x})
}

// block parses the body after a compound statement's ':'. what names the
// statement for the indentation error ("'if' statement on line 3").
func (p *parser) block(what string, at Pos) *Block {
	b := put(&p.a.blocks, Block{})
	if p.tok() != NEWLINE {
		if p.tok() == COLON {
			p.syntaxError()
		}
		b.Start = p.pos()
		b.Stmts = p.a.stmtLists.keep(p.simpleStmts(p.a.stmtLists.take()))
		b.End = endOf(b.Stmts[len(b.Stmts)-1])
		return b
	}
	p.next()
	if p.tok() != INDENT {
		p.errorAt(IndentationErr, p.pos(), "expected an indented block after %s on line %d", what, p.s.lines.Line(at))
	}
	p.next()
	b.Start = p.pos()
	stmts := p.a.stmtLists.take()
	for p.tok() != DEDENT && p.tok() != EOF {
		stmts = p.statement(stmts)
	}
	b.Stmts = p.a.stmtLists.keep(stmts)
	b.End = endOf(b.Stmts[len(b.Stmts)-1])
	p.next()
	return b
}

// endOf and startOf take the node's own type, which spares converting an
// Expr or a Stmt to a Node.
func endOf[N Node](n N) Pos {
	_, e := n.Span()
	return e
}

func startOf[N Node](n N) Pos {
	s, _ := n.Span()
	return s
}

// colon expects the ':' of a compound statement header.
func (p *parser) colon() {
	if p.tok() != COLON {
		if p.tok() == NEWLINE {
			p.error("expected ':'")
		}
		p.syntaxError()
	}
	p.next()
}

func (p *parser) ifStmt() *If {
	start := p.pos()
	p.next()
	s := put(&p.a.ifs, If{Test: p.namedExpr()})
	p.colon()
	s.Body = p.block("'if' statement", start)
	for p.tok() == ELIF {
		es := p.pos()
		p.next()
		e := put(&p.a.ifs, If{Test: p.namedExpr()})
		p.colon()
		e.Body = p.block("'elif' statement", es)
		e.Range = Range{es, e.Body.End}
		s.Elifs = append(s.Elifs, e)
	}
	s.Else = p.elseClause()
	s.Range = Range{start, p.prevEndStmt(s.Body, s.Else, s.Elifs)}
	return s
}

// prevEndStmt is the end of a compound statement: its last clause.
func (p *parser) prevEndStmt(body *Block, els *Clause, elifs []*If) Pos {
	if els != nil {
		return els.End
	}
	if len(elifs) > 0 {
		return elifs[len(elifs)-1].End
	}
	return body.End
}

func (p *parser) elseClause() *Clause {
	if p.tok() != ELSE {
		return nil
	}
	start := p.pos()
	p.next()
	p.colon()
	b := p.block("'else' statement", start)
	return put(&p.a.clauses, Clause{Range{start, b.End}, b})
}

func (p *parser) whileStmt() *While {
	start := p.pos()
	p.next()
	s := &While{Test: p.namedExpr()}
	p.colon()
	s.Body = p.block("'while' statement", start)
	s.Else = p.elseClause()
	s.Range = Range{start, p.prevEndStmt(s.Body, s.Else, nil)}
	return s
}

func (p *parser) forStmt(async Pos) *For {
	start := p.pos()
	s := put(&p.a.fors, For{Async: async != NoPos})
	if s.Async {
		start = async
	}
	p.next()
	s.Target = p.targetList()
	p.checkTarget(s.Target, false, true)
	if p.tok() != IN {
		p.syntaxError()
	}
	p.next()
	s.Iter = p.starExpressions()
	p.colon()
	s.Body = p.block("'for' statement", start)
	s.Else = p.elseClause()
	s.Range = Range{start, p.prevEndStmt(s.Body, s.Else, nil)}
	return s
}

// targetList parses the targets of a for statement or comprehension.
func (p *parser) targetList() Expr {
	start := p.pos()
	x := p.bitOrStar()
	if p.tok() != COMMA {
		return x
	}
	elts := []Expr{x}
	for p.got(COMMA) {
		if p.tok() == IN {
			break
		}
		elts = append(elts, p.bitOrStar())
	}
	return &Tuple{Range{start, p.prevEnd()}, elts, false}
}

// bitOrStar parses a bitwise-or expression or "*" followed by one.
func (p *parser) bitOrStar() Expr {
	if p.tok() == STAR {
		start := p.pos()
		p.next()
		x := p.binary(precBitOr)
		return &Starred{Range{start, endOf(x)}, x}
	}
	return p.binary(precBitOr)
}

func (p *parser) tryStmt() *Try {
	start := p.pos()
	p.next()
	p.colon()
	s := put(&p.a.tries, Try{Body: p.block("'try' statement", start)})
	for p.tok() == EXCEPT {
		hs := p.pos()
		p.next()
		star := p.got(STAR)
		if len(s.Handlers) > 0 && star != s.Star {
			p.errorAt(SyntaxErr, hs, "cannot have both 'except' and 'except*' on the same 'try'")
		}
		s.Star = star
		h := put(&p.a.handlers, ExceptHandler{})
		if p.tok() != COLON {
			h.Type = p.expression()
			if p.tok() == COMMA {
				p.errorAt(SyntaxErr, startOf(h.Type), "multiple exception types must be parenthesized")
			}
			if p.got(AS) {
				h.Name = p.name()
			}
		} else if star {
			p.error("expected one or more exception types")
		}
		p.colon()
		what := "'except' statement"
		if star {
			what = "'except*' statement"
		}
		h.Body = p.block(what, hs)
		h.Range = Range{hs, h.Body.End}
		s.Handlers = append(s.Handlers, h)
	}
	if len(s.Handlers) > 0 {
		s.Else = p.elseClause()
	}
	if p.tok() == FINALLY {
		fs := p.pos()
		p.next()
		p.colon()
		b := p.block("'finally' statement", fs)
		s.Finally = put(&p.a.clauses, Clause{Range{fs, b.End}, b})
	}
	if len(s.Handlers) == 0 && s.Finally == nil {
		p.errorAt(SyntaxErr, p.pos(), "expected 'except' or 'finally' block")
	}
	end := s.Body.End
	if len(s.Handlers) > 0 {
		end = s.Handlers[len(s.Handlers)-1].End
	}
	if s.Else != nil {
		end = s.Else.End
	}
	if s.Finally != nil {
		end = s.Finally.End
	}
	s.Range = Range{start, end}
	return s
}

func (p *parser) withStmt(async Pos) *With {
	start := p.pos()
	s := &With{Async: async != NoPos}
	if s.Async {
		start = async
	}
	p.next()
	s.ItemsRange.Start = p.pos()
	if p.tok() == LPAREN {
		// "with (a, b):" groups items; "with (a, b) as c:" is a tuple.
		sn := p.s.save()
		if items, ok := p.tryParenItems(); ok {
			s.Items, s.Parens = items, true
		} else {
			p.s.restore(sn)
		}
	}
	if s.Items == nil {
		for {
			s.Items = append(s.Items, p.withItem())
			if !p.got(COMMA) {
				break
			}
		}
	}
	s.ItemsRange.End = p.prevEnd()
	p.colon()
	s.Body = p.block("'with' statement", start)
	s.Range = Range{start, s.Body.End}
	return s
}

// tryParenItems parses "(item, …)" followed by ':' or reports false.
func (p *parser) tryParenItems() (items []*WithItem, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			if _, isBail := r.(bailout); !isBail {
				panic(r)
			}
			items, ok = nil, false
		}
	}()
	p.next()
	comma := false
	for p.tok() != RPAREN {
		items = append(items, p.withItem())
		if comma = p.got(COMMA); !comma {
			break
		}
	}
	p.expect(RPAREN)
	if len(items) == 1 && items[0].Vars == nil && !comma {
		// "with (a):" is a parenthesized expression.
		return nil, false
	}
	return items, p.tok() == COLON
}

func (p *parser) withItem() *WithItem {
	x := p.expression()
	w := &WithItem{Context: x}
	if p.got(AS) {
		w.Vars = p.bitOrStarTarget()
		p.checkTarget(w.Vars, false, true)
	}
	w.Range = Range{startOf(x), p.prevEnd()}
	return w
}

// bitOrStarTarget parses a with-item target.
func (p *parser) bitOrStarTarget() Expr { return p.binary(precBitOr) }

func (p *parser) decorated() Stmt {
	list := p.a.decoLists.take()
	for p.tok() == AT {
		start := p.pos()
		p.next()
		x := p.namedExpr()
		list = append(list, put(&p.a.decorators, Decorator{Range{start, endOf(x)}, x}))
		if p.tok() != NEWLINE {
			p.syntaxError()
		}
		p.next()
	}
	decos := p.a.decoLists.keep(list)
	switch p.tok() {
	case DEF:
		return p.funcDef(decos, NoPos)
	case CLASS:
		return p.classDef(decos)
	case ASYNC:
		start := p.pos()
		p.next()
		if p.tok() == DEF {
			return p.funcDef(decos, start)
		}
	}
	p.syntaxError()
	return nil
}

func (p *parser) funcDef(decos []*Decorator, async Pos) *FuncDef {
	f := put(&p.a.funcDefs, FuncDef{Decorators: decos, DefStart: p.pos(), Async: async != NoPos})
	if f.Async {
		f.DefStart = async
	}
	p.next()
	f.Name = p.name()
	if p.tok() != LPAREN {
		p.error("expected '('")
	}
	lp := p.pos()
	p.next()
	f.Params = p.params(RPAREN, false)
	if f.Params == nil {
		f.Params = put(&p.a.paramSets, Params{})
	}
	f.Params.Range = Range{lp, Pos(p.s.end)}
	p.expect(RPAREN)
	if p.tok() == RARROW {
		arrow := p.pos()
		p.next()
		if !p.startsExpr() || p.tok() == YIELD || p.tok() == STAR {
			p.errorAt(SyntaxErr, arrow, "expected ':'")
		}
		f.Returns = p.expression()
	}
	p.colon()
	f.Body = p.block("function definition", f.DefStart)
	f.Range = Range{f.DefStart, f.Body.End}
	if len(decos) > 0 {
		f.Start = decos[0].Start
	}
	return f
}

func (p *parser) classDef(decos []*Decorator) *ClassDef {
	c := put(&p.a.classDefs, ClassDef{Decorators: decos, DefStart: p.pos()})
	p.next()
	c.Name = p.name()
	if p.tok() == LPAREN {
		lp := p.pos()
		p.next()
		args, bare := p.callArgsBare()
		if bare {
			p.errorAt(SyntaxErr, startOf(args[0]), "invalid syntax")
		}
		c.Args = put(&p.a.argLists, ArgList{Range{lp, Pos(p.s.end)}, args})
		p.expect(RPAREN)
	}
	p.colon()
	c.Body = p.block("class definition", c.DefStart)
	c.Range = Range{c.DefStart, c.Body.End}
	if len(decos) > 0 {
		c.Start = decos[0].Start
	}
	return c
}

// params parses a parameter list up to the closing token (RPAREN, or
// COLON for a lambda), with CPython's errors at CPython's positions. It
// returns nil for an empty list.
func (p *parser) params(closing Token, lambda bool) *Params {
	if p.tok() == closing {
		return nil
	}
	ps := put(&p.a.paramSets, Params{})
	ps.Start = p.pos()
	list := p.a.paramLists.take()
	seenDefault, seenSlash, seenStar, seenKw := false, false, false, false
	for p.tok() != closing {
		start := p.pos()
		if seenKw {
			p.error("arguments cannot follow var-keyword argument")
		}
		pr := put(&p.a.params, Param{})
		switch p.tok() {
		case SLASH:
			switch {
			case seenStar:
				p.error("/ must be ahead of *")
			case seenSlash:
				p.error("/ may appear only once")
			case len(list) == 0:
				p.error("at least one argument must precede /")
			}
			seenSlash = true
			pr.Kind = ParamSlash
			p.next()
			if p.tok() == STAR {
				p.error("expected comma between / and *")
			}
		case STAR:
			if seenStar {
				p.error("* argument may appear only once")
			}
			seenStar = true
			p.next()
			if p.tok() == COMMA || p.tok() == closing {
				pr.Kind = ParamStar
				if p.tok() == closing || p.bareStarEnds(closing) {
					if lambda {
						if p.tok() == COMMA {
							p.next()
						}
						p.error("named arguments must follow bare *")
					}
					p.errorAt(SyntaxErr, start, "named arguments must follow bare *")
				}
			} else {
				pr.Kind = ParamVarArgs
				pr.Name = p.name()
				if p.tok() == COLON && !lambda {
					p.next()
					if p.tok() == STAR {
						// PEP 646: *args: *Ts
						ss := p.pos()
						p.next()
						x := p.expression()
						pr.Annotation = &Starred{Range{ss, endOf(x)}, x}
					} else {
						pr.Annotation = p.expression()
					}
				}
				if p.tok() == EQUAL {
					p.error("var-positional argument cannot have default value")
				}
			}
		case DOUBLESTAR:
			seenKw = true
			p.next()
			pr.Kind = ParamKwArgs
			pr.Name = p.name()
			if p.tok() == COLON && !lambda {
				p.next()
				pr.Annotation = p.expression()
			}
			if p.tok() == EQUAL {
				p.error("var-keyword argument cannot have default value")
			}
		case LPAREN:
			if lambda {
				p.error("Lambda expression parameters cannot be parenthesized")
			}
			p.error("Function parameters cannot be parenthesized")
		default:
			pr.Name = p.name()
			if p.tok() == COLON && !lambda {
				p.next()
				pr.Annotation = p.expression()
			}
			if p.tok() == EQUAL {
				p.next()
				if p.tok() == COMMA || p.tok() == closing {
					p.errorAt(SyntaxErr, p.prevEnd()-1, "expected default value expression")
				}
				pr.Default = p.expression()
				seenDefault = true
			} else if seenDefault && !seenStar {
				p.errorAt(SyntaxErr, start, "non-default argument follows default argument")
			}
		}
		pr.Range = Range{start, p.prevEnd()}
		list = append(list, pr)
		if !p.got(COMMA) {
			break
		}
	}
	if p.tok() != closing {
		p.syntaxError()
	}
	ps.List = p.a.paramLists.keep(list)
	ps.End = p.prevEnd()
	return ps
}

// bareStarEnds reports whether a bare "*" is followed by ", closing" or
// ", **": no named parameter follows it.
func (p *parser) bareStarEnds(closing Token) bool {
	if p.tok() != COMMA {
		return false
	}
	sn := p.s.save()
	p.next()
	r := p.tok() == closing || p.tok() == DOUBLESTAR
	p.s.restore(sn)
	return r
}

func (p *parser) importStmt() Stmt {
	start := p.pos()
	p.next()
	s := put(&p.a.imports, Import{})
	names := p.a.aliasLists.take()
	for {
		as := p.pos()
		a := put(&p.a.aliases, Alias{Name: p.dotted()})
		if p.got(AS) {
			a.AsName = p.name()
		}
		a.Range = Range{as, p.prevEnd()}
		names = append(names, a)
		if !p.got(COMMA) {
			break
		}
	}
	s.Names = p.a.aliasLists.keep(names)
	s.Range = Range{start, p.prevEnd()}
	return s
}

func (p *parser) dotted() *Dotted {
	d := put(&p.a.dotteds, Dotted{})
	d.Start = p.pos()
	names := append(p.a.nameLists.take(), p.name())
	for p.tok() == DOT {
		p.next()
		names = append(names, p.name())
	}
	d.Names = p.a.nameLists.keep(names)
	d.End = p.prevEnd()
	return d
}

func (p *parser) fromImport() Stmt {
	start := p.pos()
	p.next()
	s := put(&p.a.fromImps, ImportFrom{})
	s.LevelRange.Start = p.pos()
	for p.tok() == DOT || p.tok() == ELLIPSIS {
		if p.tok() == DOT {
			s.Level++
		} else {
			s.Level += 3
		}
		p.next()
	}
	s.LevelRange.End = p.prevEnd()
	if s.Level == 0 || p.tok() == NAME {
		s.Module = p.dotted()
	}
	if p.tok() != IMPORT {
		p.syntaxError()
	}
	p.next()
	if p.tok() == STAR {
		s.Star, s.StarPos = true, p.pos()
		p.next()
	} else {
		paren := p.got(LPAREN)
		names := p.a.aliasLists.take()
		for {
			as := p.pos()
			n := p.name()
			d := put(&p.a.dotteds, Dotted{n.Range, p.a.nameLists.keep(append(p.a.nameLists.take(), n))})
			a := put(&p.a.aliases, Alias{Name: d})
			if p.got(AS) {
				a.AsName = p.name()
			}
			a.Range = Range{as, p.prevEnd()}
			names = append(names, a)
			if !p.got(COMMA) {
				break
			}
			if paren && p.tok() == RPAREN {
				break
			}
			if !paren && p.tok() == NEWLINE {
				p.error("trailing comma not allowed without surrounding parentheses")
			}
		}
		s.Names = p.a.aliasLists.keep(names)
		if paren {
			p.expect(RPAREN)
		}
	}
	s.Range = Range{start, p.prevEnd()}
	return s
}

// unparen strips the parentheses around an expression.
func unparen(x Expr) Expr {
	for {
		p, ok := x.(*Paren)
		if !ok {
			return x
		}
		x = p.X
	}
}
