package pyrt

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// dirFinder finds modules as files under a root directory (a.b is
// a/b.py or a/b/__init__.py), as CPython's path finder does for one
// sys.path entry.
type dirFinder string

func (d dirFinder) Find(_ *Thread, name string) (*Source, error) {
	base := filepath.Join(string(d), filepath.FromSlash(strings.ReplaceAll(name, ".", "/")))
	for _, c := range []struct {
		path string
		pkg  bool
	}{{filepath.Join(base, "__init__.py"), true}, {base + ".py", false}} {
		src, err := os.ReadFile(c.path)
		if err == nil {
			return &Source{Path: c.path, Src: src, Package: c.pkg}, nil
		}
	}
	return nil, nil
}

// TestImports imports main from each directory of testdata/imports and
// compares its globals (or the import's exception) with the golden
// CPython 3.11 produced.
func TestImports(t *testing.T) {
	dirs, err := filepath.Glob("testdata/imports/*")
	if err != nil || len(dirs) == 0 {
		t.Fatal("no import cases")
	}
	if *update {
		py := cpython(t)
		cmd := exec.Command(py, append([]string{"-B", "dump.py", "--import"}, relTo("testdata", dirs)...)...)
		cmd.Dir = "testdata"
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("dump.py: %v\n%s", err, out)
		}
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			root, err := filepath.Abs(dir)
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(filepath.Join(dir, "golden"))
			if err != nil {
				t.Fatal(err)
			}
			th := NewThread(dirFinder(root))
			var lines []string
			mod, err := th.Import("main")
			if err != nil {
				e, ok := err.(*Exception)
				if !ok {
					t.Fatal(err)
				}
				lines = append(lines, "error: "+e.Value.Class.Name+": "+errorStr(th, e))
			} else {
				for _, k := range mod.Globals.Keys() {
					if strings.HasPrefix(k, "__") {
						continue
					}
					v, _ := mod.Globals.Get(k)
					r, err := Repr(th, v)
					if err != nil {
						t.Fatal(err)
					}
					lines = append(lines, k+" = "+r)
				}
			}
			got := strings.ReplaceAll(strings.Join(lines, "\n")+"\n", root, "<dir>")
			if got != string(want) {
				t.Errorf("got:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}
