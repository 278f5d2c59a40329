package golang

import (
	"strings"
	"unicode"
)

// snakeCase turns a Go identifier into the contract's snake_case name:
// GetStatus → get_status, GetHTTPStatus → get_http_status, V2Sync → v2_sync.
// A word boundary is an upper-case letter after a lower-case letter or a
// digit, or the last upper-case letter of a run followed by a lower-case one.
func snakeCase(name string) string {
	rs := []rune(name)
	var b strings.Builder
	b.Grow(len(name) + 4)
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
