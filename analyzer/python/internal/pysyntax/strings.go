package pysyntax

import (
	"strings"
	"unicode/utf8"
)

// strings parses adjacent string literals.
func (p *parser) strings() Expr {
	s := put(&p.a.strs, Str{})
	s.Start = p.pos()
	bytes := -1
	parts := p.a.partLists.take()
	for p.tok() == STRING {
		part := p.strPart(p.pos(), p.s.lit())
		b := 0
		if part.Bytes() {
			b = 1
		}
		if bytes >= 0 && b != bytes {
			p.errorAt(SyntaxErr, s.Start, "cannot mix bytes and nonbytes literals")
		}
		bytes = b
		parts = append(parts, part)
		s.End = Pos(p.s.end)
		p.next()
	}
	s.Parts = p.a.partLists.keep(parts)
	return s
}

// strPart checks the current string token, lit, and parses an f-string's
// fields.
func (p *parser) strPart(start Pos, lit string) *StrPart {
	i := 0
	for lit[i] != '\'' && lit[i] != '"' {
		i++
	}
	part := put(&p.a.parts, StrPart{Range: Range{start, start + Pos(len(lit))}, Prefix: lit[:i], Quote: 1, text: lit})
	if len(lit)-i >= 6 && lit[i+1] == lit[i] && lit[i+2] == lit[i] {
		part.Quote = 3
	}
	bodyStart := i + part.Quote
	bodyEnd := len(lit) - part.Quote
	// The scanner tells a one-line ASCII literal, valid UTF-8.
	if p.s.nonASCII {
		if msg := utf8Error(lit[bodyStart:bodyEnd], 0); msg != "" {
			p.errorAt(SyntaxErr, part.End, "%s", msg)
		}
	}
	if part.FString() {
		fp := fstringParser{p: p, part: part, base: int(start)}
		part.Values = fp.parse(bodyStart, bodyEnd, 0, nil)
		return part
	}
	// Without a backslash there is no escape to check, only a bytes
	// literal's characters.
	if p.s.backslash || part.Bytes() {
		p.checkEscapes(part, int(start), lit[bodyStart:bodyEnd])
	}
	return part
}

// checkEscapes rejects the escapes and characters CPython's literal
// decoding rejects. off is the offset of the literal in the source.
func (p *parser) checkEscapes(part *StrPart, off int, body string) {
	bytes, raw := part.Bytes(), part.Raw()
	if bytes {
		for i := 0; i < len(body); i++ {
			if body[i] >= utf8.RuneSelf {
				p.errorAt(SyntaxErr, Pos(off), "bytes can only contain ASCII literal characters")
			}
		}
	}
	if raw || strings.IndexByte(body, '\\') < 0 {
		return
	}
	codec := "unicodeescape"
	for i := 0; i < len(body); i++ {
		if body[i] != '\\' {
			continue
		}
		i++
		if i >= len(body) {
			break
		}
		hex := 0
		switch body[i] {
		case 'x':
			hex = 2
		case 'u', 'U':
			if bytes {
				continue
			}
			hex = 4
			if body[i] == 'U' {
				hex = 8
			}
		case 'N':
			if bytes {
				continue
			}
			if i+1 >= len(body) || body[i+1] != '{' {
				p.errorAt(SyntaxErr, Pos(off), "(unicode error) '%s' codec can't decode bytes in position %d-%d: malformed \\N character escape", codec, i-1, i)
			}
			end := strings.IndexByte(body[i:], '}')
			if end < 0 {
				p.errorAt(SyntaxErr, Pos(off), "(unicode error) '%s' codec can't decode bytes in position %d-%d: malformed \\N character escape", codec, i-1, len(body)-1)
			}
			if _, ok := lookupCharName(body[i+2 : i+end]); !ok {
				p.errorAt(SyntaxErr, Pos(off), "(unicode error) '%s' codec can't decode bytes in position %d-%d: unknown Unicode character name", codec, i-1, i+end)
			}
			i += end
			continue
		default:
			continue
		}
		v := rune(0)
		for k := 1; k <= hex; k++ {
			if i+k >= len(body) || !isHex(body[i+k]) {
				if bytes {
					p.errorAt(SyntaxErr, Pos(off), "(value error) invalid \\x escape at position %d", i-1)
				}
				p.errorAt(SyntaxErr, Pos(off), "(unicode error) '%s' codec can't decode bytes in position %d-%d: truncated \\%c%s escape",
					codec, i-1, i+k-1, body[i], strings.Repeat("X", hex))
			}
			v = v<<4 | rune(unhex(body[i+k]))
		}
		if hex == 8 && v > utf8.MaxRune {
			p.errorAt(SyntaxErr, Pos(off), "(unicode error) '%s' codec can't decode bytes in position %d-%d: illegal Unicode character", codec, i-1, i+hex)
		}
		i += hex
	}
}

func isHex(c byte) bool { return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

func unhex(c byte) byte {
	switch {
	case isDigit(c):
		return c - '0'
	case c >= 'a':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}

// fstringParser parses the replacement fields of an f-string as CPython
// 3.11 does.
type fstringParser struct {
	p    *parser
	part *StrPart
	base int // offset of the token in the source
}

func (f *fstringParser) lit() string { return f.p.s.src[f.base:int(f.part.End)] }

func (f *fstringParser) fail(at int, format string, args ...any) {
	f.p.errorAt(SyntaxErr, Pos(f.base), "f-string: "+format, args...)
}

// parse scans the literal text in lit()[i:end] and returns the fields;
// depth counts format-spec nesting. In a format spec (spec != nil) the
// text stops at an unmatched '}'.
func (f *fstringParser) parse(i, end, depth int, spec *FormatSpec) []*FormattedValue {
	lit := f.lit()
	raw := f.part.Raw()
	var out []*FormattedValue
	for i < end {
		c := lit[i]
		switch {
		case c == '\\' && !raw:
			// A backslash does not protect a brace; "\N{…}" is skipped whole.
			switch {
			case i+1 < end && (lit[i+1] == '{' || lit[i+1] == '}'):
				i++
			case i+2 < end && lit[i+1] == 'N' && lit[i+2] == '{':
				j := strings.IndexByte(lit[i+3:end], '}')
				if j < 0 {
					i = end
				} else {
					i += 3 + j + 1
				}
			default:
				i += 2
			}
			continue
		case c == '{':
			if spec == nil && i+1 < end && lit[i+1] == '{' {
				i += 2
				continue
			}
			fv, next := f.field(i, end, depth)
			out = append(out, fv)
			i = next
			continue
		case c == '}':
			if spec != nil {
				spec.End = Pos(f.base + i)
				return out
			}
			if i+1 < end && lit[i+1] == '}' {
				i += 2
				continue
			}
			f.fail(i, "single '}' is not allowed")
		}
		i++
	}
	if spec != nil {
		spec.End = Pos(f.base + i)
	}
	if !raw && spec == nil {
		f.p.checkEscapes(&StrPart{Prefix: f.part.Prefix}, f.base, stripFields(lit, f.part))
	}
	return out
}

// stripFields returns the literal text of an f-string with its fields
// blanked, for the escape check.
func stripFields(lit string, part *StrPart) string {
	q := part.Quote
	body := []byte(lit[len(part.Prefix)+q : len(lit)-q])
	off := int(part.Start) + len(part.Prefix) + q
	for _, v := range part.Values {
		for i := int(v.Start) - off; i < int(v.End)-off && i < len(body); i++ {
			if i >= 0 {
				body[i] = ' '
			}
		}
	}
	return string(body)
}

// field parses a replacement field starting at the '{' at i.
func (f *fstringParser) field(i, end, depth int) (*FormattedValue, int) {
	lit := f.lit()
	if depth >= 2 {
		f.fail(i, "expressions nested too deeply")
	}
	fv := &FormattedValue{}
	fv.Start = Pos(f.base + i)
	exprStart := i + 1
	// Find the end of the expression.
	var stack []byte
	var quote byte
	triple := false
	j := exprStart
scan:
	for ; j < end; j++ {
		c := lit[j]
		if c == '\\' {
			f.p.errorAt(SyntaxErr, Pos(f.base), "f-string expression part cannot include a backslash")
		}
		if quote != 0 {
			if c == quote && (!triple || j+2 < end && lit[j+1] == quote && lit[j+2] == quote) {
				if triple {
					j += 2
				}
				quote = 0
			}
			continue
		}
		switch c {
		case '\'', '"':
			quote = c
			triple = j+2 < end && lit[j+1] == c && lit[j+2] == c
			if triple {
				j += 2
			}
		case '[', '(', '{':
			if len(stack) >= 200 {
				f.fail(j, "too many nested parenthesis")
			}
			stack = append(stack, c)
		case ']', ')', '}':
			if c == '}' && len(stack) == 0 {
				break scan
			}
			if len(stack) == 0 {
				f.fail(j, "unmatched '%c'", c)
			}
			open := stack[len(stack)-1]
			if open != map[byte]byte{']': '[', ')': '(', '}': '{'}[c] {
				f.fail(j, "closing parenthesis '%c' does not match opening parenthesis '%c'", c, open)
			}
			stack = stack[:len(stack)-1]
		case '#':
			f.p.errorAt(SyntaxErr, Pos(f.base), "f-string expression part cannot include '#'")
		case '!', ':', '=':
			if len(stack) > 0 {
				continue
			}
			if c == '!' && j+1 < end && lit[j+1] == '=' {
				j++
				continue
			}
			if c == '=' {
				if j+1 < end && lit[j+1] == '=' {
					j++
					continue
				}
				if j > exprStart && strings.IndexByte("=!<>", lit[j-1]) >= 0 {
					continue
				}
			}
			break scan
		}
	}
	if quote != 0 {
		f.fail(j, "unterminated string")
	}
	if j >= end {
		if len(stack) > 0 {
			f.fail(j, "unmatched '%c'", stack[len(stack)-1])
		}
		f.fail(j, "expecting '}'")
	}
	if strings.TrimLeft(lit[exprStart:j], " \t\n\r\f") == "" {
		f.fail(j, "empty expression not allowed")
	}
	if len(stack) > 0 {
		f.fail(j, "unmatched '%c'", stack[len(stack)-1])
	}
	fv.Value = f.p.subExpr(f.base+exprStart, f.base+j)
	if lit[j] == '=' {
		fv.Debug, fv.DebugPos = true, Pos(f.base+j)
		j++
		// Whitespace after the "=" of a self-documenting expression is
		// skipped, as CPython 3.11 does.
		for j < end && strings.IndexByte(" \t\n\r\f\v", lit[j]) >= 0 {
			j++
		}
	}
	if j < end && lit[j] == '!' {
		fv.ConvPos = Pos(f.base + j)
		j++
		if j >= end {
			f.fail(j, "expecting '}'")
		}
		c := lit[j]
		if c != 's' && c != 'r' && c != 'a' {
			f.fail(j, "invalid conversion character: expected 's', 'r', or 'a'")
		}
		fv.Conv = c
		j++
	}
	if j < end && lit[j] == ':' {
		spec := &FormatSpec{}
		spec.Start = Pos(f.base + j)
		spec.Values = f.parse(j+1, end, depth+1, spec)
		fv.Spec = spec
		j = int(spec.End) - f.base
	}
	if j >= end || lit[j] != '}' {
		f.fail(j, "expecting '}'")
	}
	fv.End = Pos(f.base + j + 1)
	return fv, j + 1
}

// subExpr parses the expression of a replacement field, src[start:end],
// as CPython 3.11 does: as if parenthesized.
func (p *parser) subExpr(start, end int) Expr {
	sub := &parser{fstring: true, depth: p.depth}
	sub.s.src = p.s.src[:end]
	sub.s.lines, sub.s.cr = p.s.lines, p.s.cr
	sub.s.off = start
	sub.s.indents = []int{0}
	sub.s.altIndents = []int{0}
	sub.s.parens = []paren{{'(', start}}
	sub.s.fstring = true
	sub.next()
	var x Expr
	if sub.tok() == YIELD {
		x = sub.yieldExpr()
	} else {
		x = sub.starExpressions()
		if st, ok := x.(*Starred); ok {
			sub.errorAt(SyntaxErr, st.Start, "cannot use starred expression here")
		}
	}
	if sub.tok() != EOF {
		if sub.tok() == EQUAL || sub.tok() == COLONEQ {
			sub.syntaxError()
		}
		sub.syntaxError()
	}
	p.yields = p.yields || sub.yields
	return x
}
