package python

import (
	"errors"
	"strings"
	"testing"

	"github.com/asterkit/aster/analyzer"
)

// Parameter lists CPython 3.11 does not compile are syntax errors at the
// offending parameter; the expected messages and columns are CPython's.
func TestSignatureSyntaxErrors(t *testing.T) {
	for _, tc := range []struct{ src, pos, msg string }{
		{"async def f(self, a: int = 1, b: str) -> int: ...", "1:31", "non-default argument follows default argument"},
		{"def f(a=1, /, b): pass", "1:15", "non-default argument follows default argument"},
		{"f = lambda a=1, b: 0", "1:17", "non-default argument follows default argument"},
		{"def f(a, a): pass", "1:10", "duplicate argument 'a' in function definition"},
		{"def f(a, *, b=1, a=2): pass", "1:18", "duplicate argument 'a'"},
		{"def f(a, *a): pass", "1:11", "duplicate argument 'a'"},
		{"def f(a, **a): pass", "1:12", "duplicate argument 'a'"},
		{"def f(a, *): pass", "1:10", "named arguments must follow bare *"},
		{"def f(a, *, **k): pass", "1:10", "named arguments must follow bare *"},
		{"def f(*,): pass", "1:7", "named arguments must follow bare *"},
		{"def f(/, a): pass", "1:7", "at least one argument must precede /"},
		{"def f(a, /, b, /): pass", "1:16", "/ may appear only once"},
		{"def f(a, *, b, /): pass", "1:16", "/ must be ahead of *"},
		{"def f(*a, *b): pass", "1:11", "* argument may appear only once"},
		{"def f(**k, a): pass", "1:12", "arguments cannot follow var-keyword argument"},
		{"def f(*a: int, a): pass", "1:8", "duplicate argument 'a'"},
		{"def f(**k: int, a): pass", "1:17", "arguments cannot follow var-keyword argument"},
		{"def outer():\n    def f(a, a): pass\n", "2:14", "duplicate argument"},
		{"class C:\n    def f(self, x=1, *, y, z=2, **kw): pass\n    def g(self, a, b=1, /, c=2, *d, e, **f): pass\n    def h(self, *a: int, b, **k: str): pass\n", "", ""},
	} {
		_, err := analyse(t, map[string]string{"m.py": tc.src + "\n"}, "m:S")
		if tc.pos == "" {
			var ae *AttributeError
			if !errors.As(err, &ae) {
				t.Errorf("%q: %v, want only the missing service", tc.src, err)
			}
			continue
		}
		var ae *analyzer.Error
		if !errors.As(err, &ae) || !strings.HasPrefix(err.Error(), "m.py:"+tc.pos+": syntax error: ") || !strings.Contains(err.Error(), tc.msg) || ae.Hint == "" {
			t.Errorf("%q: got %v, want m.py:%s: syntax error: %s", tc.src, err, tc.pos, tc.msg)
		}
	}
}
