package pyfind

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/asterkit/aster/analyzer/python/internal/pyrt"
	"github.com/asterkit/aster/analyzer/python/internal/pystdlib"
)

// caseRoots returns a case's search roots (r1, r2, … under it) and its
// virtual environment (venv under it), as absolute paths.
func caseRoots(t *testing.T, dir string) (roots []string, venv string) {
	t.Helper()
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	roots, _ = filepath.Glob(filepath.Join(abs, "r[0-9]"))
	if st, err := os.Stat(filepath.Join(abs, "venv")); err == nil && st.IsDir() {
		venv = filepath.Join(abs, "venv")
	}
	return roots, venv
}

// importMain imports main with a Finder over the case and renders its
// public globals (or the import's exception).
func importMain(t *testing.T, roots []string, venv string) string {
	t.Helper()
	th := pyrt.NewThread(New(roots, venv, &pystdlib.Finder{}))
	mod, err := th.Import("main")
	if err != nil {
		e, ok := err.(*pyrt.Exception)
		if !ok {
			t.Fatal(err)
		}
		msg, _ := pyrt.ToStr(th, e.Value)
		return "error: " + e.Value.Class.Name + ": " + msg + "\n"
	}
	var b strings.Builder
	for _, k := range mod.Globals.Keys() {
		if strings.HasPrefix(k, "__") {
			continue
		}
		v, _ := mod.Globals.Get(k)
		r, err := pyrt.Repr(th, v)
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString(k + " = " + r + "\n")
	}
	return b.String()
}

// cpythonScript imports main with sys.path = roots + site-packages and
// prints what importMain renders.
const cpythonScript = `
import sys
sys.path[:0] = sys.argv[1:]
try:
    import main
    for k, v in vars(main).items():
        if not k.startswith("__"):
            print(k + " = " + repr(v))
except Exception as e:
    print("error: " + type(e).__name__ + ": " + str(e))
`

var python311 = regexp.MustCompile(`^3\.11\b`)

// TestDifferential imports main of each case of testdata with this
// Finder and with CPython 3.11 over the same search path.
func TestDifferential(t *testing.T) {
	py := "/usr/bin/python3"
	out, err := exec.Command(py, "-c", "import platform; print(platform.python_version())").Output()
	if err != nil || !python311.Match(out) {
		t.Skip("no CPython 3.11 at /usr/bin/python3")
	}
	cases, _ := filepath.Glob("testdata/*")
	if len(cases) == 0 {
		t.Fatal("no cases")
	}
	for _, c := range cases {
		t.Run(filepath.Base(c), func(t *testing.T) {
			roots, venv := caseRoots(t, c)
			path := append([]string(nil), roots...)
			if venv != "" {
				path = append(path, filepath.Join(venv, "lib", "python3.11", "site-packages"))
			}
			cmd := exec.Command(py, append([]string{"-S", "-B", "-c", cpythonScript}, path...)...)
			cmd.Env = []string{}
			want, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("%v: %s", err, want)
			}
			if got := importMain(t, roots, venv); got != string(want) {
				t.Errorf("got:\n%s\nCPython 3.11:\n%s", got, want)
			}
		})
	}
}

// TestNotFound checks CPython's wording for a module no root has.
func TestNotFound(t *testing.T) {
	th := pyrt.NewThread(New([]string{t.TempDir()}, "", &pystdlib.Finder{}))
	_, err := th.Import("nosuchmodule")
	e, ok := err.(*pyrt.Exception)
	if !ok || e.Value.Class != pyrt.ModuleNotFoundErrorClass {
		t.Fatalf("err = %v, want ModuleNotFoundError", err)
	}
	if msg, _ := pyrt.ToStr(th, e.Value); msg != "No module named 'nosuchmodule'" {
		t.Errorf("message = %q", msg)
	}
}

// TestBuiltinOrFrozen compares builtinOrFrozen with the local CPython
// 3.11's built-in and frozen modules.
func TestBuiltinOrFrozen(t *testing.T) {
	py := "/usr/bin/python3"
	out, err := exec.Command(py, "-c", "import platform; print(platform.python_version())").Output()
	if err != nil || !python311.Match(out) {
		t.Skip("no CPython 3.11 at /usr/bin/python3")
	}
	out, err = exec.Command(py, "-S", "-c", "import sys, _imp\nfor n in sorted(set(sys.builtin_module_names) | set(_imp._frozen_module_names())):\n    if not n.startswith('__'): print(n)").Output()
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Fields(string(out))
	if len(want) != len(builtinOrFrozen) {
		t.Errorf("%d modules, CPython has %d: %v", len(builtinOrFrozen), len(want), want)
	}
	for _, n := range want {
		if !builtinOrFrozen[n] {
			t.Errorf("%s is built in or frozen in CPython but not listed", n)
		}
	}
}
