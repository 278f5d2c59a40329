package pystdlib

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/asterkit/aster/analyzer/python/internal/pyrt"
)

// testEnv is the environment the feature scripts see, here and when
// their goldens are made with CPython:
// env -i ASTER_TEST_NAME=Ledger /usr/bin/python3 ../pyrt/testdata/dump.py testdata/modules/*.py
var testEnv = map[string]string{"ASTER_TEST_NAME": "Ledger"}

var addrRE = regexp.MustCompile(` at 0x[0-9a-f]+`)

func newHost() *Host {
	return &Host{Platform: "linux", Getenv: func(k string) (string, bool) {
		v, ok := testEnv[k]
		return v, ok
	}}
}

// runScript runs a feature script as __main__ with the modelled
// standard library and renders its public globals as the golden does.
func runScript(t *testing.T, path string, host *Host) string {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	th := pyrt.NewThread(&Finder{Host: host})
	th.MaxSteps = 1_000_000
	mod, err := th.ExecModule("__main__", path, src, false)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var b strings.Builder
	for _, k := range mod.Globals.Keys() {
		if strings.HasPrefix(k, "__") {
			continue
		}
		v, _ := mod.Globals.Get(k)
		r, err := pyrt.Repr(th, v)
		if err != nil {
			r = "<repr failed: " + err.Error() + ">"
		}
		b.WriteString(k + " = " + addrRE.ReplaceAllString(r, "") + "\n")
	}
	return b.String()
}

// TestModules compares the globals of each script of testdata/modules
// with what CPython 3.11 computed for it (the .golden next to it).
func TestModules(t *testing.T) {
	files, err := filepath.Glob("testdata/modules/*.py")
	if err != nil || len(files) == 0 {
		t.Fatal("no scripts")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			want, err := os.ReadFile(strings.TrimSuffix(f, ".py") + ".golden")
			if err != nil {
				t.Fatal(err)
			}
			got := runScript(t, f, newHost())
			if got != string(want) {
				t.Errorf("globals differ from CPython 3.11\n got:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

// TestGoldensCurrent checks that the goldens are what the local CPython
// 3.11 computes now.
func TestGoldensCurrent(t *testing.T) {
	py, err := exec.LookPath("/usr/bin/python3")
	if err != nil {
		t.Skip("no /usr/bin/python3")
	}
	if out, err := exec.Command(py, "-c", "import sys; print(sys.version_info[:2] == (3, 11))").Output(); err != nil || strings.TrimSpace(string(out)) != "True" {
		t.Skip("python3 is not CPython 3.11")
	}
	files, _ := filepath.Glob("testdata/modules/*.py")
	dir := t.TempDir()
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	copies, _ := filepath.Glob(filepath.Join(dir, "*.py"))
	cmd := exec.Command(py, append([]string{"../pyrt/testdata/dump.py"}, copies...)...)
	cmd.Env = []string{"ASTER_TEST_NAME=" + testEnv["ASTER_TEST_NAME"]}
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".py") + ".golden"
		got, _ := os.ReadFile(filepath.Join(dir, name))
		want, _ := os.ReadFile(filepath.Join("testdata/modules", name))
		if string(got) != string(want) {
			t.Errorf("%s is stale: CPython now gives\n%s", name, got)
		}
	}
}

// TestHostReads checks that the environment variables and the platform
// read are recorded (a variable set by the script before it is read is
// not read from the host; setdefault reads it).
func TestHostReads(t *testing.T) {
	h := newHost()
	runScript(t, "testdata/modules/sys_os.py", h)
	if got := strings.Join(h.EnvRead(), ","); got != "ASTER_TEST_DEF,ASTER_TEST_MISSING,ASTER_TEST_NAME" {
		t.Errorf("EnvRead = %s", got)
	}
	if !h.PlatformRead() {
		t.Error("sys.platform read but not recorded")
	}
	h = newHost()
	runScript(t, "testdata/modules/math_string.py", h)
	if len(h.EnvRead()) != 0 || h.PlatformRead() {
		t.Errorf("reads recorded for a script that reads nothing: %v %v", h.EnvRead(), h.PlatformRead())
	}
}

// TestTypingExtensions checks that typing_extensions serves typing's
// objects.
func TestTypingExtensions(t *testing.T) {
	th := pyrt.NewThread(&Finder{})
	mod, err := th.ExecModule("__main__", "t.py", []byte("import typing, typing_extensions\nsame = typing_extensions.Optional is typing.Optional and typing_extensions.TYPE_CHECKING is False\n"), false)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := mod.Globals.Get("same"); v != pyrt.Bool(true) {
		t.Errorf("typing_extensions.Optional is not typing.Optional: %v", v)
	}
}

// TestUnmodelled checks that an unmodelled standard library module
// imports with its names as unknown values (as do the names a modelled
// module leaves out), that using one where a value
// matters is a *pyrt.Fatal, and that modules CPython 3.11 cannot import
// on Linux and names outside the standard library are not found.
func TestUnmodelled(t *testing.T) {
	run := func(src string) (*pyrt.Module, error) {
		th := pyrt.NewThread(&Finder{})
		return th.ExecModule("__main__", "t.py", []byte(src), false)
	}
	mod, err := run("import secrets\nimport xml.etree.ElementTree as ET\nd = secrets.token_hex(8)\ne = ET.fromstring\nfrom json.encoder import ESCAPE as f\nfrom json import load as g\n")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"d", "e", "f", "g"} {
		if v, _ := mod.Globals.Get(name); v == nil || v.Type() != pyrt.UnknownClass {
			t.Errorf("%s = %v, want an unknown value", name, v)
		}
	}
	if _, err := run("import secrets\nif secrets.token_hex(8):\n    pass\n"); err == nil {
		t.Error("truth of an unknown value: no error")
	} else if _, ok := err.(*pyrt.Fatal); !ok {
		t.Errorf("truth of an unknown value: %T %v, want *pyrt.Fatal", err, err)
	}
	for _, src := range []string{"import winreg\n", "import requests\n", "from secrets import NoSuchName\n"} {
		_, err := run(src)
		if e, ok := err.(*pyrt.Exception); !ok || !e.Class().IsSubclass(pyrt.ImportErrorClass) {
			t.Errorf("%q: %v, want ImportError", src, err)
		}
	}
}

// TestGenerated runs the generated-input scripts with pyrt and with
// CPython 3.11 and compares the results: testdata/generated.py (os.path
// over every path of up to five characters from "a./", math over
// edge-case numbers, the datetime, decimal, fractions, uuid, pathlib and
// ipaddress values, json over random constants) and
// testdata/generated_text.py (re over random patterns and subjects,
// textwrap over random texts).
func TestGenerated(t *testing.T) {
	py, err := exec.LookPath("/usr/bin/python3")
	if err != nil {
		t.Skip("no /usr/bin/python3")
	}
	if out, err := exec.Command(py, "-c", "import sys; print(sys.version_info[:2] == (3, 11))").Output(); err != nil || strings.TrimSpace(string(out)) != "True" {
		t.Skip("python3 is not CPython 3.11")
	}
	for _, name := range []string{"generated.py", "generated_text.py"} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join("testdata", name)
			want, err := exec.Command(py, path).Output()
			if err != nil {
				t.Fatal(err)
			}
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			helpers, err := os.ReadFile(filepath.Join("testdata", "gen_helpers.py"))
			if err != nil {
				t.Fatal(err)
			}
			th := pyrt.NewThread(chain{pyrt.MapFinder{"gen_helpers": {Path: "gen_helpers.py", Src: helpers}}, &Finder{}})
			th.MaxSteps = 100_000_000
			var got strings.Builder
			th.Print = func(s string) { got.WriteString(s) }
			if _, err := th.ExecModule("__main__", name, src, false); err != nil {
				t.Fatal(err)
			}
			if got.String() != string(want) {
				g, w := strings.Split(got.String(), ", "), strings.Split(string(want), ", ")
				for i := range min(len(g), len(w)) {
					if g[i] != w[i] {
						t.Errorf("item %d: got %s, CPython %s", i, g[i], w[i])
					}
				}
				if len(g) != len(w) {
					t.Fatalf("lengths differ: %d, CPython %d", len(g), len(w))
				}
			}
		})
	}
}

// TestUnmodelledISOForms checks that the ISO 8601 forms fromisoformat
// does not model (basic format, week dates) give unknown values rather
// than an error CPython would not raise.
func TestUnmodelledISOForms(t *testing.T) {
	th := pyrt.NewThread(&Finder{})
	src := "from datetime import date, datetime\na = date.fromisoformat('20200131')\nb = datetime.fromisoformat('2020-W01-1T10:00')\nc = datetime.fromisoformat('2020-01-31T10:00:00,5')\n"
	mod, err := th.ExecModule("__main__", "t.py", []byte(src), false)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"a", "b", "c"} {
		if v, _ := mod.Globals.Get(name); v == nil || v.Type() != pyrt.UnknownClass {
			t.Errorf("%s = %v, want an unknown value", name, v)
		}
	}
}

// TestUnmodelledRe checks that the uses of re that are not modelled
// (case folding beyond ASCII, LOCALE, \N{...}, DEBUG, a match deeper than
// the recursion limit) give unknown values rather than a wrong answer.
func TestUnmodelledRe(t *testing.T) {
	src := `import re
a = re.match('(?i)é', 'É')
b = re.match(b'(?L)a', b'a')
c = re.compile('\\N{EM DASH}')
d = re.compile('a', re.DEBUG)
e = re.match('(?:ab)*', 'ab' * 2000)
f = re.compile('a').scanner
g = re.search('(?i)k', '\u212a')
`
	th := pyrt.NewThread(&Finder{})
	mod, err := th.ExecModule("__main__", "t.py", []byte(src), false)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"a", "b", "c", "d", "e", "f", "g"} {
		if v, _ := mod.Globals.Get(name); v == nil || v.Type() != pyrt.UnknownClass {
			t.Errorf("%s = %v, want an unknown value", name, v)
		}
	}
}
