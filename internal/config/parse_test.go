package config

import (
	"bytes"
	"testing"
)

func TestTrim(t *testing.T) {
	cases := map[string]string{
		"  x  ":               "x",
		"\t\n\v\f\rx\r\n":     "x",
		"\x1c\x1d\x1e\x1fx":   "x",
		"\u00a0\u2003x\u3000": "x",
		"\u0085x\u2028":       "x",
		"a b":                 "a b",
		"\u200bx":             "\u200bx", // zero width space is not white space
		"":                    "",
	}
	for in, want := range cases {
		if got := trim(in); got != want {
			t.Errorf("trim(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseBool(t *testing.T) {
	accepted := map[string]bool{
		"1": true, "true": true, "yes": true, "on": true,
		"0": false, "false": false, "no": false, "off": false,
		"TRUE": true, "True": true, "YES": true, "Yes": true, "ON": true, "On": true,
		"FALSE": false, "False": false, "NO": false, "No": false, "OFF": false, "oFf": false,
		" yes ": true, "\ttrue\n": true, "\u00a0off\u3000": false, "\x1f1\x1c": true,
	}
	for in, want := range accepted {
		got, ok := parseBool(in)
		if !ok || got != want {
			t.Errorf("parseBool(%q) = %v, %v; want %v, true", in, got, ok, want)
		}
	}
	for _, in := range []string{"", " ", "y", "n", "t", "f", "2", "-1", "01", "enabled", "truee", "o n", "\u0131"} {
		if _, ok := parseBool(in); ok {
			t.Errorf("parseBool(%q) accepted", in)
		}
	}
}

func TestParseInt(t *testing.T) {
	ok := map[string]int64{
		"0": 0, "5000": 5000, "+7": 7, "-12": -12, " 42 ": 42, "\t-3\n": -3,
		"1_000": 1000, "1_0_0": 100, "007": 7, "-0": 0, "\u00a09\u2003": 9,
		"9223372036854775807": 9223372036854775807, "-9223372036854775808": -9223372036854775808,
	}
	for in, want := range ok {
		got, err := parseInt(in)
		if err != nil || got != want {
			t.Errorf("parseInt(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", " ", "+", "-", "+-1", "--1", "1.5", "1e3", "0x10", "_1", "1_", "1__0", "-_1", "1 000", "5s", "١"} {
		if _, err := parseInt(in); err != errSyntax {
			t.Errorf("parseInt(%q) error = %v, want %v", in, err, errSyntax)
		}
	}
	for _, in := range []string{"9223372036854775808", "-9223372036854775809", "100000000000000000000"} {
		if _, err := parseInt(in); err != errRange {
			t.Errorf("parseInt(%q) error = %v, want %v", in, err, errRange)
		}
	}
}

func TestDecodeHex(t *testing.T) {
	ok := map[string][]byte{
		"":                 {},
		"   ":              {},
		"00ff":             {0x00, 0xff},
		"DEADbeef":         {0xde, 0xad, 0xbe, 0xef},
		" 0a 0b\t0c\n":     {0x0a, 0x0b, 0x0c},
		"\u00a00a0b\u3000": {0x0a, 0x0b},
	}
	for in, want := range ok {
		got, good := decodeHex(in)
		if !good || !bytes.Equal(got, want) || got == nil {
			t.Errorf("decodeHex(%q) = %x (nil %v), %v; want %x", in, got, got == nil, good, want)
		}
	}
	for _, in := range []string{"a", "abc", "0 a", "zz", "0x00", "00\u00a000", "０１"} {
		if _, good := decodeHex(in); good {
			t.Errorf("decodeHex(%q) accepted", in)
		}
	}
}

func TestDecodeBase64(t *testing.T) {
	ok := map[string][]byte{
		"":             {},
		"AA==":         {0},
		"AAE=":         {0, 1},
		"AAEC":         {0, 1, 2},
		" AA\nEC\t":    {0, 1, 2},
		"+/8=":         {0xfb, 0xff},
		"AAECAwQFBgc=": {0, 1, 2, 3, 4, 5, 6, 7},
	}
	for in, want := range ok {
		got, good := decodeBase64(in)
		if !good || !bytes.Equal(got, want) || got == nil {
			t.Errorf("decodeBase64(%q) = %x, %v; want %x", in, got, good, want)
		}
	}
	// The reference skipped foreign characters and stopped at the first
	// padding; here that text is rejected.
	for _, in := range []string{"AA", "AAE", "A===", "-_8=", "AA==AA==", "AA=A", "AA*==", "AAEC\u00a0"} {
		if _, good := decodeBase64(in); good {
			t.Errorf("decodeBase64(%q) accepted", in)
		}
	}
}
