package pyparse

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/asterkit/aster/internal/testenv"
)

// FuzzParse parses arbitrary bytes: a tree or a syntax error, never a
// crash; every node's text lies inside the source, and every node finds
// its file.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join(testenv.Vectors(f), "[01]*_*", "svc_*.py"))
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("def f():\n    global a\n    yield\nx: list[int] | None = f'{a}'\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		file, err := Parse(string(src))
		if err != nil {
			return
		}
		var walk func(n *Node)
		walk = func(n *Node) {
			_ = n.Text()
			if n.File() != file {
				t.Fatalf("%s at %d does not find its file", n.Kind(), n.start)
			}
			if l, c := n.Pos(); l < 1 || c < 1 {
				t.Fatalf("%s at %d:%d", n.Kind(), l, c)
			}
			for _, c := range n.Children() {
				walk(c)
			}
		}
		walk(file.Root)
	})
}
