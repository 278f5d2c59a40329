package tomltext

import (
	"reflect"
	"testing"

	"github.com/pelletier/go-toml/v2"
)

func TestFormatString(t *testing.T) {
	for in, want := range map[string]string{
		"plain café ✓":  `"plain café ✓"`,
		"q\"b\\":        `"q\"b\\"`,
		"\b\t\n\f\r":    `"\b\t\n\f\r"`,
		"\x00\x1f\x7f":  `"\u0000\u001F\u007F"`,
		"\u2028 <&> / ": "\"\u2028 <&> / \"",
	} {
		if got := FormatString(in); got != want {
			t.Errorf("FormatString(%q) = %s, want %s", in, got, want)
		}
	}
	if FormatKey("a-b_9") != "a-b_9" || FormatKey("a.b") != `"a.b"` || FormatKey("") != `""` {
		t.Errorf("FormatKey quoting wrong")
	}
}

// TestFormatValueRoundTrip writes decoded values and decodes them again.
func TestFormatValueRoundTrip(t *testing.T) {
	src := `i = -7
f = 1e300
g = 2.0
b = false
d = 1979-05-27
dt = 1979-05-27T07:32:00
odt = 1979-05-27T07:32:00.5-07:00
tm = 07:32:00
arr = [1, "x", [true]]
tbl = { z = 1, "a b" = { c = "d" } }
`
	var doc map[string]any
	if err := toml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatal(err)
	}
	out := ""
	for _, e := range Ordered(doc, KeyOrder([]byte(src))[""]) {
		out += FormatKey(e.Key) + " = " + FormatValue(e.Value) + "\n"
	}
	var again map[string]any
	if err := toml.Unmarshal([]byte(out), &again); err != nil {
		t.Fatalf("%v in\n%s", err, out)
	}
	if !reflect.DeepEqual(doc, again) {
		t.Errorf("values changed:\n%s", out)
	}
	if want := "i = -7\nf = 1e+300\ng = 2.0\n"; out[:len(want)] != want {
		t.Errorf("output starts %q, want %q", out[:len(want)], want)
	}
}

func TestKeyOrder(t *testing.T) {
	src := `z = 1
a.y = 2
[[p]]
k2 = 1
k1 = 2
[p.sub]
s = 1
[[p]]
k3 = 1
[t]
b = 1
a = 2
`
	order := KeyOrder([]byte(src))
	p0 := ElementID(TableID("", "p"), 0)
	p1 := ElementID(TableID("", "p"), 1)
	for id, want := range map[string][]string{
		"":                 {"z", "a", "p", "t"},
		TableID("", "a"):   {"y"},
		p0:                 {"k2", "k1", "sub"},
		TableID(p0, "sub"): {"s"},
		p1:                 {"k3"},
		TableID("", "t"):   {"b", "a"},
	} {
		if !reflect.DeepEqual(order[id], want) {
			t.Errorf("order[%q] = %v, want %v", id, order[id], want)
		}
	}
}
