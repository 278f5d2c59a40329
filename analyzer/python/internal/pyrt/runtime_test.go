package pyrt

import (
	"strings"
	"testing"
)

func run(t *testing.T, src string, maxSteps int64) (*Module, error) {
	t.Helper()
	th := NewThread(nil)
	th.MaxSteps = maxSteps
	return th.ExecModule("m", "m.py", []byte(src), false)
}

func TestStepBudgetNamesWhereItRan(t *testing.T) {
	for _, src := range []string{
		"x = 1\nwhile True:\n    x += 1\n",
		"def f():\n    for i in iter(int, 1):\n        pass\nf()\n",
		"y = [i for i in range(10**9)]\n",
		// Work inside builtins counts too: a value shared 2**60 times
		// over, and zip over many iterables.
		"xs = ()\nfor i in range(60):\n    xs = (xs, xs)\nr = repr(xs)\n",
		"xs = ()\nfor i in range(60):\n    xs = (xs, xs)\nr = hash(xs)\n",
		"r = list(zip(*[range(10**6)] * 100))\n",
	} {
		_, err := run(t, src, 10_000)
		f, ok := err.(*Fatal)
		if !ok {
			t.Fatalf("%q: got %v, want a step budget error", src, err)
		}
		if !strings.Contains(f.Msg, "step budget exhausted") || !strings.HasPrefix(f.Error(), "m.py:") {
			t.Errorf("%q: %v", src, err)
		}
	}
}

func TestRecursionLimit(t *testing.T) {
	_, err := run(t, "def f(n):\n    return f(n + 1)\nf(0)\n", 0)
	e, ok := err.(*Exception)
	if !ok || e.Class() != RecursionErrorClass {
		t.Fatalf("got %v, want RecursionError", err)
	}
	// Python code can catch it.
	m, err := run(t, "def f(n):\n    return f(n + 1)\ntry:\n    f(0)\nexcept RecursionError as e:\n    r = str(e)\n", 0)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := m.Globals.Get("r"); v != Str("maximum recursion depth exceeded") {
		t.Errorf("r = %v", v)
	}
}

// TestNestingLimit checks that repr, comparisons and hashes of deeply
// nested containers raise RecursionError, as CPython's repr and
// comparisons do, instead of recursing in Go without bound.
func TestNestingLimit(t *testing.T) {
	for _, c := range []struct{ build, op, msg string }{
		{"c = [c]", "repr(c)", "maximum recursion depth exceeded while getting the repr of an object"},
		{"c = {1: c}", "str(c)", "maximum recursion depth exceeded while getting the repr of an object"},
		{"c = (c,)", "'%s' % (c,)", "maximum recursion depth exceeded while getting the repr of an object"},
		{"c, d = [c], [d]", "c == d", "maximum recursion depth exceeded in comparison"},
		{"c, d = (c,), (d,)", "c < d", "maximum recursion depth exceeded in comparison"},
		{"c, d = {1: c}, {1: d}", "c != d", "maximum recursion depth exceeded in comparison"},
		{"c = (c,)", "hash(c)", "maximum recursion depth exceeded"},
	} {
		src := "c = d = ()\nfor i in range(100000):\n    " + c.build + "\ntry:\n    " + c.op + "\nexcept RecursionError as e:\n    r = str(e)\n"
		m, err := run(t, src, 0)
		if err != nil {
			t.Fatalf("%s: %v", c.op, err)
		}
		if v, _ := m.Globals.Get("r"); v != Str(c.msg) {
			t.Errorf("%s after %s: r = %v", c.op, c.build, v)
		}
	}
}

// TestGrowthLimit checks that concatenation, extension and shifts stop
// at the size limits instead of exhausting memory, and that what CPython
// would compute is not turned into a Python exception.
func TestGrowthLimit(t *testing.T) {
	for _, src := range []string{
		"s = 'a'\nwhile True:\n    s += s\n",
		"s = b'a'\nwhile True:\n    s = s + s\n",
		"x = (1,)\nwhile True:\n    x = x + x\n",
		"x = [1]\nwhile True:\n    x = x + x\n",
		"x = [1]\nwhile True:\n    x += x\n",
		"x = [1]\nwhile True:\n    x.extend(x)\n",
		"try:\n    x = 1 << 10**8\nexcept OverflowError:\n    pass\n",
	} {
		_, err := run(t, src, 0)
		if f, ok := err.(*Fatal); !ok || !strings.Contains(f.Msg, "too large to") {
			t.Errorf("%q: %v", src, err)
		}
	}
}

func TestExceptionPosition(t *testing.T) {
	_, err := run(t, "x = 1\ndef f():\n    return {}['k']\ny = f()\n", 0)
	e, ok := err.(*Exception)
	if !ok {
		t.Fatalf("got %v", err)
	}
	if got := e.Error(); got != "m.py:3:12: KeyError: 'k'" {
		t.Errorf("got %q", got)
	}
	if len(e.Traceback) != 1 || e.Traceback[0].String() != "m.py:4:5" {
		t.Errorf("traceback %v", e.Traceback)
	}
}

// unknownFinder provides a module whose attribute is not modelled.
type unknownFinder struct{}

func (unknownFinder) Find(_ *Thread, name string) (*Source, error) {
	if name != "ext" {
		return nil, nil
	}
	g := NewNamespace()
	g.Set("make", &Unknown{Why: "ext.make is not modelled", At: Position{File: "ext.py", Line: 1, Col: 1}})
	return &Source{Module: &Module{Name: "ext", Globals: g}}, nil
}

func TestUnknownValuesFlowUntilUsed(t *testing.T) {
	th := NewThread(unknownFinder{})
	// Binding, attribute access, calls and arithmetic keep it unknown.
	m, err := th.ExecModule("m", "m.py", []byte("import ext\nv = ext.make(1).attr + 2\nw = [v, 3]\nok = len(w)\n"), false)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := m.Globals.Get("v"); v.Type() != UnknownClass {
		t.Errorf("v = %v", v)
	}
	if v, _ := m.Globals.Get("ok"); v != MakeInt(2) {
		t.Errorf("ok = %v", v)
	}
	// Branching on it is an error naming where it came from, which
	// except cannot catch.
	_, err = th.ExecModule("n", "n.py", []byte("import ext\ntry:\n    if ext.make():\n        pass\nexcept Exception:\n    pass\n"), false)
	f, ok := err.(*Fatal)
	if !ok || !strings.Contains(f.Msg, "ext.make is not modelled") {
		t.Fatalf("got %v", err)
	}
}

func TestNoBuiltinsLeakBetweenModules(t *testing.T) {
	th := NewThread(nil)
	if _, err := th.ExecModule("a", "a.py", []byte("len = 3\n"), false); err != nil {
		t.Fatal(err)
	}
	m, err := th.ExecModule("b", "b.py", []byte("n = len('ab')\n"), false)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := m.Globals.Get("n"); v != MakeInt(2) {
		t.Errorf("n = %v", v)
	}
}
