package pysyntax

import (
	"fmt"
	"strings"
	"testing"
)

// TestDeepNestingMatchesCPython compares the verdicts on deeply nested
// sources with CPython 3.11's: where its parser's stack overflows
// (MemoryError), where its compiler recurses too deeply
// (RecursionError), where brackets nest too deeply (SyntaxError), and
// what it accepts. CPython 3.11's MemoryError has no message, so only
// the class is compared for it.
//
// CPython counts its parser's levels from the start of the file (32 of
// them before a module-level expression); the parser here counts from
// the expression, so within 32 levels of the limit a source CPython's
// parser rejects (MemoryError) is rejected by the compiler's recursion
// limit instead (RecursionError). The depths below stay out of that band.
func TestDeepNestingMatchesCPython(t *testing.T) {
	py := python311(t)
	var srcs [][]byte
	for _, c := range []struct{ pre, mid, post string }{
		{"x = ", "not ", "x"}, {"x = ", "-", "1"}, {"x = ", "~", "1"}, {"x = 2", "**2", ""},
		{"x = ", "lambda: ", "1"}, {"x = 1", " if 1 else 1", ""}, {"x = ", "1 if 1 else ", "1"},
		{"x = ", "-2**", "1"}, {"x = a", ".b", ""}, {"x = a", "+a", ""}, {"x = a", "(1)", ""},
		{"x = a", "[1]", ""}, {"x = ", "(", "1"}, {"x = ", "[", "1"},
	} {
		for _, n := range []int{100, 199, 201, 1000, 1900, 2100, 2900, 3100, 5000, 5900, 6100, 20000} {
			srcs = append(srcs, []byte(c.pre+strings.Repeat(c.mid, n)+c.post+"\n"))
		}
	}
	for i, v := range compileAll(t, py, srcs) {
		got, want := "OK", "OK"
		if !v.ok {
			want = fmt.Sprintf("%s\t%s", v.class, v.msg)
		}
		if _, err := Parse(srcs[i]); err != nil {
			e := err.(*Error)
			got = fmt.Sprintf("%s\t%s", e.Kind, e.Msg)
			if v.class == "MemoryError" && e.Kind == MemoryErr {
				got = want
			}
		}
		if got != want {
			t.Errorf("%.40q… (%d bytes):\n got  %q\n want %q", srcs[i], len(srcs[i]), got, want)
		}
	}
}
