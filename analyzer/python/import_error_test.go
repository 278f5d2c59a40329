package python

import (
	"errors"
	"path/filepath"
	"slices"
	"testing"
)

// docs/python.md "Module search and import": a miss lists the directories tried, as given.
func TestImportErrorSearched(t *testing.T) {
	dir := writeTree(t, map[string]string{"p/__init__.py": "", "src/p/__init__.py": "", "m.py": ""})
	abs := filepath.Join(dir, "abs")
	env := func(k string) string {
		if k == "PYTHONPATH" {
			return abs + string(filepath.ListSeparator) + "pp"
		}
		return ""
	}
	src := "." + string(filepath.Separator) + "src"
	for _, tc := range []struct {
		spec string
		want []string
	}{
		{"nope:S", []string{"lib", abs, "pp", ".", src}},
		{"p.q:S", []string{"p"}},
		{"m.x:S", nil},
		{"aster.nothing:S", nil},
	} {
		l := NewLoader(Options{Dir: dir, PythonPath: []string{"lib"}, Env: env})
		_, err := l.Service(tc.spec)
		var ie *ImportError
		if !errors.As(err, &ie) {
			t.Fatalf("%s: got %v, want an ImportError", tc.spec, err)
		}
		if !slices.Equal(ie.Searched, tc.want) {
			t.Errorf("%s: searched %q, want %q", tc.spec, ie.Searched, tc.want)
		}
	}
}
