package pyjson

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"math/big"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// The expected texts below were produced by CPython 3 json.dumps / repr.

func TestFloatRepr(t *testing.T) {
	for _, c := range []struct {
		f    float64
		want string
	}{
		{0.1, "0.1"},
		{1e-05, "1e-05"},
		{1e16, "1e+16"},
		{2.5, "2.5"},
		{30.0, "30.0"},
		{math.Copysign(0, -1), "-0.0"},
		{0, "0.0"},
		{1.5e300, "1.5e+300"},
		{2.5e-7, "2.5e-07"},
		{1.2345678901234568e17, "1.2345678901234568e+17"},
		{1e15, "1000000000000000.0"},
		{0.0001, "0.0001"},
		{5e-324, "5e-324"},
		{math.MaxFloat64, "1.7976931348623157e+308"},
		{123456789012345.6, "123456789012345.6"},
		{1234567890123456.7, "1234567890123456.8"},
		{0.001234, "0.001234"},
		{-1.5e-10, "-1.5e-10"},
		{math.NaN(), "nan"},
		{math.Inf(1), "inf"},
		{math.Inf(-1), "-inf"},
	} {
		if got := FloatRepr(c.f); got != c.want {
			t.Errorf("FloatRepr(%g) = %q, want %q", c.f, got, c.want)
		}
	}
}

var indent2 = Options{Indent: 2, ASCII: true}
var oneLine = Options{Indent: -1, ASCII: true}

func TestMarshal(t *testing.T) {
	big30, _ := new(big.Int).SetString("1000000000000000000000000000000", 10)
	for _, c := range []struct {
		name string
		v    any
		o    Options
		want string
	}{
		{"floats", []any{math.NaN(), math.Inf(1), math.Inf(-1), 30.0, int64(30), 2.5}, oneLine,
			`[NaN, Infinity, -Infinity, 30.0, 30, 2.5]`},
		{"ascii escapes", "a\"\\/\b\f\n\r\t\x00\x1f\x7f\u0080é\u2028\U0001F600\ufffd", oneLine,
			`"a\"\\/\b\f\n\r\t\u0000\u001f\u007f\u0080\u00e9\u2028\ud83d\ude00\ufffd"`},
		{"utf-8 escapes", "a\"\\/\b\f\n\r\t\x00\x1f\x7f\u0080é\u2028\U0001F600\ufffd", Options{Indent: -1},
			"\"a\\\"\\\\/\\b\\f\\n\\r\\t\\u0000\\u001f\x7f\u0080é\u2028\U0001F600\ufffd\""},
		{"nested indent", Object{
			{"a", []any{}},
			{"b", Object{}},
			{"c", []any{1, Object{{"d", nil}, {"e", true}}}},
			{"f", big30},
			{"g", big.NewInt(0).Neg(big.NewInt(0).Exp(big.NewInt(10), big.NewInt(20), nil))},
		}, indent2, `{
  "a": [],
  "b": {},
  "c": [
    1,
    {
      "d": null,
      "e": true
    }
  ],
  "f": 1000000000000000000000000000000,
  "g": -100000000000000000000
}`},
		{"empty top level", []any{Object{}, []string{}}, indent2, "[\n  {},\n  []\n]"},
		{"one line", Object{{"a", []any{1, 2}}, {"b", Object{{"x", 1}}}}, oneLine, `{"a": [1, 2], "b": {"x": 1}}`},
		{"sort keys indent 0", map[string]any{"b": []any{1, 2}, "a": Object{{"y", 1}, {"x", 2}}}, Options{SortKeys: true},
			"{\n\"a\": {\n\"x\": 2,\n\"y\": 1\n},\n\"b\": [\n1,\n2\n]\n}"},
		{"separators", []any{1, []any{2, []any{}}}, Options{Indent: 4, ItemSep: ";", KeySep: "="},
			"[\n    1;\n    [\n        2;\n        []\n    ]\n]"},
		{"compact", Object{{"a", []string{"x", "y"}}}, Options{Indent: -1, ItemSep: ",", KeySep: ":"}, `{"a":["x","y"]}`},
		{"lone surrogates", "\xed\xa0\x80x\xed\xb0\x80", oneLine, `"\ud800x\udc00"`},
		{"invalid utf-8", "a\xffb", oneLine, `"a\ufffdb"`},
		{"ints", []any{int8(-1), uint64(math.MaxUint64), int64(math.MinInt64), false}, oneLine,
			`[-1, 18446744073709551615, -9223372036854775808, false]`},
	} {
		got, err := Marshal(c.v, c.o)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if string(got) != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
}

// encodeValue gives v to e call by call, as a Writer's or Builder's user
// does.
func encodeValue(e Encoder, v any) {
	switch v := v.(type) {
	case Object:
		e.BeginObject()
		for _, m := range v {
			e.Key(m.Key)
			encodeValue(e, m.Value)
		}
		e.EndObject()
	case []any:
		e.BeginArray()
		for _, x := range v {
			encodeValue(e, x)
		}
		e.EndArray()
	case string:
		e.String(v)
	case int64:
		e.Int(v)
	case bool:
		e.Bool(v)
	case nil:
		e.Null()
	default:
		e.Value(v)
	}
}

// TestEncoders checks that a document given call by call is written as
// Marshal writes its value, and built back as that value, in every
// layout; and that an unencodable value makes the Writer fail.
func TestEncoders(t *testing.T) {
	docs := []any{
		Object{
			{"b", Object{{"z", []any{Object{}, int64(1), []any{}}}, {"y", Object{{"x", Object{{"w", "v"}}}}}}},
			{"a", Object{}},
			{"c", []any{nil, true, "é", 2.5, []string{"s"}}},
		},
		[]any{},
		Object{},
		"top",
		[]any{Object{{Key: "a", Value: []any{int64(1), "x"}}}, "é", []any{}, nil},
	}
	for _, doc := range docs {
		for _, o := range []Options{indent2, oneLine, {Indent: 1}, {Indent: 0, ItemSep: ";"}, {IndentText: "\t"}} {
			want, err := Marshal(doc, o)
			if err != nil {
				t.Fatal(err)
			}
			w := NewWriter(o)
			encodeValue(w, doc)
			got, err := w.Bytes()
			if err != nil || string(got) != string(want) {
				t.Errorf("%+v: got %q, %v\nwant %q", o, got, err, want)
			}
		}
		var b Builder
		encodeValue(&b, doc)
		got, _ := Marshal(b.Result(), indent2)
		want, _ := Marshal(doc, indent2)
		if string(got) != string(want) {
			t.Errorf("built %q, want %q", got, want)
		}
	}
	w := NewWriter(oneLine)
	w.BeginObject()
	w.Key("a")
	w.Value(complex(1, 2))
	w.Key("b")
	w.Int(1)
	w.EndObject()
	if _, err := w.Bytes(); err == nil {
		t.Error("a document with an unencodable member was written")
	}
}

func TestMarshalErrors(t *testing.T) {
	for _, v := range []any{map[string]any{"a": 1}, struct{}{}, []any{1, complex(1, 2)}} {
		if _, err := Marshal(v, oneLine); err == nil {
			t.Errorf("Marshal(%#v) succeeded", v)
		}
	}
}

func TestUnmarshal(t *testing.T) {
	for _, c := range []struct {
		in   string
		want any // compared through Marshal with oneLine
		text string
	}{
		{` {"b": 1, "a": [1.0, -0.0, 1e400, -1e400, 1e-400, NaN, -Infinity]} `, nil,
			`{"b": 1, "a": [1.0, -0.0, Infinity, -Infinity, 0.0, NaN, -Infinity]}`},
		{`{"a": 1, "b": 2, "a": 3}`, nil, `{"a": 3, "b": 2}`},
		{`[123456789012345678901234567890, -9223372036854775808, 9223372036854775808, -0]`, nil,
			`[123456789012345678901234567890, -9223372036854775808, 9223372036854775808, 0]`},
		{`"\ud83d\ude00\u00e9\/\ud800\udc00\udc00\ud800x"`, nil, `"\ud83d\ude00\u00e9/\ud800\udc00\udc00\ud800x"`},
		{"\"é\U0001F600\"", nil, `"\u00e9\ud83d\ude00"`},
		{`[true, false, null, {}, [], ""]`, nil, `[true, false, null, {}, [], ""]`},
		{`1E2`, nil, `100.0`},
	} {
		v, err := Unmarshal([]byte(c.in))
		if err != nil {
			t.Errorf("Unmarshal(%q): %v", c.in, err)
			continue
		}
		got, err := Marshal(v, oneLine)
		if err != nil {
			t.Errorf("Marshal(Unmarshal(%q)): %v", c.in, err)
			continue
		}
		if string(got) != c.text {
			t.Errorf("Unmarshal(%q) → %s, want %s", c.in, got, c.text)
		}
	}
}

func TestUnmarshalTypes(t *testing.T) {
	v, err := Unmarshal([]byte(`[30, 30.0, 99999999999999999999, "s"]`))
	if err != nil {
		t.Fatal(err)
	}
	items := v.([]any)
	if _, ok := items[0].(int64); !ok {
		t.Errorf("30 is %T", items[0])
	}
	if _, ok := items[1].(float64); !ok {
		t.Errorf("30.0 is %T", items[1])
	}
	if _, ok := items[2].(*big.Int); !ok {
		t.Errorf("99999999999999999999 is %T", items[2])
	}
}

func TestUnmarshalErrors(t *testing.T) {
	for _, c := range []struct {
		in, want string
		kind     ErrorKind
	}{
		{``, "1:1: unexpected end of input, expecting a value", KindValue},
		{`{"a": [1, 2`, "1:12: $.a: unexpected end of input, expecting ',' or ']'", KindComma},
		{"{\n  \"methods\": [\n    {\"x\": tru}", "3:11: $.methods[0].x: expecting a value", KindValue},
		{`{"a" 1}`, "1:6: expecting ':' delimiter", KindColon},
		{`{"a": 1,}`, "1:9: expecting a property name enclosed in double quotes", KindPropertyName},
		{`[1 2]`, "1:4: expecting ',' delimiter", KindComma},
		{`[01]`, "1:3: expecting ',' delimiter", KindComma},
		{`1 2`, "1:3: extra data after the JSON value", KindExtraData},
		{`"abc`, "1:1: unterminated string", KindUnterminated},
		{"[\"a\tb\"]", "1:4: $[0]: invalid control character in string", KindControl},
		{`["\x"]`, `1:3: $[0]: invalid \escape`, KindEscape},
		{`["\u12g4"]`, `1:3: $[0]: invalid \uXXXX escape`, KindUnicodeEscape},
		{"\"\xff\"", "1:2: invalid UTF-8 in string", KindUTF8},
		{`-`, "1:1: expecting a value", KindValue},
		{`{"a b": nul}`, `1:9: $["a b"]: expecting a value`, KindValue},
		{strings.Repeat("[", maxDepth+1), "1:10001: $" + strings.Repeat("[0]", maxDepth) + ": nesting deeper than 10000 levels", KindDepth},
		{strings.Repeat("9", maxIntDigits+1), "1:1: integer with more than 4300 digits", KindIntDigits},
	} {
		_, err := Unmarshal([]byte(c.in))
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("Unmarshal(%.40q) = %v, want a *SyntaxError", c.in, err)
			continue
		}
		if se.Kind != c.kind {
			t.Errorf("Unmarshal(%.40q): kind %d, want %d", c.in, se.Kind, c.kind)
		}
		if err.Error() != c.want {
			t.Errorf("Unmarshal(%.40q):\n got %s\nwant %s", c.in, shorten(err.Error()), shorten(c.want))
		}
	}
}

// TestUnicodeEscapeAtEnd checks CPython's rule that the four hex digits
// of a \u escape must not end the input.
func TestUnicodeEscapeAtEnd(t *testing.T) {
	_, err := Unmarshal([]byte(`"\u1234`))
	var se *SyntaxError
	if !errors.As(err, &se) || se.Kind != KindUnicodeEscape || se.Offset != 1 {
		t.Errorf("got %v, want an invalid \\uXXXX escape at offset 1", err)
	}
}

// TestIndentText checks a str indent (json.dumps(indent="\t")).
func TestIndentText(t *testing.T) {
	got, err := Marshal(Object{{"a", []any{1, Object{}}}}, Options{Indent: -1, IndentText: "\t"})
	if err != nil {
		t.Fatal(err)
	}
	if want := "{\n\t\"a\": [\n\t\t1,\n\t\t{}\n\t]\n}"; string(got) != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func shorten(s string) string {
	if len(s) > 200 {
		return s[:100] + "…" + s[len(s)-100:]
	}
	return s
}

func TestUnmarshalMaxIntDigits(t *testing.T) {
	for _, in := range []string{strings.Repeat("9", maxIntDigits), "-" + strings.Repeat("9", maxIntDigits)} {
		if _, err := Unmarshal([]byte(in)); err != nil {
			t.Errorf("%d-digit integer: %v", maxIntDigits, err)
		}
	}
}

func TestObjectGet(t *testing.T) {
	o := Object{{"a", int64(1)}, {"b", nil}}
	if v, ok := o.Get("b"); !ok || v != nil {
		t.Errorf("Get(b) = %v, %v", v, ok)
	}
	if _, ok := o.Get("c"); ok {
		t.Error("Get(c) found a member")
	}
}

// FuzzRoundTrip checks that any document Unmarshal accepts is written by
// Marshal in a form that reads back to the same text, and is accepted by
// UnmarshalShallow too.
func FuzzRoundTrip(f *testing.F) {
	for _, s := range []string{`{"a": [1, 2.5, "x\u00e9"], "b": null}`, `[NaN, -Infinity, 1e400]`, `"\ud800"`, `123456789012345678901234567890`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		v, err := Unmarshal(data)
		_, shallowErr := UnmarshalShallow(data, 1)
		if err != nil {
			return
		}
		if shallowErr != nil {
			t.Fatalf("UnmarshalShallow rejects what Unmarshal accepts: %v", shallowErr)
		}
		for _, o := range []Options{indent2, {Indent: -1}} {
			first, err := Marshal(v, o)
			if err != nil {
				t.Fatalf("Marshal: %v", err)
			}
			v2, err := Unmarshal(first)
			if err != nil {
				t.Fatalf("Unmarshal(Marshal(v)) = %v for %q", err, first)
			}
			second, err := Marshal(v2, o)
			if err != nil {
				t.Fatalf("Marshal: %v", err)
			}
			if string(first) != string(second) {
				t.Fatalf("round trip changed %q into %q", first, second)
			}
		}
	})
}

func TestStrRepr(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Echo", `'Echo'`},
		{"it's", `"it's"`},
		{`a"b'c`, `'a"b\'c'`},
		{"tab\there\n", `'tab\there\n'`},
		{"\x00\x7f\u00a0é\u2028\U0001F600\U000E0001\\", `'\x00\x7f\xa0é\u2028😀\U000e0001\\'`},
		{"\xed\xa0\x80", `'\ud800'`},
		{"a\xffb", `'a\udcffb'`},
	} {
		if got := StrRepr(c.in); got != c.want {
			t.Errorf("StrRepr(%q) = %s, want %s", c.in, got, c.want)
		}
	}
}

func TestOSStrRepr(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", `''`},
		{" yes ", `' yes '`},
		{"it's", `"it's"`},
		{`say "hi"`, `'say "hi"'`},
		{`'"`, `'\'"'`},
		{`a\b`, `'a\\b'`},
		{"\t\n\r", `'\t\n\r'`},
		{"a\x01b\x00\x7f", `'a\x01b\x00\x7f'`},
		{"\u00a0é\u2028\U000e0001", `'\xa0é\u2028\U000e0001'`},
		{"日本😀\u00a0", `'日本😀\xa0'`},
		{"\xff", `'\udcff'`},
		{"\xed\xa0\x80", `'\udced\udca0\udc80'`},
		{"a\xe2\x82", `'a\udce2\udc82'`},
		{"\xc0\x80", `'\udcc0\udc80'`},
	} {
		if got := OSStrRepr(c.in); got != c.want {
			t.Errorf("OSStrRepr(%q) = %s, want %s", c.in, got, c.want)
		}
	}
}

// TestMarshalLarge checks large documents, written in several chunks,
// and a string longer than a chunk.
func TestMarshalLarge(t *testing.T) {
	long := strings.Repeat("x", chunk+10)
	if got, err := Marshal([]any{"a", long}, oneLine); err != nil || string(got) != `["a", "`+long+`"]` {
		t.Errorf("a string of %d bytes: got %d bytes, %v", len(long), len(got), err)
	}
	for _, first := range []string{"item 000000", ""} {
		items := make([]any, 300000)
		var want strings.Builder
		want.WriteString("[")
		for i := range items {
			s := strconv.Itoa(i)
			s = "item " + strings.Repeat("0", 6-len(s)) + s
			if i == 0 {
				s = first
			}
			items[i] = s
			if i > 0 {
				want.WriteString(",")
			}
			want.WriteString("\n  \"" + s + "\"")
		}
		want.WriteString("\n]")
		got, err := Marshal(items, Options{Indent: 2})
		if err != nil || string(got) != want.String() {
			t.Fatalf("first item %q: got %d bytes, %v; want %d bytes", first, len(got), err, want.Len())
		}
		// A stream writes the same text, in pieces.
		var dst pieces
		w := NewStream(Options{Indent: 2}, &dst)
		w.Value(items)
		if err := w.Flush(); err != nil || dst.String() != want.String() || w.Size() != want.Len() || dst.writes < 2 {
			t.Errorf("first item %q: streamed %d bytes in %d writes (%d counted), %v; want %d", first, dst.Len(), dst.writes, w.Size(), err, want.Len())
		}
	}
}

// TestItems checks that arrays written in parallel blocks are the arrays
// written item by item, at any depth and in every layout, and that an
// item that cannot be encoded fails the document.
func TestItems(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(3)) // blocks even on one processor
	items := make([]any, 1000)
	for i := range items {
		switch i % 3 {
		case 0:
			items[i] = Object{{"n", int64(i)}, {"l", []any{"é", nil}}}
		case 1:
			items[i] = []any{}
		default:
			items[i] = fmt.Sprint("item ", i)
		}
	}
	// Indent 130 is wider than the indentation a Writer starts with: the
	// pieces add to it.
	for _, o := range []Options{indent2, oneLine, {IndentText: "\t", ItemSep: ";"}, {Indent: 130}} {
		for _, n := range []int{0, 1, itemsPerBlock*2 - 1, itemsPerBlock * 2, itemsPerBlock*6 + 1, len(items)} {
			want, err := Marshal(Object{{"a", []any{true, items[:n]}}}, o)
			if err != nil {
				t.Fatal(err)
			}
			w := NewWriter(o)
			w.BeginObject()
			w.Key("a")
			w.BeginArray()
			w.Bool(true)
			w.BeginArray()
			w.Items(n, func(w *Writer, i int) { w.Value(items[i]) })
			w.EndArray()
			w.EndArray()
			w.EndObject()
			got, err := w.Bytes()
			if err != nil || string(got) != string(want) {
				t.Errorf("%+v, %d items: got %.200q, %v\nwant %.200q", o, n, got, err, want)
			}
		}
	}
	w := NewWriter(oneLine)
	w.BeginArray()
	w.Items(len(items), func(w *Writer, i int) {
		if i == 700 {
			w.Value(complex(1, 2))
		} else {
			w.Value(items[i])
		}
	})
	w.EndArray()
	if _, err := w.Bytes(); err == nil {
		t.Error("an array with an unencodable item was written")
	}
}

// TestUnmarshalShallow checks that the arrays and objects past the depth
// are passed over, strings with brackets and escapes included, that the
// rest is as Unmarshal reads it, and that cut documents are errors.
func TestUnmarshalShallow(t *testing.T) {
	doc := `[{"a": [1, {"b": "x\\\"]}"}], "c": 2, "d": {}}, 3]`
	got, err := UnmarshalShallow([]byte(doc), 2)
	want := []any{Object{{"a", Skipped{}}, {"c", int64(2)}, {"d", Skipped{}}}, int64(3)}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("UnmarshalShallow = %#v, %v", got, err)
	}
	full, _ := Unmarshal([]byte(doc))
	if got, err := UnmarshalShallow([]byte(doc), 10); err != nil || !reflect.DeepEqual(got, full) {
		t.Errorf("deep enough: %#v, %v; want %#v", got, err, full)
	}
	for _, bad := range []string{`[[1, 2]`, `[["x]]`, `[["\`, `[[`, `[{"a": "\"}`, `[[]] x`} {
		if _, err := UnmarshalShallow([]byte(bad), 1); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

// TestPlainCopy checks the word-at-a-time test of plainCopy against the
// byte by byte definition, and its copy, for every byte value at every
// position of strings of up to 24 bytes, the rest of which is printable
// ASCII.
func TestPlainCopy(t *testing.T) {
	want := func(s string) bool {
		for i := 0; i < len(s); i++ {
			if c := s[i]; c < 0x20 || c >= 0x7f || c == '"' || c == '\\' {
				return false
			}
		}
		return true
	}
	const background = "~ aZ!#[]^_`{|}09~ aZ!#[]^_`{|}09"
	for n := 0; n <= 24; n++ {
		for at := -1; at < n; at++ {
			for c := range 256 {
				s := []byte(background[:n])
				if at >= 0 {
					s[at] = byte(c)
				} else if c > 0 {
					break // the background alone, once
				}
				dst := []byte(strings.Repeat("\x00", n+1))
				got := plainCopy(dst[:n], string(s))
				if got != want(string(s)) {
					t.Fatalf("plainCopy(%q) = %v", s, got)
				}
				if got && string(dst) != string(s)+"\x00" {
					t.Fatalf("plainCopy(%q) copied %q", s, dst)
				}
			}
		}
	}
}

// pieces is a destination that counts the writes it takes.
type pieces struct {
	bytes.Buffer
	writes int
}

func (p *pieces) Write(b []byte) (int, error) {
	p.writes++
	return p.Buffer.Write(b)
}

// matching is a destination that takes only the start of rest, and takes
// it off.
type matching struct{ rest []byte }

func (m *matching) Write(b []byte) (int, error) {
	if !bytes.HasPrefix(m.rest, b) {
		return 0, fmt.Errorf("wrote %.40q where %.40q follows", b, m.rest)
	}
	m.rest = m.rest[len(b):]
	return len(b), nil
}

// failing is a destination that takes ok bytes, then fails.
type failing struct{ ok int }

func (f *failing) Write(b []byte) (int, error) {
	if len(b) > f.ok {
		n := f.ok
		f.ok = 0
		return n, errors.New("disk full")
	}
	f.ok -= len(b)
	return len(b), nil
}

// TestStream streams documents of one piece and of many, with their
// arrays written in parallel blocks, and checks that the text is the one
// Marshal gives, that the writer's memory stays a few blocks however long
// the document, and that an encoding error or the destination's error
// ends the writing.
func TestStream(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(3)) // blocks even on one processor
	write := func(w *Writer, items []any) {
		w.BeginObject()
		w.Key("items")
		w.BeginArray()
		w.Items(len(items), func(w *Writer, i int) { w.Value(items[i]) })
		w.EndArray()
		w.EndObject()
	}
	for _, n := range []int{3, 300000} {
		items := make([]any, n)
		for i := range items {
			items[i] = Object{{"item", int64(i)}, {"text", fmt.Sprint("item ", i, " ", strings.Repeat("é", i%50))}}
		}
		want, _ := Marshal(Object{{"items", items}}, indent2)
		dst := &matching{rest: want}
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		w := NewStream(indent2, dst)
		write(w, items)
		err := w.Flush()
		runtime.ReadMemStats(&after)
		if err != nil || len(dst.rest) != 0 || w.Size() != len(want) {
			t.Fatalf("%d items: streamed %d bytes of the %d Marshal gives, then %v (%d left to match)", n, w.Size(), len(want), err, len(dst.rest))
		}
		if alloc := after.TotalAlloc - before.TotalAlloc; n > 3 && alloc > 4<<20 {
			t.Errorf("%d items: streaming %d bytes allocated %d", n, len(want), alloc)
		}
	}
	items := make([]any, 1000)
	for i := range items {
		items[i] = fmt.Sprint("item ", i)
	}
	items[700] = complex(1, 2)
	var dst pieces
	w := NewStream(indent2, &dst)
	write(w, items)
	if err := w.Flush(); err == nil || strings.Contains(dst.String(), `"item 701"`) {
		t.Fatalf("an unencodable value: wrote %d bytes, %v", dst.Len(), err)
	}
	full := &failing{ok: 100000}
	w = NewStream(indent2, full)
	long := make([]any, 100000)
	for i := range long {
		long[i] = "item"
	}
	write(w, long)
	if err := w.Flush(); err == nil || err.Error() != "disk full" || w.Size() != 100000 {
		t.Fatalf("a destination that fails after 100000 bytes: %v after %d bytes", err, w.Size())
	}
}
