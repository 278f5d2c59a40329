package pysyntax

import "strings"

// Binary operator precedences, lowest first.
const (
	precBitOr = iota + 1
	precXor
	precBitAnd
	precShift
	precArith
	precTerm
)

var binPrec = [...]uint8{
	VBAR: precBitOr, CIRCUMFLEX: precXor, AMPER: precBitAnd, LSHIFT: precShift, RSHIFT: precShift,
	PLUS: precArith, MINUS: precArith, STAR: precTerm, SLASH: precTerm, DOUBLESLASH: precTerm,
	PERCENT: precTerm, AT: precTerm, keywordEnd: 0,
}

// starExpressions parses "e, *e, …" (a Tuple when there is a comma).
func (p *parser) starExpressions() Expr {
	start := p.pos()
	x := p.starExpr()
	if p.tok() != COMMA {
		return x
	}
	elts := append(p.a.exprLists.take(), x)
	for p.got(COMMA) {
		if !p.startsExpr() || p.tok() == YIELD {
			break
		}
		elts = append(elts, p.starExpr())
	}
	return put(&p.a.tuples, Tuple{Range{start, p.prevEnd()}, p.a.exprLists.keep(elts), false})
}

// starExpr parses "*bitor" or an expression.
func (p *parser) starExpr() Expr {
	if p.tok() == STAR {
		return p.bitOrStar()
	}
	return p.expression()
}

// starNamedExpr parses "*bitor" or a named expression.
func (p *parser) starNamedExpr() Expr {
	if p.tok() == STAR {
		return p.bitOrStar()
	}
	return p.namedExpr()
}

// namedExpr parses "name := expression" or an expression.
func (p *parser) namedExpr() Expr {
	x := p.expression()
	if p.tok() == EQUAL {
		p.misusedEqual(x)
	}
	if p.tok() != COLONEQ {
		return x
	}
	n, ok := x.(*Name)
	if !ok {
		p.errorAt(SyntaxErr, startOf(x), "cannot use assignment expressions with %s", exprName(x))
	}
	p.next()
	v := p.expression()
	return &NamedExpr{Range{n.Start, endOf(v)}, n, v}
}

// expression parses a conditional expression or a lambda.
func (p *parser) expression() Expr {
	if p.tok() == LAMBDA {
		return p.lambda()
	}
	p.enter()
	var x Expr
	switch p.tok() {
	case NAME, NUMBER, STRING, LPAREN, LBRACK, LBRACE, TRUE, FALSE, NONE, ELLIPSIS:
		// The operand is a primary: it is parsed at once, and the
		// operator levels are entered only when an operator follows.
		x = p.primary()
		if continuesOperand[p.tok()] {
			x = p.disjunctionFrom(x)
		}
	default:
		x = p.disjunction()
	}
	if p.tok() == IF {
		p.next()
		test := p.disjunction()
		if p.tok() != ELSE {
			p.errorAt(SyntaxErr, startOf(x), "expected 'else' after 'if' expression")
		}
		p.next()
		els := p.expression()
		x = &IfExp{Range{startOf(x), endOf(els)}, x, test, els}
	} else if mayMissComma[p.tok()] {
		p.checkMissingComma(x)
	}
	p.leave()
	return x
}

// mayMissComma marks the tokens after which checkMissingComma looks
// further: those that can start an expression.
var mayMissComma = [256]bool{NAME: true, NUMBER: true, STRING: true, LBRACE: true, TILDE: true, LAMBDA: true,
	AWAIT: true, TRUE: true, FALSE: true, NONE: true, ELLIPSIS: true, NOT: true}

// misusedEqual reports "x = …" where a named expression is expected, as
// CPython does.
func (p *parser) misusedEqual(x Expr) {
	switch b := unparen(x).(type) {
	case *Name:
		p.errorAt(SyntaxErr, startOf(x), "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
	case *Compare, *BoolOp, *IfExp, *Lambda, *NamedExpr, *Tuple, *List:
	case *UnaryOp:
		if b.Op != NOT {
			p.errorAt(SyntaxErr, startOf(x), "cannot assign to %s here. Maybe you meant '==' instead of '='?", exprName(x))
		}
	case *Comp:
		if b.Kind != LPAREN {
			p.errorAt(SyntaxErr, startOf(x), "cannot assign to %s here. Maybe you meant '==' instead of '='?", exprName(x))
		}
	case *Lit:
		if b.Tok == ELLIPSIS {
			p.errorAt(SyntaxErr, startOf(x), "cannot assign to %s here. Maybe you meant '==' instead of '='?", exprName(x))
		}
	default:
		p.errorAt(SyntaxErr, startOf(x), "cannot assign to %s here. Maybe you meant '==' instead of '='?", exprName(x))
	}
}

// checkMissingComma reports "a b" inside brackets as CPython does; the
// current token is one of mayMissComma.
func (p *parser) checkMissingComma(x Expr) {
	if len(p.s.parens) == 0 && !p.fstring || p.speculating {
		return
	}
	start := startOf(x)
	if n, ok := x.(*Name); ok && (p.tok() == STRING || n.ID == "print" || n.ID == "exec") {
		return
	}
	if isSoftKeywordAt(p.s.src, int(start)) {
		return
	}
	if p.tok() == NOT || !p.parsesAsExpression() {
		return
	}
	p.errorAt(SyntaxErr, start, "invalid syntax. Perhaps you forgot a comma?")
}

// parsesAsExpression reports whether an expression can be parsed at the
// current token, leaving the scanner where it was.
func (p *parser) parsesAsExpression() (ok bool) {
	sn := p.s.save()
	depth := p.depth
	p.speculating = true
	defer func() {
		p.s.restore(sn)
		p.depth = depth
		p.speculating = false
		if r := recover(); r != nil {
			if _, isBail := r.(bailout); !isBail {
				panic(r)
			}
			ok = false
		}
	}()
	p.expression()
	return true
}

// isSoftKeywordAt reports whether the name at src[i:] counts as a soft
// keyword for the missing-comma hint: CPython 3.11 compares only the
// name's length, so any prefix of "match" or "case" counts too.
func isSoftKeywordAt(src string, i int) bool {
	j := i
	for j < len(src) && isIdentByte(src[j]) {
		j++
	}
	name := src[i:j]
	if name == "" {
		return false
	}
	for _, kw := range [...]string{"match", "case", "_"} {
		if strings.HasPrefix(kw, name) {
			return true
		}
	}
	return false
}

func (p *parser) lambda() Expr {
	start := p.pos()
	p.next()
	// Two levels, as CPython's lambdef and the expression it holds.
	p.enter()
	p.enter()
	defer p.leave()
	defer p.leave()
	ps := p.params(COLON, true)
	p.expect(COLON)
	body := p.expression()
	return &Lambda{Range{start, endOf(body)}, ps, body}
}

// continuesOperand marks the tokens that continue an operand at one of
// the levels from power up to disjunction: after an operand followed by
// any other token, every level returns it unchanged.
var continuesOperand = func() (t [256]bool) {
	for tok, prec := range binPrec {
		t[tok] = prec != 0
	}
	for _, tok := range []Token{DOUBLESTAR, EQEQUAL, NOTEQUAL, LESS, LESSEQ, GREATER, GREATEREQ, IN, IS, NOT, AND, OR} {
		t[tok] = true
	}
	return t
}()

// The operator levels below take the primary of their first operand
// already parsed (x), or nil to parse it.

func (p *parser) disjunction() Expr { return p.disjunctionFrom(nil) }

func (p *parser) disjunctionFrom(x Expr) Expr {
	x = p.conjunction(x)
	for p.tok() == OR {
		op := p.pos()
		p.next()
		y := p.conjunction(nil)
		x = put(&p.a.boolOps, BoolOp{Range{startOf(x), endOf(y)}, x, OR, op, y})
	}
	return x
}

func (p *parser) conjunction(x Expr) Expr {
	x = p.inversion(x)
	for p.tok() == AND {
		op := p.pos()
		p.next()
		y := p.inversion(nil)
		x = put(&p.a.boolOps, BoolOp{Range{startOf(x), endOf(y)}, x, AND, op, y})
	}
	return x
}

func (p *parser) inversion(x Expr) Expr {
	if x != nil || p.tok() != NOT {
		return p.comparison(x)
	}
	start := p.pos()
	p.next()
	p.enter()
	defer p.leave()
	operand := p.inversion(nil)
	return put(&p.a.unaryOps, UnaryOp{Range{start, endOf(operand)}, NOT, start, operand})
}

func (p *parser) comparison(x Expr) Expr {
	x = p.binaryFrom(precBitOr, x)
	var cmp *Compare
	var ops []CmpOp
	var ys []Expr
	for {
		op := CmpOp{Start: p.pos(), End: Pos(p.s.end)}
		switch p.tok() {
		case EQEQUAL:
			op.Op = CmpEq
		case NOTEQUAL:
			op.Op = CmpNotEq
		case LESS:
			op.Op = CmpLt
		case LESSEQ:
			op.Op = CmpLtE
		case GREATER:
			op.Op = CmpGt
		case GREATEREQ:
			op.Op = CmpGtE
		case IN:
			op.Op = CmpIn
		case IS:
			op.Op = CmpIs
			p.next()
			if p.tok() == NOT {
				op.Op, op.End = CmpIsNot, Pos(p.s.end)
				p.next()
			}
		case NOT:
			p.next()
			if p.tok() != IN {
				p.syntaxError()
			}
			op.Op, op.End = CmpNotIn, Pos(p.s.end)
		default:
			if cmp != nil {
				cmp.Ops = p.a.cmpOpLists.keep(ops)
				cmp.Comparators = p.a.exprLists.keep(ys)
				cmp.End = p.prevEnd()
				return cmp
			}
			return x
		}
		if op.Op != CmpIs && op.Op != CmpIsNot {
			p.next()
		}
		y := p.binary(precBitOr)
		if cmp == nil {
			cmp = put(&p.a.compares, Compare{Left: x})
			cmp.Start = startOf(x)
			ops, ys = p.a.cmpOpLists.take(), p.a.exprLists.take()
		}
		ops = append(ops, op)
		ys = append(ys, y)
	}
}

// binary parses binary operators of at least the given precedence.
func (p *parser) binary(prec int) Expr { return p.binaryFrom(prec, nil) }

func (p *parser) binaryFrom(prec int, x Expr) Expr {
	x = p.factor(x)
	for {
		t := p.tok()
		if int(t) >= len(binPrec) || int(binPrec[t]) < prec || binPrec[t] == 0 {
			return x
		}
		op := p.pos()
		p.next()
		y := p.binary(int(binPrec[t]) + 1)
		x = put(&p.a.binops, BinOp{Range{startOf(x), endOf(y)}, x, t, op, y})
	}
}

func (p *parser) factor(x Expr) Expr {
	if x != nil {
		return p.power(x)
	}
	switch t := p.tok(); t {
	case PLUS, MINUS, TILDE:
		start := p.pos()
		p.next()
		p.enter()
		defer p.leave()
		operand := p.factor(nil)
		return put(&p.a.unaryOps, UnaryOp{Range{start, endOf(operand)}, t, start, operand})
	}
	return p.power(nil)
}

func (p *parser) power(x Expr) Expr {
	switch {
	case x != nil:
	case p.tok() == AWAIT:
		start := p.pos()
		p.next()
		p.enter()
		defer p.leave()
		v := p.primary()
		x = &Await{Range{start, endOf(v)}, v}
	default:
		x = p.primary()
	}
	if p.tok() == DOUBLESTAR {
		op := p.pos()
		p.next()
		// Two levels, as CPython's power and the factor it holds.
		p.enter()
		p.enter()
		defer p.leave()
		defer p.leave()
		y := p.factor(nil)
		x = &BinOp{Range{startOf(x), endOf(y)}, x, DOUBLESTAR, op, y}
	}
	return x
}

func (p *parser) primary() Expr {
	// An atom starts at its first token.
	start := p.pos()
	x := p.atom()
	for {
		switch p.tok() {
		case DOT:
			p.next()
			n := p.name()
			x = put(&p.a.attrs, Attribute{Range{start, n.End}, x, n})
		case LPAREN:
			lp := p.pos()
			p.next()
			c := put(&p.a.calls, Call{Func: x, LParen: lp})
			c.Args, c.Gen = p.callArgsGen()
			c.Range = Range{start, Pos(p.s.end)}
			p.expect(RPAREN)
			x = c
		case LBRACK:
			p.next()
			idx := p.subscriptIndex()
			x = put(&p.a.subscripts, Subscript{Range{start, Pos(p.s.end)}, x, idx})
			p.expect(RBRACK)
		default:
			return x
		}
	}
}

func (p *parser) subscriptIndex() Expr {
	start := p.pos()
	elts := p.a.exprLists.take()
	trailing := false
	for {
		if p.tok() == STAR {
			elts = append(elts, p.bitOrStar())
		} else {
			elts = append(elts, p.sliceItem())
		}
		if !p.got(COMMA) {
			break
		}
		if p.tok() == RBRACK {
			trailing = true
			break
		}
	}
	if len(elts) == 1 && !trailing {
		if _, ok := elts[0].(*Starred); !ok {
			x := elts[0]
			p.a.exprLists.drop(elts)
			return x
		}
	}
	return put(&p.a.tuples, Tuple{Range{start, p.prevEnd()}, p.a.exprLists.keep(elts), false})
}

func (p *parser) sliceItem() Expr {
	start := p.pos()
	var lower Expr
	if p.tok() != COLON {
		lower = p.namedExpr()
		if p.tok() != COLON {
			return lower
		}
		if _, ok := lower.(*NamedExpr); ok {
			// A named expression is a whole subscript, not a bound.
			p.syntaxError()
		}
	}
	s := put(&p.a.slices, Slice{Lower: lower})
	p.next()
	if p.tok() != COLON && p.tok() != COMMA && p.tok() != RBRACK {
		s.Upper = p.expression()
	}
	if p.got(COLON) {
		if p.tok() != COMMA && p.tok() != RBRACK {
			s.Step = p.expression()
		}
	}
	s.Range = Range{start, p.prevEnd()}
	return s
}

// callArgsGen parses call arguments; a sole generator argument without
// its own parentheses sets gen.
func (p *parser) callArgsGen() (args []Expr, gen bool) {
	if p.tok() == RPAREN {
		return nil, false
	}
	return p.callArgsBare()
}

// callArgsBare parses arguments up to ")" in source order and reports
// whether the only argument is a generator without its own parentheses.
func (p *parser) callArgsBare() ([]Expr, bool) {
	args := p.a.exprLists.take()
	seenKw, seenKwUnpack := false, false
	var bareGen Expr
	misplaced := "" // a positional argument after keywords
	for p.tok() != RPAREN {
		start := p.pos()
		switch p.tok() {
		case STAR:
			p.next()
			x := p.expression()
			if p.tok() == FOR || p.tok() == ASYNC {
				p.errorAt(SyntaxErr, start, "iterable unpacking cannot be used in comprehension")
			}
			if seenKwUnpack {
				p.errorAt(SyntaxErr, start, "iterable argument unpacking follows keyword argument unpacking")
			}
			args = append(args, &Starred{Range{start, endOf(x)}, x})
		case DOUBLESTAR:
			p.next()
			x := p.expression()
			seenKwUnpack = true
			args = append(args, put(&p.a.keywords, Keyword{Range{start, endOf(x)}, nil, x}))
		default:
			x := p.expression()
			if p.tok() == COLONEQ {
				n, ok := x.(*Name)
				if !ok {
					p.syntaxError()
				}
				p.next()
				v := p.expression()
				x = &NamedExpr{Range{n.Start, endOf(v)}, n, v}
			}
			if p.tok() == EQUAL {
				n, ok := x.(*Name)
				if !ok {
					if l, isLit := x.(*Lit); isLit && l.Tok != ELLIPSIS {
						p.errorAt(SyntaxErr, start, "cannot assign to %s", l.Tok)
					}
					p.errorAt(SyntaxErr, start, "expression cannot contain assignment, perhaps you meant \"==\"?")
				}
				p.next()
				v := p.expression()
				seenKw = true
				args = append(args, put(&p.a.keywords, Keyword{Range{start, endOf(v)}, n, v}))
				break
			}
			if p.tok() == FOR || p.tok() == ASYNC {
				x = p.comprehension(LPAREN, start, x, nil)
				x.(*Comp).End = p.prevEnd()
				if bareGen == nil {
					bareGen = x
				}
			}
			switch {
			case misplaced != "":
			case seenKwUnpack:
				misplaced = "positional argument follows keyword argument unpacking"
			case seenKw:
				misplaced = "positional argument follows keyword argument"
			}
			args = append(args, x)
		}
		if !p.got(COMMA) {
			break
		}
	}
	if bareGen != nil && (len(args) > 1 || p.s.src[p.prevEnd()-1] == ',') {
		p.errorAt(SyntaxErr, startOf(bareGen), "Generator expression must be parenthesized")
	}
	if p.tok() != RPAREN {
		p.syntaxError()
	}
	if misplaced != "" {
		// CPython reports it after the whole argument list.
		p.error("%s", misplaced)
	}
	return p.a.exprLists.keep(args), bareGen != nil
}

// comprehension parses the for/if clauses after the element elt (and
// value for a dict).
func (p *parser) comprehension(kind Token, start Pos, elt, value Expr) Expr {
	c := put(&p.a.comps, Comp{Kind: kind, Elt: elt, Value: value})
	c.Start = start
	if s, ok := elt.(*Starred); ok {
		p.errorAt(SyntaxErr, s.Start, "iterable unpacking cannot be used in comprehension")
	}
	for p.tok() == FOR || p.tok() == ASYNC {
		f := put(&p.a.compFors, CompFor{})
		f.Start = p.pos()
		if p.got(ASYNC) {
			f.Async = true
			if p.tok() != FOR {
				p.syntaxError()
			}
		}
		p.next()
		f.Target = p.targetList()
		p.checkTarget(f.Target, false, true)
		if p.tok() == IF {
			p.errorAt(SyntaxErr, startOf(f.Target), "expected 'else' after 'if' expression")
		}
		if p.tok() != IN {
			p.syntaxError()
		}
		p.next()
		f.Iter = p.disjunction()
		for p.tok() == IF {
			is := p.pos()
			p.next()
			cond := p.disjunction()
			f.Ifs = append(f.Ifs, &CompIf{Range{is, endOf(cond)}, cond})
		}
		f.End = p.prevEnd()
		c.Clauses = append(c.Clauses, f)
	}
	return c
}

func (p *parser) atom() Expr {
	start, end := p.pos(), Pos(p.s.end)
	switch p.tok() {
	case NAME:
		n := p.newName()
		p.next()
		return n
	case NUMBER:
		p.checkNumber()
		n := put(&p.a.nums, Num{Range{start, end}, p.s.lit()})
		p.next()
		return n
	case STRING:
		return p.strings()
	case TRUE, FALSE, NONE, ELLIPSIS:
		l := put(&p.a.lits, Lit{Range{start, end}, p.tok()})
		p.next()
		return l
	case LPAREN:
		return p.parenAtom()
	case LBRACK:
		return p.listAtom()
	case LBRACE:
		return p.braceAtom()
	}
	p.syntaxError()
	return nil
}

// maxStrDigits is CPython's limit on the decimal digits of an int
// converted from text (sys.get_int_max_str_digits()).
const maxStrDigits = 4300

// checkNumber rejects a decimal int literal of more than maxStrDigits
// digits: CPython converts literals as it parses them, under that limit.
func (p *parser) checkNumber() {
	digits, zero := 0, true
	for _, c := range []byte(p.s.lit()) {
		switch {
		case c >= '0' && c <= '9':
			digits++
			zero = zero && c == '0'
		case c != '_':
			return // not a decimal int: a float, an imaginary or another base
		}
	}
	if digits > maxStrDigits && !zero {
		p.raise(false, SyntaxErr, p.pos(), "Exceeds the limit (%d digits) for integer string conversion: value has %d digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.", maxStrDigits, digits)
	}
}

func (p *parser) parenAtom() Expr {
	start := p.pos()
	p.next()
	if p.tok() == RPAREN {
		end := Pos(p.s.end)
		p.next()
		return &Tuple{Range{start, end}, nil, true}
	}
	if p.tok() == YIELD {
		y := p.yieldExpr()
		end := Pos(p.s.end)
		p.expect(RPAREN)
		return put(&p.a.parens, Paren{Range{start, end}, y})
	}
	x := p.starNamedExpr()
	if p.tok() == FOR || p.tok() == ASYNC {
		c := p.comprehension(LPAREN, start, x, nil).(*Comp)
		c.End = Pos(p.s.end)
		p.expect(RPAREN)
		return c
	}
	if p.tok() == COMMA {
		elts := append(p.a.exprLists.take(), x)
		for p.got(COMMA) {
			if p.tok() == RPAREN {
				break
			}
			elts = append(elts, p.starNamedExpr())
		}
		end := Pos(p.s.end)
		p.expect(RPAREN)
		return put(&p.a.tuples, Tuple{Range{start, end}, p.a.exprLists.keep(elts), true})
	}
	if st, ok := x.(*Starred); ok && p.tok() == RPAREN {
		p.errorAt(SyntaxErr, st.Start, "cannot use starred expression here")
	}
	end := Pos(p.s.end)
	p.expect(RPAREN)
	return put(&p.a.parens, Paren{Range{start, end}, x})
}

func (p *parser) listAtom() Expr {
	start := p.pos()
	p.next()
	elts := p.a.exprLists.take()
	if p.tok() != RBRACK {
		x := p.starNamedExpr()
		if p.tok() == FOR || p.tok() == ASYNC {
			p.a.exprLists.drop(elts)
			c := p.comprehension(LBRACK, start, x, nil).(*Comp)
			c.End = Pos(p.s.end)
			p.expect(RBRACK)
			return c
		}
		elts = append(elts, x)
		for p.got(COMMA) {
			if p.tok() == RBRACK {
				break
			}
			elts = append(elts, p.starNamedExpr())
			if p.tok() == FOR || p.tok() == ASYNC {
				p.errorAt(SyntaxErr, start+1, "did you forget parentheses around the comprehension target?")
			}
		}
	}
	end := Pos(p.s.end)
	p.expect(RBRACK)
	return put(&p.a.listNodes, List{Range{start, end}, p.a.exprLists.keep(elts)})
}

func (p *parser) braceAtom() Expr {
	start := p.pos()
	p.next()
	if p.tok() == RBRACE {
		end := Pos(p.s.end)
		p.next()
		return put(&p.a.dicts, Dict{Range{start, end}, nil})
	}
	var first Expr
	if p.tok() != DOUBLESTAR {
		first = p.starNamedExpr()
		if p.tok() != COLON {
			// A set.
			if p.tok() == FOR || p.tok() == ASYNC {
				c := p.comprehension(LBRACE, start, first, nil).(*Comp)
				c.End = Pos(p.s.end)
				p.expect(RBRACE)
				return c
			}
			elts := []Expr{first}
			for p.got(COMMA) {
				if p.tok() == RBRACE {
					break
				}
				elts = append(elts, p.starNamedExpr())
				if p.tok() == FOR || p.tok() == ASYNC {
					p.errorAt(SyntaxErr, startOf(first), "did you forget parentheses around the comprehension target?")
				}
			}
			end := Pos(p.s.end)
			p.expect(RBRACE)
			return &Set{Range{start, end}, elts}
		}
	}
	items := p.a.itemLists.take()
	for {
		is := p.pos()
		var k, v Expr
		if first != nil {
			k, first = first, nil
			is = startOf(k)
		} else if p.tok() == DOUBLESTAR {
			p.next()
			v = p.binary(precBitOr)
		} else {
			k = p.expression()
		}
		if k != nil {
			if _, ok := k.(*Starred); ok {
				p.errorAt(SyntaxErr, startOf(k), "cannot use a starred expression in a dictionary key")
			}
			if p.tok() != COLON {
				if p.tok() == RBRACE || p.tok() == COMMA {
					p.errorAt(SyntaxErr, startOf(k), "':' expected after dictionary key")
				}
				p.syntaxError()
			}
			p.next()
			if p.tok() == RBRACE || p.tok() == COMMA {
				p.errorAt(SyntaxErr, startOf(k), "expression expected after dictionary key and ':'")
			}
			if p.tok() == STAR {
				p.error("cannot use a starred expression in a dictionary value")
			}
			v = p.expression()
		}
		items = append(items, put(&p.a.dictItems, DictItem{Range{is, endOf(v)}, k, v}))
		if len(items) == 1 && k != nil && (p.tok() == FOR || p.tok() == ASYNC) {
			p.a.itemLists.drop(items)
			c := p.comprehension(LBRACE, start, k, v).(*Comp)
			c.End = Pos(p.s.end)
			p.expect(RBRACE)
			return c
		}
		if !p.got(COMMA) || p.tok() == RBRACE {
			break
		}
	}
	end := Pos(p.s.end)
	p.expect(RBRACE)
	return put(&p.a.dicts, Dict{Range{start, end}, p.a.itemLists.keep(items)})
}

func (p *parser) yieldExpr() Expr {
	start := p.pos()
	p.next()
	p.yields = true
	y := &Yield{}
	if p.got(FROM) {
		y.From = true
		y.Value = p.expression()
	} else if p.startsExpr() && p.tok() != YIELD {
		y.Value = p.starExpressions()
	}
	y.Range = Range{start, p.prevEnd()}
	return y
}

// exprName names an expression kind as CPython's error messages do.
func exprName(x Expr) string {
	switch x := x.(type) {
	case *Attribute:
		return "attribute"
	case *Subscript:
		return "subscript"
	case *Starred:
		return "starred"
	case *Name:
		return "name"
	case *List:
		return "list"
	case *Tuple:
		return "tuple"
	case *Lambda:
		return "lambda"
	case *Call:
		return "function call"
	case *BoolOp, *BinOp, *UnaryOp:
		return "expression"
	case *Comp:
		switch {
		case x.Kind == LPAREN:
			return "generator expression"
		case x.Kind == LBRACK:
			return "list comprehension"
		case x.Value != nil:
			return "dict comprehension"
		}
		return "set comprehension"
	case *Yield:
		return "yield expression"
	case *Await:
		return "await expression"
	case *Dict:
		return "dict literal"
	case *Set:
		return "set display"
	case *Str:
		for _, part := range x.Parts {
			if part.FString() {
				return "f-string expression"
			}
		}
		return "literal"
	case *Num:
		return "literal"
	case *Lit:
		if x.Tok == ELLIPSIS {
			return "ellipsis"
		}
		return x.Tok.String()
	case *Compare:
		return "comparison"
	case *IfExp:
		return "conditional expression"
	case *NamedExpr:
		return "named expression"
	case *Paren:
		return exprName(x.X)
	}
	return "expression"
}

// invalidTarget returns the part of an assignment (or del) target that
// cannot be assigned, or nil.
func invalidTarget(x Expr, del bool) Expr {
	switch x := x.(type) {
	case *Name, *Attribute, *Subscript:
		return nil
	case *Starred:
		if del {
			return x
		}
		return invalidTarget(x.Value, del)
	case *Tuple:
		for _, e := range x.Elts {
			if bad := invalidTarget(e, del); bad != nil {
				return bad
			}
		}
		return nil
	case *List:
		for _, e := range x.Elts {
			if bad := invalidTarget(e, del); bad != nil {
				return bad
			}
		}
		return nil
	case *Paren:
		return invalidTarget(x.X, del)
	}
	return x
}

// checkTarget rejects an invalid del, for or with target.
func (p *parser) checkTarget(x Expr, del, forTarget bool) {
	bad := invalidTarget(x, del)
	if bad == nil {
		return
	}
	if del {
		p.errorAt(SyntaxErr, startOf(bad), "cannot delete %s", exprName(bad))
	}
	p.errorAt(SyntaxErr, startOf(bad), "cannot assign to %s", exprName(bad))
}

// checkAssignTarget rejects an invalid target of "="; first tells
// whether it is the first target of the statement.
func (p *parser) checkAssignTarget(x Expr, first bool) {
	bad := invalidTarget(x, false)
	if bad == nil {
		return
	}
	if y, ok := x.(*Yield); ok {
		p.errorAt(SyntaxErr, y.Start, "assignment to yield expression not possible")
	}
	if bad == unparen(x) && first {
		switch b := bad.(type) {
		case *Compare, *BoolOp, *IfExp, *Lambda, *NamedExpr, *Comp, *Tuple, *List:
		case *UnaryOp:
			if b.Op == NOT {
				break
			}
			p.errorAt(SyntaxErr, startOf(bad), "cannot assign to %s here. Maybe you meant '==' instead of '='?", exprName(bad))
		case *Lit:
			if b.Tok == ELLIPSIS {
				p.errorAt(SyntaxErr, startOf(bad), "cannot assign to %s here. Maybe you meant '==' instead of '='?", exprName(bad))
			}
		default:
			p.errorAt(SyntaxErr, startOf(bad), "cannot assign to %s here. Maybe you meant '==' instead of '='?", exprName(bad))
		}
	}
	if _, ok := bad.(*Yield); ok {
		p.errorAt(SyntaxErr, startOf(bad), "assignment to yield expression not possible")
	}
	p.errorAt(SyntaxErr, startOf(bad), "cannot assign to %s", exprName(bad))
}
