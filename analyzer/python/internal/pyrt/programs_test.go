package pyrt

import (
	"encoding/json"
	"math/rand"
	"os/exec"
	"strings"
	"testing"

	"github.com/asterkit/aster/analyzer/python/internal/pygen"
)

// TestRandomProgramsMatchCPython runs generated module-level programs
// (those pyrt finishes within its step budget) under CPython 3.11 too and
// compares their globals and errors.
func TestRandomProgramsMatchCPython(t *testing.T) {
	py := cpython(t)
	r := rand.New(rand.NewSource(11))
	var srcs, got []string
	for len(srcs) < 400 {
		data := make([]byte, 20+r.Intn(200))
		r.Read(data)
		src := pygen.Program(data, pygen.Options{})
		th := NewThread(nil)
		th.MaxSteps = 20_000
		th.MaxDepth = 200
		mod, err := th.ExecModule("__main__", "<program>", []byte(src), false)
		switch err.(type) {
		case nil, *Exception:
		default:
			continue // a Fatal (the step budget) or a syntax error
		}
		if e, ok := err.(*Exception); ok && e.Class() == RecursionErrorClass {
			continue
		}
		srcs = append(srcs, src)
		got = append(got, renderDump(th, mod, err))
	}
	in, _ := json.Marshal(srcs)
	cmd := exec.Command(py, "dump.py", "--programs")
	cmd.Dir = "testdata"
	cmd.Stdin = strings.NewReader(string(in))
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("dump.py: %v", err)
	}
	var want []string
	if err := json.Unmarshal(out, &want); err != nil {
		t.Fatal(err)
	}
	bad := 0
	for i := range srcs {
		if want[i] == "timeout" || got[i] == want[i] {
			continue
		}
		if bad++; bad <= 5 {
			t.Errorf("program:\n%s", srcs[i])
			diffLines(t, got[i], want[i])
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d programs differ", bad, len(srcs))
	}
}
