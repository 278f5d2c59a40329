package pyjson

import (
	"encoding/json"
	"os/exec"
	"testing"
)

// fromCPython runs prog (after import json, random, sys) under the local
// CPython 3.11 and decodes the JSON it prints into v; the test is skipped
// without one.
func fromCPython(t *testing.T, prog string, v any) {
	t.Helper()
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not installed")
	}
	const head = "import json, random, sys\nif sys.version_info[:2] != (3, 11):\n    sys.exit(3)\n"
	out, err := exec.Command(py, "-c", head+prog).Output()
	if err != nil {
		t.Skipf("python3 (3.11) failed: %v", err)
	}
	if err := json.Unmarshal(out, v); err != nil {
		t.Fatal(err)
	}
}

// TestStrReprMatchesCPython compares StrRepr with the local CPython's repr
// for every code point that is not a surrogate (skipped without python3).
func TestStrReprMatchesCPython(t *testing.T) {
	var want []string
	fromCPython(t, `print(json.dumps([repr(chr(c)) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]))`, &want)
	bad, i := 0, 0
	for c := rune(0); c <= 0x10FFFF; c++ {
		if c >= 0xD800 && c <= 0xDFFF {
			continue
		}
		if got := StrRepr(string(c)); got != want[i] {
			if bad++; bad <= 10 {
				t.Errorf("U+%04X: got %s, want %s", c, got, want[i])
			}
		}
		i++
	}
	if i != len(want) {
		t.Fatalf("%d code points, CPython gave %d", i, len(want))
	}
	// The quote choice and escapes of whole strings.
	for s, w := range map[string]string{"it's": `"it's"`, `a"b'c`: `'a"b\'c'`, "\U00031350\u2028": `'\U00031350\u2028'`} {
		if got := StrRepr(s); got != w {
			t.Errorf("%q: got %s, want %s", s, got, w)
		}
	}
}
