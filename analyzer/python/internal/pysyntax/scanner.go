package pysyntax

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/asterkit/aster/internal/pyunicode"
)

// Limits of CPython's tokenizer.
const (
	maxIndent = 100 // MAXINDENT: nested indented blocks
	maxParen  = 200 // MAXLEVEL: nested brackets
)

// scanner splits a source into tokens as CPython 3.11's tokenizer does,
// with INDENT, DEDENT and NEWLINE tokens and the same errors. Errors
// panic with a bailout.
type scanner struct {
	src   string
	lines *Lines
	cr    bool // src holds a '\r'
	off   int

	indents    []int // indentation columns, tabs to multiples of 8
	altIndents []int // the same with tabs counted as 1
	dedents    int   // DEDENT tokens still to emit
	atBOL      bool  // at the beginning of a logical line, or dedents > 0
	afterLine  bool  // a token was emitted since the last NEWLINE
	parens     []paren
	// fstring is set when scanning a replacement field of an f-string:
	// the source ends with the field and counts as parenthesized.
	fstring bool

	// The current token: its kind and byte range; nonASCII tells
	// whether a NAME has non-ASCII characters, word is its text. For a
	// STRING, nonASCII is false only when the literal is one line of
	// ASCII, and backslash tells whether it holds a backslash.
	nonASCII  bool
	backslash bool
	word      string
	tok       Token
	pos, end  int
	prevEnd   int // end of the previous token
}

type paren struct {
	ch  byte
	pos int
}

// lit is the text of the current NAME, NUMBER or STRING token.
func (s *scanner) lit() string { return s.src[s.pos:s.end] }

func (s *scanner) init(src string, start int) {
	s.src = src
	s.lines = newLines(src)
	s.cr = strings.IndexByte(src, '\r') >= 0
	s.off = start
	s.indents = append(s.indents[:0], 0)
	s.altIndents = append(s.altIndents[:0], 0)
	s.atBOL = true
}

// snapshot is a saved scanner state for backtracking.
type snapshot struct {
	s                   scanner
	indents, altIndents []int
	parens              []paren
}

func (s *scanner) save() snapshot {
	return snapshot{s: *s, indents: append([]int(nil), s.indents...),
		altIndents: append([]int(nil), s.altIndents...), parens: append([]paren(nil), s.parens...)}
}

func (s *scanner) restore(sn snapshot) {
	*s = sn.s
	s.indents, s.altIndents, s.parens = sn.indents, sn.altIndents, sn.parens
}

func (s *scanner) fail(kind ErrorKind, at int, format string, args ...any) {
	line, col := s.lines.Position(Pos(at))
	msg := fmt.Sprintf(format, args...)
	if s.fstring {
		msg = "f-string: " + msg
	}
	panic(bailout{&Error{Kind: kind, Line: line, Col: col, Msg: msg}})
}

// failLine reports an error at the first column of the line holding at.
func (s *scanner) failLine(kind ErrorKind, at int, msg string) {
	line := s.lines.Line(Pos(at))
	panic(bailout{&Error{Kind: kind, Line: line, Col: 1, Msg: msg}})
}

func isNewline(c byte) bool { return c == '\n' || c == '\r' }

// lineEnd returns the offset of the first line ending at or after i, or
// the length of the source.
func (s *scanner) lineEnd(i int) int {
	rest := s.src[i:]
	j := strings.IndexByte(rest, '\n')
	if j < 0 {
		j = len(rest)
	}
	if s.cr {
		if k := strings.IndexByte(rest[:j], '\r'); k >= 0 {
			j = k
		}
	}
	return i + j
}

// newlineLen returns the length of the line ending at i (0 if none).
func (s *scanner) newlineLen(i int) int {
	if i >= len(s.src) {
		return 0
	}
	switch s.src[i] {
	case '\n':
		return 1
	case '\r':
		if i+1 < len(s.src) && s.src[i+1] == '\n' {
			return 2
		}
		return 1
	}
	return 0
}

// next scans the next token into s.tok, s.pos and s.end.
func (s *scanner) next() {
	s.prevEnd = s.end
	if s.atBOL {
		if s.dedents > 0 {
			s.dedents--
			s.atBOL = s.dedents > 0
			s.tok, s.pos, s.end = DEDENT, s.tokenPos(), s.off
			return
		}
		if s.indentation() {
			return
		}
	}
	// Skip blanks, comments, continuation lines and (in brackets) line
	// ends, then scan the token the first other byte starts.
	src, off := s.src, s.off
	for off < len(src) {
		switch charClass[src[off]] {
		case cBlank:
			off++
			continue
		case cName:
			s.start(off)
			s.name(off)
		case cPrefix:
			// A string prefix is followed by another prefix letter or a
			// quote.
			s.start(off)
			if off+1 >= len(src) || !isPrefixChar[src[off+1]] || !s.prefixedString(off) {
				s.name(off)
			}
		case cOther:
			s.start(off)
			s.operator()
		case cDigit:
			s.start(off)
			s.number()
		case cSingle:
			s.start(off)
			s.tok, s.off = singleTokens[src[off]], off+1
		case cOpen:
			s.start(off)
			s.open(src[off])
		case cClose:
			s.start(off)
			s.close(src[off])
		case cEqual:
			s.start(off)
			if c := src[off]; off+1 < len(src) && src[off+1] == '=' {
				s.tok, s.off = withEqual[c], off+2
			} else {
				s.tok, s.off = single[c], off+1
			}
		case cDot:
			s.start(off)
			switch {
			case off+1 < len(src) && isDigit(src[off+1]):
				s.number()
			case off+1 < len(src) && src[off+1] == '.':
				s.operator()
			default:
				s.tok, s.off = DOT, off+1
			}
		case cQuote:
			s.start(off)
			s.str(off)
		case cHash:
			off = s.lineEnd(off)
			continue
		case cNewline:
			n := s.newlineLen(off)
			if len(s.parens) > 0 {
				off += n
				continue
			}
			s.tok, s.pos, s.end = NEWLINE, off, off+n
			s.off = off + n
			s.atBOL, s.afterLine = true, false
			return
		case cBackslash:
			n := s.newlineLen(off + 1)
			if n == 0 {
				s.fail(SyntaxErr, off+1, "unexpected character after line continuation character")
			}
			off += 1 + n
			if off >= len(src) && len(s.parens) == 0 {
				s.fail(SyntaxErr, max(len(src)-1, 0), "unexpected EOF while parsing")
			}
			continue
		}
		s.end = s.off
		return
	}
	s.off = off
	s.eof()
}

// start begins a token at off.
func (s *scanner) start(off int) {
	s.off, s.pos = off, off
	s.afterLine = true
}

// The classes of source bytes the scanner dispatches on.
const (
	cOther     = iota // operators and characters Python does not know
	cBlank            // ' ', '\t', '\f'
	cName             // what a name starts with
	cPrefix           // what a name or a prefixed string starts with: 'b', 'r', 'u', 'f' in either case
	cDigit            // '0'…'9'
	cDot              // '.': an operator or the start of a number
	cQuote            // '"', '\''
	cNewline          // '\n', '\r'
	cHash             // '#'
	cBackslash        // '\\'
	cSingle           // ',', ';', '~': always a token of one byte
	cOpen             // '(', '[', '{'
	cClose            // ')', ']', '}'
	cEqual            // ':', '=', '!', '+', '%', '&', '|', '^', '@': alone or before '='
)

// singleTokens are the tokens of the cSingle bytes.
var singleTokens = [256]Token{',': COMMA, ';': SEMI, '~': TILDE}

var charClass = func() (t [256]uint8) {
	for c := 0; c < 256; c++ {
		switch {
		case isNameStart[c]:
			t[c] = cName
		case isDigit(byte(c)):
			t[c] = cDigit
		}
	}
	for _, c := range []byte("bBrRuUfF") {
		t[c] = cPrefix
	}
	t[' '], t['\t'], t['\f'] = cBlank, cBlank, cBlank
	t['.'], t['"'], t['\''] = cDot, cQuote, cQuote
	t['\n'], t['\r'], t['#'], t['\\'] = cNewline, cNewline, cHash, cBackslash
	t[','], t[';'], t['~'] = cSingle, cSingle, cSingle
	t['('], t['['], t['{'] = cOpen, cOpen, cOpen
	t[')'], t[']'], t['}'] = cClose, cClose, cClose
	for _, c := range []byte(":=!+%&|^@") {
		t[c] = cEqual
	}
	return t
}()

// indentation handles the start of a logical line: blank lines are
// skipped; otherwise INDENT/DEDENT tokens are produced or an error is
// raised. It reports whether it set a token.
func (s *scanner) indentation() bool {
	for {
		// Spaces first, the usual indentation, eight at a time.
		i := s.off
		for i+8 <= len(s.src) && s.src[i:i+8] == "        " {
			i += 8
		}
		for i < len(s.src) && s.src[i] == ' ' {
			i++
		}
		col := i - s.off
		alt := col
		// A backslash continues the indentation on the next line; the
		// column of the first one (if not 0) is the indentation, as in
		// CPython's tokenizer.
		contCol := 0
	ws:
		for ; i < len(s.src); i++ {
			switch s.src[i] {
			case ' ':
				col++
				alt++
			case '\t':
				col = (col/8 + 1) * 8
				alt++
			case '\f':
				col, alt = 0, 0
			case '\\':
				if contCol == 0 {
					contCol = col
				}
				n := s.newlineLen(i + 1)
				if n == 0 {
					s.fail(SyntaxErr, i+1, "unexpected character after line continuation character")
				}
				if i+1+n >= len(s.src) {
					s.fail(SyntaxErr, max(len(s.src)-1, 0), "unexpected EOF while parsing")
				}
				i += n
			default:
				break ws
			}
		}
		if contCol != 0 {
			col, alt = contCol, contCol
		}
		if i < len(s.src) && (s.src[i] == '#' || isNewline(s.src[i])) {
			// A blank or comment-only line does not count.
			i = s.lineEnd(i)
			s.off = i + s.newlineLen(i)
			if s.off >= len(s.src) {
				break
			}
			continue
		}
		if i >= len(s.src) {
			// The end of the source: CPython's input always ends in a
			// newline, so the last line is at column 0.
			col, alt = 0, 0
			s.off = len(s.src)
		} else {
			s.off = i
		}
		s.atBOL = false
		top := len(s.indents) - 1
		switch {
		case col == s.indents[top]:
			if alt != s.altIndents[top] {
				s.failLine(TabErr, s.off, "inconsistent use of tabs and spaces in indentation")
			}
			return false
		case col > s.indents[top]:
			if len(s.indents) >= maxIndent {
				s.failLine(IndentationErr, s.off, "too many levels of indentation")
			}
			if alt <= s.altIndents[top] {
				s.failLine(TabErr, s.off, "inconsistent use of tabs and spaces in indentation")
			}
			s.indents = append(s.indents, col)
			s.altIndents = append(s.altIndents, alt)
			s.tok, s.pos, s.end = INDENT, s.off, s.off
			s.afterLine = true
			return true
		default:
			n := 0
			for top > 0 && col < s.indents[top] {
				top--
				n++
			}
			if col != s.indents[top] {
				s.failLine(IndentationErr, s.off, "unindent does not match any outer indentation level")
			}
			if alt != s.altIndents[top] {
				s.failLine(TabErr, s.off, "inconsistent use of tabs and spaces in indentation")
			}
			s.indents, s.altIndents = s.indents[:top+1], s.altIndents[:top+1]
			s.dedents = n - 1
			s.atBOL = s.dedents > 0
			s.tok, s.pos, s.end = DEDENT, s.tokenPos(), s.off
			return true
		}
	}
	s.atBOL = false
	s.off = len(s.src)
	return false
}

// tokenPos is the position of a zero-width token at s.off: at the end of
// the source it is the last character, whose line CPython reports.
func (s *scanner) tokenPos() int {
	if s.off >= len(s.src) {
		return max(len(s.src)-1, 0)
	}
	return s.off
}

// eof produces the tokens at the end of the source: a NEWLINE if the last
// line did not end with one, the pending DEDENTs, then EOF.
func (s *scanner) eof() {
	// The tokens at the end belong to the last line, as in CPython.
	s.pos, s.end = max(len(s.src)-1, 0), len(s.src)
	if s.fstring && len(s.parens) == 1 {
		s.tok = EOF
		return
	}
	if len(s.parens) > 0 {
		p := s.parens[len(s.parens)-1]
		s.fail(SyntaxErr, p.pos, "'%c' was never closed", p.ch)
	}
	if s.afterLine {
		s.tok, s.afterLine = NEWLINE, false
		return
	}
	if len(s.indents) > 1 {
		s.indents, s.altIndents = s.indents[:len(s.indents)-1], s.altIndents[:len(s.altIndents)-1]
		s.tok = DEDENT
		return
	}
	s.tok = EOF
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isPrefixChar are the string-prefix letters and the quotes; isNameByte
// are the bytes of a name: ASCII letters, digits, '_', and the bytes of
// non-ASCII characters; isNameStart are the bytes a name (or a prefixed
// string) starts with: the same without the digits.
var isPrefixChar, isNameByte, isNameStart = func() (p, n, s [256]bool) {
	for _, c := range []byte("bBrRuUfF\"'") {
		p[c] = true
	}
	for c := 0; c < 256; c++ {
		n[c] = isIdentByte(byte(c))
		s[c] = isIdentByte(byte(c)) && !isDigit(byte(c))
	}
	return
}()

func isIdentByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || isDigit(c) || c >= utf8.RuneSelf
}

// name scans the name that starts at start.
func (s *scanner) name(start int) {
	src := s.src
	// The bytes of the name, or-ed together: the high bit tells a
	// non-ASCII name.
	i, bits := start+1, src[start]
	for i < len(src) && isNameByte[src[i]] {
		bits |= src[i]
		i++
	}
	nonASCII := bits >= utf8.RuneSelf
	if nonASCII {
		s.verifyIdentifier(start, i)
	}
	s.nonASCII = nonASCII
	s.off = i
	s.word = src[start:i]
	s.tok = lookupName(s.word)
}

// prefixedString scans a string if the letters at start are a string
// prefix followed by a quote, and reports whether it did.
func (s *scanner) prefixedString(start int) bool {
	var b, r, u, f bool
	for i := start; i < len(s.src) && isPrefixChar[s.src[i]]; i++ {
		switch c := s.src[i]; {
		case (c == 'b' || c == 'B') && !b && !u && !f:
			b = true
		case (c == 'u' || c == 'U') && !b && !u && !r && !f:
			u = true
		case (c == 'r' || c == 'R') && !r && !u:
			r = true
		case (c == 'f' || c == 'F') && !f && !b && !u:
			f = true
		case c == '"' || c == '\'':
			s.off = i
			s.str(start)
			return true
		default:
			return false
		}
	}
	return false
}

// verifyIdentifier checks a name with non-ASCII characters as CPython
// does: the first code point must be XID_Start or '_', the others
// XID_Continue.
func (s *scanner) verifyIdentifier(start, end int) {
	for i := start; i < end; {
		r, w := utf8.DecodeRuneInString(s.src[i:end])
		if r == utf8.RuneError && w <= 1 {
			ls := int(s.lines.LineStart(s.lines.Line(Pos(start))))
			s.fail(SyntaxErr, i, "%s", utf8Error(s.src[start:end], start-ls))
		}
		ok := r == '_' || isXIDStart(r) || i > start && isXIDContinue(r)
		if !ok {
			if pyunicode.Printable(r) {
				s.fail(SyntaxErr, i, "invalid character '%c' (U+%04X)", r, r)
			}
			s.fail(SyntaxErr, i, "invalid non-printable character U+%04X", r)
		}
		i += w
	}
}

// isXIDStart reports whether r is XID_Start in Unicode 14.0: a letter
// (Go's tables) that CPython 3.11 knows, less the exceptions below.
func isXIDStart(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	return (unicode.IsLetter(r) || unicode.Is(unicode.Nl, r) || unicode.Is(unicode.Other_ID_Start, r)) &&
		!unicode.Is(notXIDContinue, r) && !unicode.Is(continueOnly, r) && !pyunicode.Unknown(r)
}

// isXIDContinue reports whether r is XID_Continue in Unicode 14.0.
func isXIDContinue(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_'
	}
	if unicode.Is(notXIDContinue, r) || pyunicode.Unknown(r) {
		return false
	}
	return unicode.IsLetter(r) || unicode.In(r, unicode.Nl, unicode.Other_ID_Start, unicode.Mn, unicode.Mc, unicode.Nd, unicode.Pc, unicode.Other_ID_Continue)
}

// notXIDContinue are the letters and marks of Go's tables that are not
// XID_Continue: those whose NFKC form is no identifier (the XID
// properties leave them out) and U+2E2F, which is Pattern_Syntax.
var notXIDContinue = &unicode.RangeTable{
	R16: []unicode.Range16{
		{Lo: 0x037a, Hi: 0x037a, Stride: 1},
		{Lo: 0x2e2f, Hi: 0x2e2f, Stride: 1},
		{Lo: 0x309b, Hi: 0x309c, Stride: 1},
		{Lo: 0xfc5e, Hi: 0xfc63, Stride: 1},
		{Lo: 0xfdfa, Hi: 0xfdfb, Stride: 1},
		{Lo: 0xfe70, Hi: 0xfe7e, Stride: 2},
	},
}

// continueOnly are the letters of Go's tables that are XID_Continue but
// not XID_Start: they only continue a name.
var continueOnly = &unicode.RangeTable{
	R16: []unicode.Range16{
		{Lo: 0x0e33, Hi: 0x0e33, Stride: 1},
		{Lo: 0x0eb3, Hi: 0x0eb3, Stride: 1},
		{Lo: 0xff9e, Hi: 0xff9f, Stride: 1},
	},
}

// stringStop are the bytes a one-line string literal's scan stops at:
// quotes, backslashes, line ends and non-ASCII bytes.
var stringStop = func() (t [256]bool) {
	for _, c := range []byte("'\"\\\n\r") {
		t[c] = true
	}
	for c := utf8.RuneSelf; c < 256; c++ {
		t[c] = true
	}
	return t
}()

// str scans a string literal whose prefix starts at start and whose
// opening quote is at s.off.
func (s *scanner) str(start int) {
	src := s.src
	q := src[s.off]
	i := s.off + 1
	triple := i+1 < len(src) && src[i] == q && src[i+1] == q
	if triple {
		i += 2
	}
	// A triple-quoted literal is not read byte by byte.
	s.nonASCII, s.backslash = triple, false
	for {
		if triple {
			// Only quotes and backslashes matter: skip to the next one.
			j := strings.IndexByte(src[i:], q)
			if j < 0 {
				j = len(src) - i
			}
			if k := strings.IndexByte(src[i:i+j], '\\'); k >= 0 {
				j = k
			}
			i += j
		} else {
			for i < len(src) && !stringStop[src[i]] {
				i++
			}
		}
		if i >= len(src) {
			s.unterminated(start, triple)
		}
		c := src[i]
		switch {
		case c == q:
			if !triple {
				s.off = i + 1
				s.tok = STRING
				return
			}
			if i+2 < len(s.src) && s.src[i+1] == q && s.src[i+2] == q {
				s.off = i + 3
				s.tok = STRING
				return
			}
			i++
		case c == '\\':
			s.backslash = true
			i++
			if n := s.newlineLen(i); n > 0 {
				i += n
			} else if i < len(s.src) {
				s.nonASCII = s.nonASCII || s.src[i] >= utf8.RuneSelf
				i++
			}
		case isNewline(c) && !triple:
			s.off = i
			s.unterminated(start, false)
		default:
			s.nonASCII = s.nonASCII || c >= utf8.RuneSelf
			i++
		}
	}
}

func (s *scanner) unterminated(start int, triple bool) {
	end := len(s.src)
	if !triple {
		end = s.off
	}
	// The line CPython detects it at: the line of the last character read.
	at := end - 1
	for at > start && at < len(s.src) && isNewline(s.src[at]) && !triple {
		at--
	}
	detected := s.lines.Line(Pos(max(at, start)))
	if triple {
		s.fail(SyntaxErr, start, "unterminated triple-quoted string literal (detected at line %d)", detected)
	}
	s.fail(SyntaxErr, start, "unterminated string literal (detected at line %d)", detected)
}

// number scans a numeric literal as CPython's tokenizer does.
func (s *scanner) number() {
	start := s.off
	src := s.src
	at := func(i int) byte {
		if i < len(src) {
			return src[i]
		}
		return 0
	}
	i := start
	// decimalTail scans digits with single underscores.
	decimalTail := func() {
		for {
			for isDigit(at(i)) {
				i++
			}
			if at(i) != '_' {
				return
			}
			i++
			if !isDigit(at(i)) {
				s.fail(SyntaxErr, i, "invalid decimal literal")
			}
		}
	}
	finish := func(kind string) {
		s.endOfNumber(i, kind)
		s.off = i
		s.tok = NUMBER
	}
	radix := func(kind string, ok func(byte) bool) {
		i += 2
		for {
			if at(i) == '_' {
				i++
			}
			if !ok(at(i)) {
				if kind != "hexadecimal" && isDigit(at(i)) {
					s.fail(SyntaxErr, i, "invalid digit '%c' in %s literal", at(i), kind)
				}
				s.fail(SyntaxErr, i, "invalid %s literal", kind)
			}
			for ok(at(i)) {
				i++
			}
			if at(i) != '_' {
				break
			}
		}
		if kind != "hexadecimal" && isDigit(at(i)) {
			s.fail(SyntaxErr, i, "invalid digit '%c' in %s literal", at(i), kind)
		}
		finish(kind)
	}
	if src[i] == '0' {
		switch at(i + 1) {
		case 'x', 'X':
			radix("hexadecimal", func(c byte) bool { return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' })
			return
		case 'o', 'O':
			radix("octal", func(c byte) bool { return c >= '0' && c <= '7' })
			return
		case 'b', 'B':
			radix("binary", func(c byte) bool { return c == '0' || c == '1' })
			return
		}
		// Zeros, maybe followed by a fraction or an exponent.
		i++
		for {
			if at(i) == '_' {
				i++
				if !isDigit(at(i)) {
					s.fail(SyntaxErr, i, "invalid decimal literal")
				}
			}
			if at(i) != '0' {
				break
			}
			i++
		}
		nonzero := false
		if isDigit(at(i)) {
			nonzero = true
			decimalTail()
		}
		switch c := at(i); {
		case c == '.':
			i++
			s.fraction(&i, start, decimalTail, finish)
			return
		case c == 'e' || c == 'E' || c == 'j' || c == 'J':
			s.fraction(&i, start, decimalTail, finish)
			return
		case nonzero:
			s.fail(SyntaxErr, start, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers")
		}
		finish("decimal")
		return
	}
	if src[i] != '.' {
		decimalTail()
		if at(i) == '.' {
			i++
		}
	} else {
		i++
	}
	s.fraction(&i, start, decimalTail, finish)
}

// fraction continues a decimal number after its point (or integer part):
// fraction digits, exponent, imaginary suffix.
func (s *scanner) fraction(ip *int, start int, decimalTail func(), finish func(string)) {
	i := *ip
	at := func(i int) byte {
		if i < len(s.src) {
			return s.src[i]
		}
		return 0
	}
	if isDigit(at(i)) {
		*ip = i
		decimalTail()
		i = *ip
	}
	if c := at(i); c == 'e' || c == 'E' {
		e := i
		i++
		if at(i) == '+' || at(i) == '-' {
			i++
			if !isDigit(at(i)) {
				s.fail(SyntaxErr, i, "invalid decimal literal")
			}
		} else if !isDigit(at(i)) {
			// "1e" followed by a keyword like "else": the number ends
			// before the e.
			s.endOfNumber(e, "decimal")
			*ip = e
			s.off = e
			s.tok = NUMBER
			return
		}
		*ip = i
		decimalTail()
		i = *ip
	}
	if c := at(i); c == 'j' || c == 'J' {
		*ip = i + 1
		finish("imaginary")
		return
	}
	*ip = i
	finish("decimal")
}

// endOfNumber rejects a number immediately followed by a name character,
// except the keywords that may follow a number in valid code.
func (s *scanner) endOfNumber(i int, kind string) {
	if i >= len(s.src) || !isIdentByte(s.src[i]) {
		return
	}
	rest := s.src[i:]
	for _, kw := range [...]string{"and", "else", "for", "if", "in", "is", "or", "not"} {
		if strings.HasPrefix(rest, kw) {
			return
		}
	}
	s.fail(SyntaxErr, i, "invalid %s literal", kind)
}

// operator scans punctuation (but for the cSingle bytes and a lone '.',
// which next scans itself).
func (s *scanner) operator() {
	src := s.src[s.off:]
	c := src[0]
	var c1, c2 byte
	if len(src) > 1 {
		c1 = src[1]
	}
	if len(src) > 2 {
		c2 = src[2]
	}
	t, n := OTHER, 1
	switch c {
	case '.':
		t = DOT
		if c1 == '.' && c2 == '.' {
			t, n = ELLIPSIS, 3
		}
	case '-':
		t = MINUS
		switch c1 {
		case '=':
			t, n = MINUSEQ, 2
		case '>':
			t, n = RARROW, 2
		}
	case '*', '/', '<', '>':
		switch {
		case c1 == c:
			t, n = doubled[c], 2
			if c2 == '=' {
				t, n = doubledEqual[c], 3
			}
		case c1 == '=':
			t, n = withEqual[c], 2
		case c == '<' && c1 == '>':
			t, n = OTHER, 2 // the Barry-as-FLUFL operator
		default:
			t = single[c]
		}
	default:
		if c < ' ' || c == 0x7f {
			s.fail(SyntaxErr, s.off, "invalid non-printable character U+%04X", c)
		}
	}
	s.off += n
	s.tok = t
}

// open scans the opening bracket c at s.off.
func (s *scanner) open(c byte) {
	if len(s.parens) >= maxParen {
		s.fail(SyntaxErr, s.off, "too many nested parentheses")
	}
	s.parens = append(s.parens, paren{c, s.off})
	s.tok = openTokens[c]
	s.off++
}

// close scans the closing bracket c at s.off.
func (s *scanner) close(c byte) {
	if len(s.parens) == 0 {
		s.fail(SyntaxErr, s.off, "unmatched '%c'", c)
	}
	open := s.parens[len(s.parens)-1]
	if open.ch != opening(c) {
		if ol, cl := s.lines.Line(Pos(open.pos)), s.lines.Line(Pos(s.off)); ol != cl {
			s.fail(SyntaxErr, s.off, "closing parenthesis '%c' does not match opening parenthesis '%c' on line %d", c, open.ch, ol)
		}
		s.fail(SyntaxErr, s.off, "closing parenthesis '%c' does not match opening parenthesis '%c'", c, open.ch)
	}
	s.parens = s.parens[:len(s.parens)-1]
	s.tok = closeTokens[c]
	s.off++
}

// Operator tables, indexed by the first character.
var (
	openTokens   = [128]Token{'(': LPAREN, '[': LBRACK, '{': LBRACE}
	closeTokens  = [128]Token{')': RPAREN, ']': RBRACK, '}': RBRACE}
	single       = [128]Token{'+': PLUS, '%': PERCENT, '&': AMPER, '|': VBAR, '^': CIRCUMFLEX, '@': AT, '=': EQUAL, ':': COLON, '!': BANG, '*': STAR, '/': SLASH, '<': LESS, '>': GREATER}
	withEqual    = [128]Token{'+': PLUSEQ, '%': PERCENTEQ, '&': AMPEREQ, '|': VBAREQ, '^': CIRCUMFLEXEQ, '@': ATEQ, '=': EQEQUAL, ':': COLONEQ, '!': NOTEQUAL, '*': STAREQ, '/': SLASHEQ, '<': LESSEQ, '>': GREATEREQ}
	doubled      = [128]Token{'*': DOUBLESTAR, '/': DOUBLESLASH, '<': LSHIFT, '>': RSHIFT}
	doubledEqual = [128]Token{'*': DOUBLESTAREQ, '/': DOUBLESLASHEQ, '<': LSHIFTEQ, '>': RSHIFTEQ}
)

// opening returns the opening bracket of a closing one.
func opening(c byte) byte {
	switch c {
	case ')':
		return '('
	case ']':
		return '['
	}
	return '{'
}
