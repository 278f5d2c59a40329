package python

import (
	"errors"
	"strings"
	"testing"

	"github.com/asterkit/aster/analyzer"
)

// A default that cannot be rendered is reported at the offending
// expression, not at the field's annotation.
func TestUnrenderableDefaultPosition(t *testing.T) {
	for _, tc := range []struct{ name, field, pos string }{
		{"whole", "    x: object = Extra()\n", "m.py:7:17"},
		{"tuple item", "    x: tuple = (Extra(), 0)\n", "m.py:7:17"},
		{"nested tuple item", "    x: tuple = (0, ((1, Extra()),))\n", "m.py:7:25"},
		{"bare tuple item", "    x: tuple = 1, Extra()\n", "m.py:7:19"},
		{"field default", "    x: tuple = field(default=(1, Extra()))\n", "m.py:7:34"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := prelude + "class Extra:\n    pass\n@dataclass\nclass R:\n" + tc.field + svcTail
			_, err := analyse(t, map[string]string{"m.py": src}, "m:S")
			var ae *analyzer.Error
			if !errors.As(err, &ae) {
				t.Fatalf("got %v, want a positioned error", err)
			}
			if !strings.HasPrefix(err.Error(), tc.pos+": ") || !strings.Contains(ae.Msg, "cannot be rendered statically") {
				t.Errorf("got %q, want %s: …cannot be rendered statically", err, tc.pos)
			}
		})
	}
	// Mode 2 parameters are reported at their default too.
	src := prelude + "class Extra:\n    pass\n@service\nclass S:\n    @rpc\n    async def a(self, n: int, x: tuple = (0, Extra())) -> int: ...\n"
	_, err := analyse(t, map[string]string{"m.py": src}, "m:S")
	if err == nil || !strings.HasPrefix(err.Error(), "m.py:8:46: ") {
		t.Errorf("inline: got %v, want m.py:8:46", err)
	}
}

// Strings and floats inside a rendered default use Python's repr.
func TestRenderedDefaultReprs(t *testing.T) {
	src := prelude + "@dataclass\nclass R:\n    x: tuple = ('\\u2028', '\\U0001f600', '\\xe9\\x00', 1e16, 0.0001, \"'\")\n" + svcTail
	res, _ := mustAnalyse(t, map[string]string{"m.py": src}, "m:S")
	want := `('\u2028', '😀', 'é\x00', 1e+16, 0.0001, "'")`
	if got := res.Methods[0].Fields[0].DefaultValue; got != want {
		t.Errorf("default %q, want %q (CPython 3.11's str())", got, want)
	}
}

// A default that only import time computes is written as CPython's str()
// writes it when every process writes it the same, and is an error when
// it holds an object shown with its address or a set of strings (whose
// order depends on the process's string hashing), however deep.
func TestRuntimeDefaults(t *testing.T) {
	head := prelude + "class Extra:\n    pass\n" +
		"def mk(*a):\n    return a\n"
	for _, tc := range []struct {
		name, def string
		want      any // nil: an error
	}{
		{"numbers", "mk(1, [2, 3], {'k': frozenset({3, 1})})", "(1, [2, 3], {'k': frozenset({1, 3})})"},
		{"complex", "mk(complex(1.5, -2))", "((1.5-2j),)"},
		{"object", "mk(Extra())", nil},
		{"object in a list", "mk([Extra()])", nil},
		{"object in a dict", "mk({1: Extra()})", nil},
		{"function", "mk([mk])", nil},
		{"strings in a set", "mk(frozenset({'a', 'b'}))", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := head + "@dataclass\nclass R:\n    x: tuple = " + tc.def + "\n" + svcTail
			res, err := analyse(t, map[string]string{"m.py": src}, "m:S")
			if tc.want == nil {
				if err == nil || !strings.Contains(err.Error(), "cannot be rendered statically") {
					t.Fatalf("got %v, want an error: the default cannot be rendered", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := res.Methods[0].Fields[0].DefaultValue; got != tc.want {
				t.Errorf("default %#v, want %#v", got, tc.want)
			}
		})
	}
}
