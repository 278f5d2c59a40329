package pyjson

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/asterkit/aster/internal/pyunicode"
)

// StrRepr is Python's repr of a str: single quotes, or double quotes when
// s contains ' and no "; the quote and backslash escaped, \t \n \r, other
// non-printable characters as \xhh, \uhhhh or \Uhhhhhhhh. The three-byte
// form of a lone surrogate (as Unmarshal produces) is \udxxx; any other
// byte that is not UTF-8 appears as Python's surrogate escape \udcXX.
func StrRepr(s string) string {
	return strRepr(s, true)
}

// OSStrRepr is StrRepr for text Python decodes from the operating system
// (command-line arguments, environment variables) with its surrogateescape
// handler: every byte that is not UTF-8 appears as \udcXX, each byte of a
// three-byte surrogate form included.
func OSStrRepr(s string) string {
	return strRepr(s, false)
}

// strRepr is StrRepr, or OSStrRepr when surrogates is false.
func strRepr(s string, surrogates bool) string {
	q := byte('\'')
	if strings.ContainsRune(s, '\'') && !strings.ContainsRune(s, '"') {
		q = '"'
	}
	var b strings.Builder
	b.WriteByte(q)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			if sr, ok := surrogateAt(s[i:]); ok && surrogates {
				fmt.Fprintf(&b, `\u%04x`, sr)
				i += 3
			} else {
				fmt.Fprintf(&b, `\udc%02x`, s[i])
				i++
			}
			continue
		}
		i += n
		switch {
		case r == rune(q) || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case pyunicode.Printable(r):
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r < 0x10000:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			fmt.Fprintf(&b, `\U%08x`, r)
		}
	}
	b.WriteByte(q)
	return b.String()
}
