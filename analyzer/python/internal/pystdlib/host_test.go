package pystdlib

import (
	"slices"
	"testing"

	"github.com/asterkit/aster/analyzer/python/internal/pyrt"
	syn "github.com/asterkit/aster/analyzer/python/internal/pysyntax"
)

// hostObserver records the host reads of each top-level expression
// statement's value, by line.
type hostObserver struct {
	src  []byte
	deps map[int][]string
}

func (o *hostObserver) Expr(file string, e syn.Expr, v pyrt.Value, host []string) {
	if file != "m.py" {
		return
	}
	start, _ := e.Span()
	line := 1 + countLines(o.src[:start])
	o.deps[line] = host
}

func (o *hostObserver) Stmt(string, syn.Stmt) {}

func countLines(b []byte) int {
	n := 0
	for _, c := range b {
		if c == '\n' {
			n++
		}
	}
	return n
}

// The values module and class bodies compute depend on the environment
// variables and the platform read while they run, through module globals
// (also of other modules), enclosing conditions and called functions, and
// not on what other statements read.
func TestHostDependencies(t *testing.T) {
	src := []byte(`import os, sys
import conf
A = os.environ.get("A", "a")
B = "b"
def f():
    return A + "!"
if sys.platform == "linux":
    C = 1
else:
    C = 2
class K:
    x = B
    y = f()
    z = C
    w = conf.D
A
B
f()
C
K.x
`)
	finder := pyrt.MapFinder{"conf": {Path: "conf.py", Src: []byte("import os\nD = os.getenv('D')\nE = 1\n")}}
	host := &Host{Platform: "linux", Getenv: func(string) (string, bool) { return "", false }}
	th := pyrt.NewThread(chain{finder, &Finder{Host: host}})
	obs := &hostObserver{src: src, deps: map[int][]string{}}
	th.Observer = obs
	th.TrackHost()
	if _, err := th.ExecModule("__main__", "m.py", src, false); err != nil {
		t.Fatal(err)
	}
	envA, envD, plat := "environment variable A", "environment variable D", "sys.platform"
	for line, want := range map[int][]string{
		12: nil,    // x = B
		13: {envA}, // y = f(): f reads the global A
		14: {plat}, // z = C: bound under a platform test
		15: {envD}, // w = conf.D
		16: {envA}, // A
		17: nil,    // B
		18: {envA}, // f()
		19: {plat}, // C
		20: nil,    // K.x: the class itself depends on nothing read
	} {
		got := slices.Clone(obs.deps[line])
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("line %d: depends on %q, want %q", line, got, want)
		}
	}
}

// chain finds a module with the first finder that has it.
type chain []pyrt.Finder

func (c chain) Find(th *pyrt.Thread, name string) (*pyrt.Source, error) {
	for _, f := range c {
		if s, err := f.Find(th, name); s != nil || err != nil {
			return s, err
		}
	}
	return nil, nil
}
