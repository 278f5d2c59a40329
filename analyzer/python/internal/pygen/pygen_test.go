package pygen

import (
	"math/rand"
	"testing"

	"github.com/asterkit/aster/analyzer/python/internal/pysyntax"
)

// TestProgramsParse checks that nearly every generated program is valid
// Python, so that fuzzing time goes to the interpreter rather than to
// syntax errors.
func TestProgramsParse(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for _, opt := range []Options{{}, {Imports: true}} {
		bad := 0
		const n = 1000
		for k := 0; k < n; k++ {
			data := make([]byte, r.Intn(400))
			r.Read(data)
			src := Program(data, opt)
			if _, err := pysyntax.Parse([]byte(src)); err != nil {
				if bad++; bad <= 3 {
					t.Logf("%v:\n%s", err, src)
				}
			}
		}
		if bad > n/100 {
			t.Errorf("%+v: %d of %d programs do not parse", opt, bad, n)
		}
	}
}
