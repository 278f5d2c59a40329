package pyrt

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// progGen builds a random module-level program from fuzz input bytes.
type progGen struct {
	data []byte
	i    int
	b    strings.Builder
}

func (g *progGen) n(k int) int {
	if g.i >= len(g.data) {
		return 0
	}
	g.i++
	return int(g.data[g.i-1]) % k
}

var fuzzVars = []string{"a", "b", "c", "d", "xs", "s"}

func (g *progGen) atom() string {
	switch g.n(9) {
	case 0:
		return strconv.Itoa(g.n(200) - 100)
	case 1:
		return fuzzVars[g.n(len(fuzzVars))]
	case 2:
		return []string{"'ab'", "'x,y'", "''", "'Hé'"}[g.n(4)]
	case 3:
		return []string{"1.5", "-0.0", "1e300", "0.1"}[g.n(4)]
	case 4:
		return "[" + g.atom() + ", " + g.atom() + "]"
	case 5:
		return "(" + g.atom() + ",)"
	case 6:
		return "{" + g.atom() + ": " + g.atom() + "}"
	case 7:
		return []string{"None", "True", "False"}[g.n(3)]
	}
	return "f(" + g.atom() + ")"
}

func (g *progGen) expr(depth int) string {
	if depth > 3 {
		return g.atom()
	}
	switch g.n(10) {
	case 0, 1:
		ops := []string{"+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "<", "==", "in", "and", "or"}
		return "(" + g.expr(depth+1) + " " + ops[g.n(len(ops))] + " " + g.expr(depth+1) + ")"
	case 2:
		fns := []string{"len", "str", "repr", "int", "float", "sorted", "list", "tuple", "abs", "bool", "max", "min", "sum", "any"}
		return fns[g.n(len(fns))] + "(" + g.expr(depth+1) + ")"
	case 3:
		return g.expr(depth+1) + "[" + g.expr(depth+1) + "]"
	case 4:
		return "[" + g.expr(depth+1) + " for v in " + g.expr(depth+1) + "]"
	case 5:
		m := []string{"upper", "split", "strip", "format", "join", "count", "append", "pop", "keys", "items", "copy"}
		return "(" + g.expr(depth+1) + ")." + m[g.n(len(m))] + "(" + g.atom() + ")"
	case 6:
		return "f\"{" + g.atom() + "!r:>" + strconv.Itoa(g.n(9)) + "}\""
	case 7:
		return "(" + g.expr(depth+1) + " if " + g.expr(depth+1) + " else " + g.expr(depth+1) + ")"
	case 8:
		return "'%s-%d' % (" + g.expr(depth+1) + ", " + g.expr(depth+1) + ")"
	}
	return g.atom()
}

func (g *progGen) stmts(indent string, n, depth int) {
	for k := 0; k < n; k++ {
		g.b.WriteString(indent)
		switch g.n(12) {
		case 0, 1, 2:
			g.b.WriteString(fuzzVars[g.n(len(fuzzVars))] + " = " + g.expr(0) + "\n")
		case 3:
			g.b.WriteString(fuzzVars[g.n(len(fuzzVars))] + " += " + g.expr(0) + "\n")
		case 4:
			if depth > 2 {
				g.b.WriteString("pass\n")
				continue
			}
			g.b.WriteString("if " + g.expr(0) + ":\n")
			g.stmts(indent+"    ", 1+g.n(3), depth+1)
			g.b.WriteString(indent + "else:\n")
			g.stmts(indent+"    ", 1, depth+1)
		case 5:
			if depth > 2 {
				g.b.WriteString("pass\n")
				continue
			}
			g.b.WriteString("for " + fuzzVars[g.n(len(fuzzVars))] + " in " + g.expr(0) + ":\n")
			g.stmts(indent+"    ", 1+g.n(3), depth+1)
		case 6:
			if depth > 2 {
				g.b.WriteString("pass\n")
				continue
			}
			g.b.WriteString("while " + g.expr(0) + ":\n")
			g.stmts(indent+"    ", 1+g.n(3), depth+1)
		case 7:
			if depth > 2 {
				g.b.WriteString("pass\n")
				continue
			}
			g.b.WriteString("try:\n")
			g.stmts(indent+"    ", 1+g.n(3), depth+1)
			g.b.WriteString(indent + "except " + []string{"Exception", "ValueError", "(TypeError, KeyError)"}[g.n(3)] + " as e:\n")
			g.stmts(indent+"    ", 1, depth+1)
		case 8:
			if depth > 1 {
				g.b.WriteString("pass\n")
				continue
			}
			g.b.WriteString("def f(x=" + g.atom() + ", *args, **kw):\n")
			g.stmts(indent+"    ", 1+g.n(3), depth+1)
			g.b.WriteString(indent + "    return " + g.expr(0) + "\n")
		case 9:
			if depth > 1 {
				g.b.WriteString("pass\n")
				continue
			}
			g.b.WriteString("class K(" + []string{"", "Exception", "dict"}[g.n(3)] + "):\n")
			g.b.WriteString(indent + "    attr = " + g.expr(0) + "\n")
			g.b.WriteString(indent + "    def m(self):\n" + indent + "        return " + g.expr(0) + "\n")
		case 10:
			g.b.WriteString("a, *b = " + g.expr(0) + "\n")
		default:
			g.b.WriteString("del " + fuzzVars[g.n(len(fuzzVars))] + "\n")
		}
	}
}

func genProgram(data []byte) string {
	g := &progGen{data: data}
	g.b.WriteString("a = 1\nb = 'x'\nc = [1, 2]\nd = {}\nxs = (1, 2, 3)\ns = 'abc'\ndef f(x=0, *args, **kw):\n    return x\n")
	g.stmts("", 1+g.n(20), 0)
	return g.b.String()
}

// runFuzz runs src with a small budget and fails on a panic or on a run
// that does not stop in time.
func runFuzz(t *testing.T, src string) {
	th := NewThread(nil)
	th.MaxSteps = 20_000
	th.MaxDepth = 200
	done := make(chan struct{})
	go func() {
		defer close(done)
		_, _ = th.ExecModule("m", "m.py", []byte(src), false)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatalf("no result after 10s:\n%s", src)
	}
}

// FuzzInterpreter runs random module-level programs: no panic, and the
// step budget stops every run.
func FuzzInterpreter(f *testing.F) {
	for _, seed := range []string{"", "\x00\x01\x02\x03", "\x05\x05\x05\x05\x05\x05\x05", "\x06\x01\x02\x03\x04\x05\x06\x07\x08\x09"} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		runFuzz(t, genProgram(data))
	})
}

// FuzzSource runs arbitrary source text (the feature scripts as seeds).
func FuzzSource(f *testing.F) {
	files, _ := filepath.Glob("testdata/features/*.py")
	for _, p := range files {
		src, err := os.ReadFile(p)
		if err == nil {
			f.Add(string(src))
		}
	}
	f.Fuzz(func(t *testing.T, src string) {
		runFuzz(t, src)
	})
}
