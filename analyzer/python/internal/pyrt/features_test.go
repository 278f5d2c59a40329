package pyrt

import (
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the goldens of testdata/features with CPython 3.11's results")

// cpython returns the path of a CPython 3.11 interpreter (the system's
// /usr/bin/python3 first), or skips.
func cpython(t testing.TB) string {
	t.Helper()
	for _, py := range []string{"/usr/bin/python3", "python3"} {
		path, err := exec.LookPath(py)
		if err != nil {
			continue
		}
		out, err := exec.Command(path, "-c", "import sys; print(sys.version_info[:2] == (3, 11))").Output()
		if err == nil && strings.TrimSpace(string(out)) == "True" {
			return path
		}
	}
	t.Skip("no CPython 3.11 (python3)")
	return ""
}

var addrRE = regexp.MustCompile(` at 0x[0-9a-f]+`)

// dumpModule runs src as __main__ and renders its public globals and
// error as testdata/dump.py does.
func dumpModule(t *testing.T, path string, src []byte) string {
	th := NewThread(nil)
	th.MaxSteps = 1_000_000
	mod, err := th.ExecModule("__main__", path, src, false)
	if _, ok := err.(*Exception); err != nil && !ok {
		t.Fatalf("%s: %v", path, err)
	}
	return renderDump(th, mod, err)
}

// errorStr is str() of a raised exception, as dump.py writes it.
func errorStr(th *Thread, e *Exception) string {
	s, err := exceptionStr(th, e.Value)
	if err != nil {
		return "<exception str() failed>"
	}
	return s
}

// renderDump renders a module's public globals (or, when it failed, the
// globals it had bound) and its exception as testdata/dump.py does.
func renderDump(th *Thread, mod *Module, err error) string {
	var lines []string
	globals := th.lastGlobals
	if e, ok := err.(*Exception); ok {
		lines = append(lines, "error: "+e.Value.Class.Name+": "+errorStr(th, e))
	} else if mod != nil {
		globals = mod.Globals
	}
	if globals != nil {
		for _, k := range globals.Keys() {
			if strings.HasPrefix(k, "__") {
				continue
			}
			v, _ := globals.Get(k)
			r, err := Repr(th, v)
			if err != nil {
				r = "<repr failed: " + err.Error() + ">"
			}
			lines = append(lines, k+" = "+addrRE.ReplaceAllString(r, ""))
		}
	}
	return strings.Join(lines, "\n") + "\n"
}

// TestFeatures runs the feature scripts of testdata/features and compares
// their globals with the goldens CPython 3.11 produced.
func TestFeatures(t *testing.T) {
	files, err := filepath.Glob("testdata/features/*.py")
	if err != nil || len(files) == 0 {
		t.Fatal("no feature scripts")
	}
	if *update {
		py := cpython(t)
		cmd := exec.Command(py, append([]string{"dump.py"}, relTo("testdata", files)...)...)
		cmd.Dir = "testdata"
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("dump.py: %v\n%s", err, out)
		}
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(strings.TrimSuffix(f, ".py") + ".golden")
			if err != nil {
				t.Fatal(err)
			}
			got := dumpModule(t, strings.TrimPrefix(f, "testdata/"), src)
			if got != string(want) {
				diffLines(t, got, string(want))
			}
		})
	}
}

func relTo(dir string, files []string) []string {
	out := make([]string, len(files))
	for i, f := range files {
		out[i], _ = filepath.Rel(dir, f)
	}
	return out
}

// diffLines reports the lines of got and want that differ, matching
// "name = repr" lines by name.
func diffLines(t *testing.T, got, want string) {
	t.Helper()
	index := func(s string) (map[string]string, []string) {
		m := map[string]string{}
		var order []string
		for _, l := range strings.Split(strings.TrimSuffix(s, "\n"), "\n") {
			k, _, _ := strings.Cut(l, " = ")
			if strings.HasPrefix(l, "error: ") {
				k = "error"
			}
			m[k] = l
			order = append(order, k)
		}
		return m, order
	}
	g, _ := index(got)
	w, order := index(want)
	for _, k := range order {
		if g[k] != w[k] {
			t.Errorf("\n got: %s\nwant: %s", g[k], w[k])
		}
	}
	for k, l := range g {
		if _, ok := w[k]; !ok {
			t.Errorf("unexpected: %s", l)
		}
	}
}
