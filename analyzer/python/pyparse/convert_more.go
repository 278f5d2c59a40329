package pyparse

import (
	"strings"

	sx "github.com/asterkit/aster/analyzer/python/internal/pysyntax"
)

// yields reports whether a function body contains a yield outside nested
// functions, lambdas and classes (their decorators count).
func yields(body []sx.Stmt) bool {
	found := false
	for _, s := range body {
		sx.Inspect(s, func(n sx.Node) bool {
			if found {
				return false
			}
			switch n := n.(type) {
			case *sx.Yield:
				found = true
				return false
			case *sx.Lambda:
				return false
			case *sx.FuncDef:
				for _, d := range n.Decorators {
					found = found || yields([]sx.Stmt{&sx.ExprStmt{X: d.X}})
				}
				return false
			case *sx.ClassDef:
				for _, d := range n.Decorators {
					found = found || yields([]sx.Stmt{&sx.ExprStmt{X: d.X}})
				}
				return false
			}
			return true
		})
		if found {
			return true
		}
	}
	return false
}

// strPart pushes one string literal: string_start, the text as
// string_content (with escape_sequence and escape_interpolation
// children) and interpolation nodes, string_end.
func (c *converter) strPart(p *sx.StrPart, field uint8) {
	n, mark := c.open(kString, field, p.Start, p.End)
	bodyStart := p.Start + sx.Pos(len(p.Prefix)+p.Quote)
	bodyEnd := p.End - sx.Pos(p.Quote)
	c.leaf(kStringStart, 0, p.Start, bodyStart)
	at := bodyStart
	for _, v := range p.Values {
		c.content(p, at, v.Start)
		c.interpolation(v, kInterpolation, 0)
		at = v.End
	}
	if p.Raw() && rawOnlyEscapes(c.src[at:bodyEnd], c.src[bodyEnd]) {
		// Text made only of backslash pairs joins the closing quote.
		bodyEnd = at
	}
	c.content(p, at, bodyEnd)
	c.leaf(kStringEnd, 0, bodyEnd, p.End)
	c.close(n, mark)
}

// content pushes the literal text src[start:end] of a string.
func (c *converter) content(p *sx.StrPart, start, end sx.Pos) {
	if start >= end {
		return
	}
	n, mark := c.open(kStringContent, 0, start, end)
	src := c.src
	raw, bytes, fstr := p.Raw(), p.Bytes(), p.FString()
	for i := int(start); i < int(end); {
		if !fstr {
			// Only backslashes matter: skip to the next one.
			j := strings.IndexByte(src[i:end], '\\')
			if j < 0 {
				break
			}
			i += j
		}
		ch := src[i]
		if fstr && (ch == '{' || ch == '}') && i+1 < int(end) && src[i+1] == ch {
			c.leaf(kEscapeInterpolation, 0, sx.Pos(i), sx.Pos(i+2))
			i += 2
			continue
		}
		if ch != '\\' {
			i++
			continue
		}
		if raw {
			i += 2
			continue
		}
		if n := escapeLen(src[i:end], bytes); n > 0 {
			c.leaf(kEscapeSequence, 0, sx.Pos(i), sx.Pos(i+n))
			i += n
			continue
		}
		i++
	}
	c.close(n, mark)
}

// escapeLen returns the length of the escape sequence at the start of s
// as the outline marks them, or 0.
func escapeLen(s string, bytes bool) int {
	if len(s) < 2 {
		return 0
	}
	hexRun := func(n int) int {
		if len(s) < 2+n {
			return 0
		}
		for i := 2; i < 2+n; i++ {
			if !isHexDigit(s[i]) {
				return 0
			}
		}
		return 2 + n
	}
	switch c := s[1]; {
	case c == 'x':
		return hexRun(2)
	case c == 'u' && !bytes:
		return hexRun(4)
	case c == 'U' && !bytes:
		return hexRun(8)
	case c >= '0' && c <= '9':
		n := 2
		for n < 4 && n < len(s) && s[n] >= '0' && s[n] <= '9' {
			n++
		}
		return n
	case c == '\n':
		return 2
	case c == '\r':
		if len(s) > 2 && s[2] == '\n' {
			return 3
		}
		return 0
	case c == '\'' || c == '"' || c == 'a' || c == 'b' || c == 'f' || c == 'r' || c == 'n' || c == 't' || c == 'v' || c == '\\':
		return 2
	case c == 'N' && !bytes:
		if len(s) > 3 && s[2] == '{' {
			for i := 3; i < len(s); i++ {
				if s[i] == '}' {
					if i == 3 {
						return 0
					}
					return i + 1
				}
			}
		}
	}
	return 0
}

func isHexDigit(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// interpolation pushes a replacement field "{…}" of an f-string.
func (c *converter) interpolation(v *sx.FormattedValue, kind kind, field uint8) {
	n, mark := c.open(kind, field, v.Start, v.End)
	c.exprs(v.Value, fExpression)
	if v.Conv != 0 {
		c.leaf(kTypeConversion, fTypeConv, v.ConvPos, v.ConvPos+2)
	}
	if v.Spec != nil {
		sn, sm := c.open(kFormatSpecifier, fFormatSpec, v.Spec.Start, v.Spec.End)
		for _, inner := range v.Spec.Values {
			c.interpolation(inner, kFormatExpression, 0)
		}
		c.close(sn, sm)
	}
	c.close(n, mark)
}

// match pushes a match statement.
func (c *converter) match(m *sx.Match) {
	c.simple(kMatchStatement, m.Start, c.matchEnd(m), func() {
		if t, ok := m.Subject.(*sx.Tuple); ok && !t.Paren {
			for _, e := range t.Elts {
				c.expr(e, fSubject)
			}
		} else {
			c.expr(m.Subject, fSubject)
		}
		bn, bm := c.open(kBlock, fBody, c.matchBlockStart(m), c.matchEnd(m))
		for _, cs := range m.Cases {
			cn, cm := c.open(kCaseClause, fAlternative, cs.Start, c.blockEnd(cs.Body))
			if seq, ok := cs.Pattern.(*sx.MatchSequence); ok && seq.Bracket == 0 {
				for _, p := range seq.Patterns {
					c.casePattern(p, 0)
				}
			} else {
				c.casePattern(cs.Pattern, 0)
			}
			if cs.Guard != nil {
				gn, gm := c.open(kIfClause, fGuard, cs.GuardPos, endOf(cs.Guard))
				c.expr(cs.Guard, 0)
				c.close(gn, gm)
			}
			c.block(cs.Body, fConsequence)
			c.close(cn, cm)
		}
		c.close(bn, bm)
	})
}

// casePattern pushes a pattern wrapped in case_pattern.
func (c *converter) casePattern(p sx.Pattern, field uint8) {
	start, end := p.Span()
	n, mark := c.open(kCasePattern, field, start, end)
	c.simplePattern(p)
	c.close(n, mark)
}

// simplePattern pushes a pattern without the case_pattern wrapper.
func (c *converter) simplePattern(p sx.Pattern) {
	start, end := p.Span()
	switch p := p.(type) {
	case *sx.MatchValue:
		c.patternValue(p.Value)
	case *sx.MatchAs:
		switch {
		case p.Pattern != nil:
			n, mark := c.open(kAsPattern, 0, start, end)
			c.casePattern(p.Pattern, 0)
			c.name(p.Name, 0)
			c.close(n, mark)
		case p.Name != nil:
			n, mark := c.open(kDottedName, 0, start, end)
			c.name(p.Name, 0)
			c.close(n, mark)
		}
	case *sx.MatchOr:
		n, mark := c.open(kUnionPattern, 0, start, end)
		for _, q := range p.Patterns {
			c.simplePattern(q)
		}
		c.close(n, mark)
	case *sx.MatchGroup:
		n, mark := c.open(kTuplePattern, 0, start, end)
		c.casePattern(p.Pattern, 0)
		c.close(n, mark)
	case *sx.MatchSequence:
		kind := kListPattern
		if p.Bracket == sx.LPAREN {
			kind = kTuplePattern
		}
		n, mark := c.open(kind, 0, start, end)
		for _, q := range p.Patterns {
			c.casePattern(q, 0)
		}
		c.close(n, mark)
	case *sx.MatchStar:
		n, mark := c.open(kSplatPattern, 0, start, end)
		if p.Name != nil {
			c.name(p.Name, 0)
		}
		c.close(n, mark)
	case *sx.MatchMapping:
		n, mark := c.open(kDictPattern, 0, start, end)
		for i, k := range p.Keys {
			c.patternValueField(k, fKey)
			c.casePattern(p.Patterns[i], fValue)
		}
		if p.Rest != nil {
			rs := p.Rest.Start - 2
			sn, sm := c.open(kSplatPattern, 0, rs, p.Rest.End)
			c.name(p.Rest, 0)
			c.close(sn, sm)
		}
		c.close(n, mark)
	case *sx.MatchClass:
		n, mark := c.open(kClassPattern, 0, start, end)
		c.dottedExpr(p.Cls)
		for _, q := range p.Patterns {
			c.casePattern(q, 0)
		}
		for i, a := range p.KwdAttrs {
			qs, qe := p.KwdPatterns[i].Span()
			cn, cm := c.open(kCasePattern, 0, a.Start, qe)
			kn, km := c.open(kKeywordPattern, 0, a.Start, qe)
			c.name(a, 0)
			_ = qs
			c.simplePattern(p.KwdPatterns[i])
			c.close(kn, km)
			c.close(cn, cm)
		}
		c.close(n, mark)
	}
}

func (c *converter) patternValue(x sx.Expr) { c.patternValueField(x, 0) }

// patternValueField pushes a literal or dotted value of a pattern.
func (c *converter) patternValueField(x sx.Expr, field uint8) {
	switch v := x.(type) {
	case *sx.UnaryOp:
		c.expr(v.X, field)
	case *sx.BinOp:
		n, mark := c.open(kComplexPattern, field, startOf(v), endOf(v))
		c.patternValue(v.X)
		c.expr(v.Y, 0)
		c.close(n, mark)
	case *sx.Attribute, *sx.Name:
		c.dottedExprField(v, field)
	default:
		c.expr(x, field)
	}
}

func (c *converter) dottedExpr(x sx.Expr) { c.dottedExprField(x, 0) }

// dottedExprField pushes a.b.c as a dotted_name.
func (c *converter) dottedExprField(x sx.Expr, field uint8) {
	n, mark := c.open(kDottedName, field, startOf(x), endOf(x))
	var walk func(x sx.Expr)
	walk = func(x sx.Expr) {
		switch v := x.(type) {
		case *sx.Attribute:
			walk(v.Value)
			c.name(v.Attr, 0)
		case *sx.Name:
			c.name(v, 0)
		}
	}
	walk(x)
	c.close(n, mark)
}

// matchBlockStart is where the outline's block of a match statement
// starts: at the line end after its ':' (and a comment).
func (c *converter) matchBlockStart(m *sx.Match) sx.Pos {
	src := c.src
	i := int(endOf(m.Subject))
	for i < len(src) && src[i] != '\n' && src[i] != '\r' {
		i++
	}
	return sx.Pos(i)
}

// rawOnlyEscapes reports whether the raw string text seg is non-empty and
// made only of a backslash with the character it protects (a quote or a
// backslash), which the outline counts as part of the closing quote.
func rawOnlyEscapes(seg string, quote byte) bool {
	if seg == "" {
		return false
	}
	for i := 0; i < len(seg); {
		if seg[i] != '\\' {
			return false
		}
		i++
		if i < len(seg) && (seg[i] == quote || seg[i] == '\\') {
			i++
		}
	}
	return true
}
