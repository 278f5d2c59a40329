package pyrt

import (
	"os/exec"
	"strings"
	"testing"
)

// TestBuiltinNames checks that every builtin of CPython 3.11 exists (the
// unmodelled ones as unknown values), and that unmodelledBuiltins lists
// only names CPython has.
func TestBuiltinNames(t *testing.T) {
	py := cpython(t)
	out, err := exec.Command(py, "-c", "import builtins; print('\\n'.join(n for n in dir(builtins) if not n.startswith('__')))").Output()
	if err != nil {
		t.Fatal(err)
	}
	names := strings.Fields(string(out))
	have := map[string]bool{}
	for _, n := range names {
		have[n] = true
		if _, ok := Builtins().Get(n); !ok {
			t.Errorf("builtin %s is missing", n)
		}
	}
	for _, n := range unmodelledBuiltins {
		if !have[n] {
			t.Errorf("unmodelledBuiltins lists %s, which CPython 3.11 does not have", n)
		}
	}
}
