package pystdlib

import (
	"os"
	"os/exec"
	"testing"
)

func TestLookup(t *testing.T) {
	for _, c := range []struct {
		module, name string
		kind         Kind
	}{
		{"typing", "NewType", KindClass},
		{"os", "environ", KindValue},
		{"os", "getenv", KindFunction},
		{"os.path", "join", KindFunction},
		{"collections", "OrderedDict", KindClass},
		{"xml", "etree", KindModule},
		{"enum", "IntFlag", KindClass},
		{"decimal", "Decimal", KindClass},
	} {
		m, ok := Lookup(c.module)
		if !ok || !m.Importable {
			t.Fatalf("%s: not found", c.module)
		}
		if got := m.Names[c.name]; got != c.kind {
			t.Errorf("%s.%s: kind %q, want %q", c.module, c.name, got, c.kind)
		}
	}
	if m, ok := Lookup("msvcrt"); !ok || m.Importable {
		t.Errorf("msvcrt: %v %v", m, ok)
	}
	if IsStdlib("requests") || !IsStdlib("json.decoder") {
		t.Error("IsStdlib")
	}
	if n := len(Names()); n < 700 {
		t.Errorf("only %d modules", n)
	}
}

// TestTableIsCurrent regenerates the table with the system's CPython 3.11
// and compares it with the checked-in one (refresh: go generate). Modules
// one of the two interpreters cannot import (optional extensions a build
// lacks) are compared by name only.
func TestTableIsCurrent(t *testing.T) {
	py, err := exec.LookPath("/usr/bin/python3")
	if err != nil {
		t.Skip("/usr/bin/python3 not installed")
	}
	out, err := exec.Command(py, "gen/gen.py").Output()
	if err != nil {
		t.Skipf("gen.py: %v (not CPython 3.11?)", err)
	}
	want, err := os.ReadFile("stdlib311.txt")
	if err != nil {
		t.Fatal(err)
	}
	got, checked := parse(string(out)), parse(string(want))
	if len(got) != len(checked) {
		t.Errorf("%d modules, the table has %d", len(got), len(checked))
	}
	for name, m := range checked {
		g, ok := got[name]
		switch {
		case !ok:
			t.Errorf("%s: in the table, not in this CPython", name)
		case m.Importable && g.Importable && !sameNames(m.Names, g.Names):
			t.Errorf("%s: public names differ from this CPython's; run go generate", name)
		}
	}
}

func sameNames(a, b map[string]Kind) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}
