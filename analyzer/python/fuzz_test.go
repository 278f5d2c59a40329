package python

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/asterkit/aster/analyzer"
	"github.com/asterkit/aster/contract"
	"github.com/asterkit/aster/internal/testenv"
)

var serviceClassRE = regexp.MustCompile(`@service[^\n]*\n(?:@[^\n]*\n)*class\s+(\w+)`)

// FuzzAnalyze feeds arbitrary bytes as the service module: analysis must
// end with a result or an error, never a panic or a hang.
func FuzzAnalyze(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join(testenv.Vectors(f), "[01]*_*", "svc_*.py"))
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(prelude + "@dataclass\nclass R:\n    x: 'list[R]' = ()\n" + svcTail))
	f.Fuzz(func(t *testing.T, src []byte) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "m.py"), src, 0o644); err != nil {
			t.Fatal(err)
		}
		spec := "m:S"
		if m := serviceClassRE.FindSubmatch(src); m != nil {
			spec = "m:" + string(m[1])
		}
		res, err := NewLoader(Options{Dir: dir, Env: func(string) string { return "" }}).Service(spec)
		if err != nil {
			var ae *analyzer.Error
			var ie *ImportError
			var at *AttributeError
			var ns *NotServiceError
			var ne *RuntimeImportError
			if !errors.As(err, &ae) && !errors.As(err, &ie) && !errors.As(err, &at) && !errors.As(err, &ns) && !errors.As(err, &ne) {
				t.Fatalf("unexpected error type %T: %v", err, err)
			}
			return
		}
		// A result must compile unless a wire name is unusable.
		_, _ = contract.Compile(res.Service)
	})
}
