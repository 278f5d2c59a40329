package python

import (
	"strings"
	"testing"
)

// TestIsASCII puts one non-ASCII byte at every position of strings of
// every length up to 20, across the eight-byte words and the tail.
func TestIsASCII(t *testing.T) {
	for n := 0; n <= 20; n++ {
		s := strings.Repeat("a\x7f", n)[:n]
		if !isASCII(s) {
			t.Fatalf("isASCII(%q) = false", s)
		}
		for i := range n {
			b := []byte(s)
			b[i] = 0x80
			if isASCII(string(b)) {
				t.Fatalf("isASCII(%q) = true", b)
			}
		}
	}
}
