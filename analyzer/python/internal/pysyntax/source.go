package pysyntax

import (
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/unicode/runenames"
)

// checkSource rejects what CPython refuses before tokenizing: null bytes.
// Invalid UTF-8 is an error only where CPython decodes it: in names and
// string literals (comments are not decoded).
func checkSource(s string) *Error {
	if i := strings.IndexByte(s, 0); i >= 0 {
		return &Error{Kind: ValueErr, Msg: "source code string cannot contain null bytes"}
	}
	return nil
}

// Encoding returns the encoding a PEP 263 declaration on one of the first
// two lines names, and its line, or "" when there is none. Parse reads its
// input as UTF-8 whatever the declaration says.
func Encoding(src string) (name string, line int) {
	rest := strings.TrimPrefix(src, "\ufeff")
	for line = 1; line <= 2 && rest != ""; line++ {
		end := strings.IndexAny(rest, "\r\n")
		text := rest
		if end >= 0 {
			text = rest[:end]
		}
		if enc, ok := codingSpec(text); ok {
			return enc, line
		}
		// CPython looks at the second line only if the first is blank or
		// a comment.
		if t := strings.TrimLeft(text, " \t\f"); t != "" && t[0] != '#' {
			break
		}
		if end < 0 {
			break
		}
		rest = rest[end+1:]
	}
	return "", 0
}

// codingSpec finds "coding[:=]NAME" in a comment line.
func codingSpec(line string) (string, bool) {
	t := strings.TrimLeft(line, " \t\f")
	if !strings.HasPrefix(t, "#") {
		return "", false
	}
	i := strings.Index(t, "coding")
	if i < 0 || i+6 >= len(t) || (t[i+6] != ':' && t[i+6] != '=') {
		return "", false
	}
	v := strings.TrimLeft(t[i+7:], " \t")
	j := 0
	for j < len(v) && (isIdentByte(v[j]) && v[j] < utf8.RuneSelf || v[j] == '-' || v[j] == '.') {
		j++
	}
	if j == 0 {
		return "", false
	}
	return v[:j], true
}

// laterTokenizerError returns the tokenizer error CPython reports instead
// of the parser error e: it tokenizes the rest of the source, and an
// error there (other than an indentation error) wins; an unclosed bracket
// wins if it was opened on a line before e's.
func (s *scanner) laterTokenizerError(e *Error) (out *Error) {
	rest := s.save()
	defer func() {
		s.restore(rest)
		if r := recover(); r != nil {
			b, ok := r.(bailout)
			if !ok {
				panic(r)
			}
			out = e
			switch {
			case strings.HasSuffix(b.err.Msg, "was never closed"):
				if e.Line > b.err.Line {
					out = b.err
				}
			case b.err.Kind != SyntaxErr || b.err.Msg == "unexpected EOF while parsing" ||
				b.err.Msg == "unexpected character after line continuation character":
				// CPython's tokenizer reports these through its state, not
				// as an exception, so they do not replace the parser's.
			default:
				out = b.err
			}
		}
	}()
	for s.tok != EOF {
		s.next()
	}
	return e
}

var (
	charNamesOnce sync.Once
	charNames     map[string]rune
)

// lookupCharName finds a character by its Unicode name, as "\N{…}"
// escapes do (case-insensitively).
func lookupCharName(name string) (rune, bool) {
	name = strings.ToUpper(name)
	for _, prefix := range []string{"CJK UNIFIED IDEOGRAPH-", "CJK COMPATIBILITY IDEOGRAPH-"} {
		if strings.HasPrefix(name, prefix) {
			var r rune
			hex := name[len(prefix):]
			if len(hex) < 4 || len(hex) > 5 {
				return 0, false
			}
			for i := 0; i < len(hex); i++ {
				if !isHex(hex[i]) {
					return 0, false
				}
				r = r<<4 | rune(unhex(hex[i]))
			}
			return r, runenames.Name(r) != ""
		}
	}
	charNamesOnce.Do(func() {
		charNames = make(map[string]rune, 40000)
		for r := rune(0); r <= utf8.MaxRune; r++ {
			if n := runenames.Name(r); n != "" && n[0] != '<' {
				charNames[n] = r
			}
		}
	})
	r, ok := charNames[name]
	return r, ok
}

// utf8Error describes the first invalid UTF-8 sequence of s as CPython's
// codec does, or returns "" when s is valid. offset is added to the
// positions it names.
func utf8Error(s string, offset int) string {
	if utf8.ValidString(s) {
		return ""
	}
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		if r != utf8.RuneError || w > 1 {
			i += w
			continue
		}
		c := s[i]
		reason := "invalid start byte"
		n := 1 // the length of the invalid sequence
		if c >= 0xc2 && c <= 0xf4 {
			need := 1
			if c >= 0xf0 {
				need = 3
			} else if c >= 0xe0 {
				need = 2
			}
			for n <= need && i+n < len(s) && s[i+n]&0xc0 == 0x80 && n < need {
				n++
			}
			reason = "invalid continuation byte"
			if i+n >= len(s) {
				reason = "unexpected end of data"
			}
		}
		if n == 1 {
			return fmt.Sprintf("(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %d: %s", c, i+offset, reason)
		}
		return fmt.Sprintf("(unicode error) 'utf-8' codec can't decode bytes in position %d-%d: %s", i+offset, i+offset+n-1, reason)
	}
	return ""
}
