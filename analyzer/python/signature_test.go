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
		{"f = lambda a={1: 2}, *: 0", "1:23", "named arguments must follow bare *"},
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
		{"class Svc\U0001e030:\n    pass", "1:10", "invalid non-printable character U+1E030"},
		{"x = 1\ny.a\U0001e030b = 2", "2:4", "invalid non-printable character U+1E030"},
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

// cpythonSignatures asks the local CPython which random parameter lists
// compile, and where the first error is.
const cpythonSignatures = `
import json, random
random.seed(11)
items = ["a", "b", "a=1", "b=2", "*", "*a", "**k", "**a", "/", "e"]
typed = ["c: int", "c: int = 3", "*d: int"]
out = []
for i in range(2000):
    if i % 4:
        ps = ", ".join(random.choice(items + typed) for _ in range(random.randint(0, 5)))
        src = "def f(" + ps + "): pass\n"
    else:
        ps = ", ".join(random.choice(items) for _ in range(random.randint(0, 5)))
        src = "f = lambda " + ps + ": 0\n"
    try:
        compile(src, "m.py", "exec")
        out.append([src, ""])
    except SyntaxError as e:
        out.append([src, "%d:%d: %s" % (e.lineno, e.offset, e.msg)])
print(json.dumps(out))
`

// TestSignaturesMatchCPython checks that exactly the parameter lists CPython
// rejects are rejected; where the analyzer names the CPython rule, the
// position and wording must be CPython's.
func TestSignaturesMatchCPython(t *testing.T) {
	var cases [][2]string
	runCPython(t, cpythonSignatures, &cases)
	bad, rejected := 0, 0
	for _, c := range cases {
		src, want := c[0], c[1]
		_, err := analyse(t, map[string]string{"m.py": src}, "m:S")
		var ae *analyzer.Error
		got := ""
		if errors.As(err, &ae) {
			got = strings.TrimPrefix(err.Error(), "m.py:")
		}
		var ok bool
		switch {
		case want == "":
			ok = got == ""
		case compileRule(want):
			ok = got == strings.Replace(want, ": ", ": syntax error: ", 1)
		default:
			// The grammar itself rejects it, with its own wording.
			ok = strings.Contains(got, "syntax error")
		}
		if want != "" {
			rejected++
		}
		if !ok {
			if bad++; bad <= 10 {
				t.Errorf("%q: got %q, want %q", src, got, want)
			}
		}
	}
	if rejected < 500 || rejected > len(cases)-500 {
		t.Errorf("%d of %d rejected: the cases do not exercise both sides", rejected, len(cases))
	}
}

// compileRule reports whether a CPython error is one checkParams words.
func compileRule(msg string) bool {
	for _, r := range []string{"non-default argument", "duplicate argument", "named arguments must follow bare *",
		"at least one argument must precede /", "/ may appear only once", "/ must be ahead of *",
		"* argument may appear only once", "arguments cannot follow var-keyword argument"} {
		if strings.Contains(msg, r) {
			return true
		}
	}
	return false
}
