package pyrt_test

import (
	"math/rand"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/asterkit/aster/analyzer/python/internal/pygen"
	"github.com/asterkit/aster/analyzer/python/internal/pyrt"
	"github.com/asterkit/aster/analyzer/python/internal/pystdlib"
)

// runFuzz runs src as a module with the modelled standard library and a
// small step budget, then renders every global as the analyzer reads
// them, and fails on a panic or on a run that does not stop in time.
func runFuzz(t *testing.T, src string) {
	th := pyrt.NewThread(&pystdlib.Finder{Host: &pystdlib.Host{Platform: "linux"}})
	th.MaxSteps = 50_000
	done := make(chan struct{})
	go func() {
		defer close(done)
		mod, err := th.ExecModule("m", "m.py", []byte(src), false)
		if err != nil {
			return
		}
		th.MaxSteps = th.Steps() + 50_000
		for _, k := range mod.Globals.Keys() {
			v, _ := mod.Globals.Get(k)
			_, _ = pyrt.Repr(th, v)
		}
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatalf("no result after 10s:\n%s", src)
	}
}

// FuzzInterpreter runs random module-level programs (see pygen): no
// panic, and the step budget and the recursion limit stop every run.
func FuzzInterpreter(f *testing.F) {
	for _, seed := range []string{"", "\x00\x01\x02\x03", "\x05\x05\x05\x05\x05\x05\x05", "\x06\x01\x02\x03\x04\x05\x06\x07\x08\x09"} {
		f.Add([]byte(seed))
	}
	// Longer random seeds start the fuzzer from programs of many
	// statements.
	r := rand.New(rand.NewSource(1))
	for k := 0; k < 16; k++ {
		seed := make([]byte, 100+r.Intn(300))
		r.Read(seed)
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		runFuzz(t, pygen.Program(data, pygen.Options{Imports: true}))
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
