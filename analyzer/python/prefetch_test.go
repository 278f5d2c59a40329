package python

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/asterkit/aster/contract"
)

// TestPrefetchSameResults checks that parsing ahead changes neither the
// contracts nor which error is reported.
func TestPrefetchSameResults(t *testing.T) {
	dir := t.TempDir()
	specs := writeBenchCorpus(t, dir)[:40]
	ids := func(prefetch bool) []string {
		l := NewLoader(Options{Dir: dir, Env: func(string) string { return "" }})
		if prefetch {
			l.Prefetch(specs...)
		}
		var out []string
		for _, spec := range specs {
			res, err := l.Service(spec)
			if err != nil {
				t.Fatal(err)
			}
			c, err := contract.Compile(res.Service)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, c.ID.String())
		}
		return out
	}
	seq, ahead := ids(false), ids(true)
	for i := range seq {
		if seq[i] != ahead[i] {
			t.Errorf("%s: contract id %s with prefetch, %s without", specs[i], ahead[i], seq[i])
		}
	}
}

// TestPrefetchFirstErrorWins checks that errors in files parsed ahead are
// reported only when the analysis reaches them, in sequential order.
func TestPrefetchFirstErrorWins(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"app.py":    "import first\nimport second\nfrom aster import service\n@service(name=\"A\", version=1)\nclass A:\n    pass\n",
		"first.py":  "def broken(:\n",
		"second.py": "class Also broken\n",
		"other.py":  "x = (\n",
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run := func(prefetch ...string) string {
		l := NewLoader(Options{Dir: dir, Env: func(string) string { return "" }})
		l.Prefetch(prefetch...)
		_, err := l.Service("app:A")
		if err == nil {
			t.Fatal("no error")
		}
		return err.Error()
	}
	want := run()
	if got := run("other:X", "second:B", "app:A"); got != want {
		t.Errorf("with prefetch: %s, want %s", got, want)
	}
	if wantFile := "first.py:"; len(want) < len(wantFile) || want[:len(wantFile)] != wantFile {
		t.Errorf("error %q is not first.py's", want)
	}
}
