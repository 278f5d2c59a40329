package golang

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// snakeCase turns a Go identifier into the contract's snake_case name:
// GetStatus → get_status, GetHTTPStatus → get_http_status, V2Sync → v2_sync.
// A word boundary is an upper-case letter after a lower-case letter or a
// digit, or the last upper-case letter of a run followed by a lower-case one.
func snakeCase(name string) string {
	if s, ok := asciiSnakeCase(name); ok {
		return s
	}
	rs := []rune(name)
	var b strings.Builder
	for i, r := range rs {
		if unicode.IsUpper(r) && i > 0 {
			prev := rs[i-1]
			nextLower := i+1 < len(rs) && unicode.IsLower(rs[i+1])
			if unicode.IsLower(prev) || unicode.IsDigit(prev) || (unicode.IsUpper(prev) && nextLower) {
				b.WriteByte('_')
			}
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// asciiSnakeCase is snakeCase for an ASCII name; ok is false for any other.
func asciiSnakeCase(name string) (string, bool) {
	b := make([]byte, 0, len(name)+4)
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c >= utf8.RuneSelf {
			return "", false
		}
		if isUpper(c) && i > 0 {
			prev := name[i-1]
			nextLower := i+1 < len(name) && isLower(name[i+1])
			if isLower(prev) || prev >= '0' && prev <= '9' || isUpper(prev) && nextLower {
				b = append(b, '_')
			}
		}
		if isUpper(c) {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return string(b), true
}

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }
func isLower(c byte) bool { return c >= 'a' && c <= 'z' }
