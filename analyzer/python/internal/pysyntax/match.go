package pysyntax

// tryMatch parses a match statement if the line starting with the soft
// keyword "match" is one; otherwise it restores the scanner and returns
// nil.
func (p *parser) tryMatch() (m *Match) {
	sn := p.s.save()
	start := p.pos()
	missingColon, badStar := NoPos, NoPos
	ok := func() (ok bool) {
		defer func() {
			if r := recover(); r != nil {
				if _, isBail := r.(bailout); !isBail {
					panic(r)
				}
				ok = false
			}
		}()
		p.next()
		if !p.startsExpr() || p.tok() == YIELD {
			return false
		}
		m = &Match{}
		m.Start = start
		x := p.starNamedExpr()
		if p.tok() == COMMA {
			elts := []Expr{x}
			for p.got(COMMA) {
				if p.tok() == COLON {
					break
				}
				elts = append(elts, p.starNamedExpr())
			}
			x = &Tuple{Range{startOf(x), p.prevEnd()}, elts, false}
		}
		m.Subject = x
		if _, ok := x.(*Starred); ok {
			if p.tok() == COLON {
				badStar = p.pos()
			}
			return false
		}
		if p.tok() == NEWLINE {
			missingColon = p.pos()
		}
		return p.tok() == COLON
	}()
	if badStar != NoPos {
		// "match *a:" is neither a match statement nor an expression.
		p.errorAt(SyntaxErr, badStar, "invalid syntax")
	}
	if !ok {
		p.s.restore(sn)
		if missingColon != NoPos && !p.parsesAsStatement() {
			p.errorAt(SyntaxErr, missingColon, "expected ':'")
		}
		return nil
	}
	p.next()
	if p.tok() != NEWLINE {
		p.syntaxError()
	}
	p.next()
	if p.tok() != INDENT {
		p.errorAt(IndentationErr, p.pos(), "expected an indented block after 'match' statement on line %d", p.s.lines.Line(start))
	}
	p.next()
	m.CasesRange.Start = p.pos()
	for p.tok() != DEDENT && p.tok() != EOF {
		if !p.isName("case") {
			p.syntaxError()
		}
		m.Cases = append(m.Cases, p.caseBlock())
	}
	m.CasesRange.End = m.Cases[len(m.Cases)-1].End
	m.End = m.CasesRange.End
	p.next()
	return m
}

// parsesAsStatement reports whether the line ahead parses as simple
// statements, leaving the scanner where it was.
func (p *parser) parsesAsStatement() (ok bool) {
	sn := p.s.save()
	defer func() {
		p.s.restore(sn)
		if r := recover(); r != nil {
			if _, isBail := r.(bailout); !isBail {
				panic(r)
			}
			ok = false
		}
	}()
	p.simpleStmts(nil)
	return true
}

func (p *parser) caseBlock() *MatchCase {
	c := &MatchCase{GuardPos: NoPos}
	c.Start = p.pos()
	p.next()
	c.Pattern = p.openPatterns()
	if p.tok() == IF {
		c.GuardPos = p.pos()
		p.next()
		c.Guard = p.namedExpr()
	}
	p.colon()
	c.Body = p.block("'case' statement", c.Start)
	c.End = c.Body.End
	return c
}

// openPatterns parses "p, p, …" (an open sequence) or one pattern.
func (p *parser) openPatterns() Pattern {
	start := p.pos()
	x := p.maybeStarPattern()
	if p.tok() != COMMA {
		if _, ok := x.(*MatchStar); ok {
			return &MatchSequence{Range{start, p.prevEnd()}, []Pattern{x}, 0}
		}
		return x
	}
	pats := []Pattern{x}
	for p.got(COMMA) {
		if p.tok() == COLON || p.tok() == IF {
			break
		}
		pats = append(pats, p.maybeStarPattern())
	}
	return &MatchSequence{Range{start, p.prevEnd()}, pats, 0}
}

func (p *parser) maybeStarPattern() Pattern {
	if p.tok() != STAR {
		return p.pattern()
	}
	start := p.pos()
	p.next()
	n := p.name()
	if n.ID == "_" {
		n = nil
	}
	return &MatchStar{Range{start, p.prevEnd()}, n}
}

// pattern parses "or_pattern [as name]".
func (p *parser) pattern() Pattern {
	start := p.pos()
	x := p.orPattern()
	if p.tok() != AS {
		return x
	}
	p.next()
	if p.tok() != NAME {
		p.error("invalid pattern target")
	}
	n := p.name()
	if n.ID == "_" {
		p.errorAt(SyntaxErr, n.Start, "cannot use '_' as a target")
	}
	return &MatchAs{Range{start, n.End}, x, n}
}

func (p *parser) orPattern() Pattern {
	start := p.pos()
	x := p.closedPattern()
	if p.tok() != VBAR {
		return x
	}
	pats := []Pattern{x}
	for p.got(VBAR) {
		pats = append(pats, p.closedPattern())
	}
	return &MatchOr{Range{start, p.prevEnd()}, pats}
}

func (p *parser) closedPattern() Pattern {
	p.enter()
	defer p.leave()
	start := p.pos()
	switch p.tok() {
	case NUMBER, MINUS:
		x := p.signedNumber()
		return &MatchValue{Range{start, endOf(x)}, x}
	case STRING:
		x := p.strings()
		for _, part := range x.(*Str).Parts {
			if part.FString() {
				p.errorAt(SyntaxErr, start, "patterns may only match literals and attribute lookups")
			}
		}
		return &MatchValue{Range{start, endOf(x)}, x}
	case NONE, TRUE, FALSE:
		x := p.atom()
		return &MatchValue{Range{start, endOf(x)}, x}
	case LPAREN:
		p.next()
		if p.got(RPAREN) {
			return &MatchSequence{Range{start, p.prevEnd()}, nil, LPAREN}
		}
		x := p.maybeStarPattern()
		if p.tok() == COMMA {
			pats := []Pattern{x}
			for p.got(COMMA) {
				if p.tok() == RPAREN {
					break
				}
				pats = append(pats, p.maybeStarPattern())
			}
			p.expect(RPAREN)
			return &MatchSequence{Range{start, p.prevEnd()}, pats, LPAREN}
		}
		p.expect(RPAREN)
		if _, ok := x.(*MatchStar); ok {
			return &MatchSequence{Range{start, p.prevEnd()}, []Pattern{x}, LPAREN}
		}
		return &MatchGroup{Range{start, p.prevEnd()}, x}
	case LBRACK:
		p.next()
		var pats []Pattern
		for p.tok() != RBRACK {
			pats = append(pats, p.maybeStarPattern())
			if !p.got(COMMA) {
				break
			}
		}
		p.expect(RBRACK)
		return &MatchSequence{Range{start, p.prevEnd()}, pats, LBRACK}
	case LBRACE:
		return p.mappingPattern()
	case NAME:
		var x Expr = p.name()
		for p.tok() == DOT {
			p.next()
			n := p.name()
			x = &Attribute{Range{start, n.End}, x, n}
		}
		if p.tok() == LPAREN {
			return p.classPattern(x)
		}
		if n, ok := x.(*Name); ok {
			if n.ID == "_" {
				return &MatchAs{Range: n.Range}
			}
			return &MatchAs{Range: n.Range, Name: n}
		}
		return &MatchValue{Range{start, endOf(x)}, x}
	}
	p.syntaxError()
	return nil
}

// signedNumber parses a literal number pattern, complex ones included.
func (p *parser) signedNumber() Expr {
	start := p.pos()
	var x Expr
	if p.tok() == MINUS {
		p.next()
		if p.tok() != NUMBER {
			p.syntaxError()
		}
		p.checkNumber()
		n := &Num{Range{p.pos(), Pos(p.s.end)}, p.s.lit()}
		p.next()
		x = &UnaryOp{Range{start, n.End}, MINUS, start, n}
	} else {
		p.checkNumber()
		x = &Num{Range{p.pos(), Pos(p.s.end)}, p.s.lit()}
		p.next()
	}
	if p.tok() == PLUS || p.tok() == MINUS {
		op, opPos := p.tok(), p.pos()
		p.next()
		if p.tok() != NUMBER {
			p.syntaxError()
		}
		raw := p.s.lit()
		n := &Num{Range{p.pos(), Pos(p.s.end)}, raw}
		if c := raw[len(raw)-1]; c != 'j' && c != 'J' {
			p.errorAt(SyntaxErr, n.Start, "imaginary number required in complex literal")
		}
		p.next()
		x = &BinOp{Range{start, n.End}, x, op, opPos, n}
	}
	return x
}

func (p *parser) mappingPattern() Pattern {
	m := &MatchMapping{}
	m.Start = p.pos()
	p.next()
	for p.tok() != RBRACE {
		if p.tok() == DOUBLESTAR {
			p.next()
			if p.isName("_") {
				p.syntaxError()
			}
			m.Rest = p.name()
			p.got(COMMA)
			break
		}
		var key Expr
		switch p.tok() {
		case NUMBER, MINUS:
			key = p.signedNumber()
		case STRING:
			key = p.strings()
		case NONE, TRUE, FALSE:
			key = p.atom()
		case NAME:
			key = p.name()
			if p.tok() != DOT {
				p.syntaxError()
			}
			for p.tok() == DOT {
				p.next()
				n := p.name()
				key = &Attribute{Range{startOf(key), n.End}, key, n}
			}
		default:
			p.syntaxError()
		}
		p.expect(COLON)
		m.Keys = append(m.Keys, key)
		m.Patterns = append(m.Patterns, p.pattern())
		if !p.got(COMMA) {
			break
		}
	}
	p.expect(RBRACE)
	m.End = p.prevEnd()
	return m
}

func (p *parser) classPattern(cls Expr) Pattern {
	c := &MatchClass{Cls: cls}
	c.Start = startOf(cls)
	p.next()
	for p.tok() != RPAREN {
		if p.tok() == NAME {
			sn := p.s.save()
			n := p.name()
			if p.got(EQUAL) {
				c.KwdAttrs = append(c.KwdAttrs, n)
				c.KwdPatterns = append(c.KwdPatterns, p.pattern())
				if !p.got(COMMA) {
					break
				}
				continue
			}
			p.s.restore(sn)
		}
		x := p.pattern()
		if len(c.KwdAttrs) > 0 {
			p.errorAt(SyntaxErr, startOf(x), "positional patterns follow keyword patterns")
		}
		c.Patterns = append(c.Patterns, x)
		if !p.got(COMMA) {
			break
		}
	}
	p.expect(RPAREN)
	c.End = p.prevEnd()
	return c
}
