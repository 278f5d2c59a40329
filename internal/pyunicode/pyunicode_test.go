package pyunicode

import (
	"testing"
	"unicode"
)

// TestUnknown checks characters on both sides of the Unicode 14.0/15.0
// line; the differential tests of pyjson (repr) and pysyntax
// (identifiers) check every code point against CPython 3.11.
func TestUnknown(t *testing.T) {
	for _, tc := range []struct {
		r                  rune
		unknown, printable bool
	}{
		{'A', false, true},
		{' ', false, true},
		{0xa0, false, false},   // no-break space: a separator, never printable
		{0x1e030, true, false}, // modifier letter small cyrillic a, added in 15.0
		{0x1e02a, false, true}, // combining glagolitic letter, in 14.0
		{0x1fadb, true, false}, // pea pod, added in 15.0
		{0x0cf3, true, false},  // kannada sign combining anusvara above right, added in 15.0
	} {
		if !unicode.IsPrint(tc.r) && tc.unknown {
			t.Errorf("%U: not printable in Go's tables either", tc.r)
		}
		if got := Unknown(tc.r); got != tc.unknown {
			t.Errorf("Unknown(%U) = %v", tc.r, got)
		}
		if got := Printable(tc.r); got != tc.printable {
			t.Errorf("Printable(%U) = %v", tc.r, got)
		}
	}
}
