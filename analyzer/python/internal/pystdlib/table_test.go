package pystdlib

import (
	"os"
	"os/exec"
	"strings"
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
// (/usr/bin/python3, whose build has every optional extension the table
// lists) and compares it with the checked-in one (refresh: go generate).
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
	// The header names the patch release; the table must match otherwise.
	strip := func(s string) string {
		_, rest, _ := strings.Cut(s, "\n")
		return rest
	}
	if strip(string(out)) != strip(string(want)) {
		t.Error("stdlib311.txt is not what gen/gen.py produces with this CPython 3.11; run go generate in analyzer/python/internal/pystdlib")
	}
}
