// Package pyjson reads and writes JSON exactly as CPython's json module
// does: json.dumps layout, escaping and float repr, and json.loads with
// member order, the int/float distinction and the NaN/Infinity tokens kept.
package pyjson

import (
	"fmt"
	"math"
	"math/big"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Object is a JSON object with its members in order.
type Object []Member

// Member is one key/value pair of an Object.
type Member struct {
	Key   string
	Value any
}

// Get returns the value of the member named key and whether it exists.
func (o Object) Get(key string) (any, bool) {
	for _, m := range o {
		if m.Key == key {
			return m.Value, true
		}
	}
	return nil, false
}

// ObjectWriter is a JSON object that passes its members, in order, to
// add. Marshal writes each member as it comes, so that the objects of a
// large document need not exist at once.
type ObjectWriter interface {
	JSONMembers(add func(key string, value any))
}

// Collect returns the members that members passes to add as an Object.
func Collect(members func(add func(key string, value any))) Object {
	obj := make(Object, 0, 16) // room for most objects' members
	members(func(key string, value any) { obj = append(obj, Member{key, value}) })
	return obj
}

// Options are the json.dumps arguments that change the output.
type Options struct {
	// Indent is the number of spaces per level; -1 writes one line (Python
	// indent=None). 0 still breaks lines, as in Python.
	Indent int
	// IndentText, when not empty, is one level of indentation instead of
	// Indent spaces (Python indent given as a str); lines are then broken
	// whatever Indent is.
	IndentText string
	// ItemSep separates items; "" is Python's default: "," with indent,
	// ", " without.
	ItemSep string
	// KeySep separates a key from its value; "" is ": ".
	KeySep string
	// ASCII escapes every character outside U+0020–U+007E (ensure_ascii).
	ASCII bool
	// SortKeys writes object members sorted by key.
	SortKeys bool
}

// Marshal encodes v as json.dumps would. Values: nil, bool, the Go integer
// types, *big.Int, float64, float32, string, []any, []string, Object,
// ObjectWriter, and map[string]any (only with SortKeys, since a Go map has
// no order).
func Marshal(v any, o Options) ([]byte, error) {
	e := newEncoder(o)
	if err := e.value(v, 0); err != nil {
		return nil, err
	}
	return e.bytes(), nil
}

// MarshalArray encodes a JSON array of n items as Marshal encodes a []any,
// asking item for each value only when it is written, so that the values
// of a large document need not all exist at once.
func MarshalArray(n int, item func(i int) any, o Options) ([]byte, error) {
	e := newEncoder(o)
	if err := e.items(n, item, 0); err != nil {
		return nil, err
	}
	return e.bytes(), nil
}

func newEncoder(o Options) *encoder {
	if o.IndentText != "" {
		o.Indent = max(o.Indent, 0)
	}
	e := &encoder{opt: o, itemSep: o.ItemSep, keySep: o.KeySep}
	if e.itemSep == "" {
		e.itemSep = ", "
		if o.Indent >= 0 {
			e.itemSep = ","
		}
	}
	if e.keySep == "" {
		e.keySep = ": "
	}
	return e
}

type encoder struct {
	b []byte
	// full are the filled chunks before b, of size bytes in all.
	full    [][]byte
	size    int
	opt     Options
	itemSep string
	keySep  string
	// w and add serve ObjectWriter values.
	w   writerState
	add func(key string, value any)
}

// newline starts a new line at the given depth when indenting.
func (e *encoder) newline(depth int) {
	e.reserve()
	if e.opt.Indent < 0 {
		return
	}
	e.b = append(e.b, '\n')
	if e.opt.IndentText != "" {
		for range depth {
			e.reserve()
			e.b = append(e.b, e.opt.IndentText...)
		}
		return
	}
	for n := e.opt.Indent * depth; n > 0; {
		k := min(n, len(spaces))
		e.b = append(e.b, spaces[:k]...)
		n -= k
	}
}

// spaces is a run of indentation.
const spaces = "                                                                "

// chunk is the size of the pieces a large document is written in.
const chunk = 1 << 20

// reserve makes room when less than a line's worth is free: it doubles a
// small buffer, and past chunk bytes sets the full buffer aside and starts
// another, so a large document is copied once, by bytes, and not at every
// doubling.
func (e *encoder) reserve() {
	if cap(e.b)-len(e.b) >= 1024 {
		return
	}
	if cap(e.b) < chunk {
		e.b = append(make([]byte, 0, 2*cap(e.b)+4096), e.b...)
		return
	}
	e.full = append(e.full, e.b)
	e.size += len(e.b)
	e.b = make([]byte, 0, chunk)
}

// bytes returns the document written.
func (e *encoder) bytes() []byte {
	if e.full == nil {
		return e.b
	}
	out := make([]byte, 0, e.size+len(e.b))
	for _, c := range e.full {
		out = append(out, c...)
	}
	return append(out, e.b...)
}

func (e *encoder) value(v any, depth int) error {
	e.reserve()
	switch x := v.(type) {
	case nil:
		e.b = append(e.b, "null"...)
	case bool:
		e.b = strconv.AppendBool(e.b, x)
	case int:
		e.b = strconv.AppendInt(e.b, int64(x), 10)
	case int8:
		e.b = strconv.AppendInt(e.b, int64(x), 10)
	case int16:
		e.b = strconv.AppendInt(e.b, int64(x), 10)
	case int32:
		e.b = strconv.AppendInt(e.b, int64(x), 10)
	case int64:
		e.b = strconv.AppendInt(e.b, x, 10)
	case uint:
		e.b = strconv.AppendUint(e.b, uint64(x), 10)
	case uint8:
		e.b = strconv.AppendUint(e.b, uint64(x), 10)
	case uint16:
		e.b = strconv.AppendUint(e.b, uint64(x), 10)
	case uint32:
		e.b = strconv.AppendUint(e.b, uint64(x), 10)
	case uint64:
		e.b = strconv.AppendUint(e.b, x, 10)
	case *big.Int:
		if x == nil {
			return fmt.Errorf("pyjson: nil *big.Int")
		}
		e.b = x.Append(e.b, 10)
	case float64:
		e.float(x)
	case float32:
		e.float(float64(x))
	case string:
		e.string(x)
	case []string:
		e.strings(x, depth)
	case []any:
		return e.array(x, depth)
	case Object:
		return e.object(x, depth)
	case ObjectWriter:
		if e.opt.SortKeys {
			return e.object(Collect(x.JSONMembers), depth)
		}
		return e.objectWriter(x, depth)
	case map[string]any:
		if !e.opt.SortKeys {
			return fmt.Errorf("pyjson: map[string]any has no member order; use Object or SortKeys")
		}
		obj := make(Object, 0, len(x))
		for k, val := range x {
			obj = append(obj, Member{k, val})
		}
		return e.object(obj, depth)
	default:
		return fmt.Errorf("pyjson: value of type %T is not JSON serializable", v)
	}
	return nil
}

func (e *encoder) float(f float64) {
	switch {
	case math.IsNaN(f):
		e.b = append(e.b, "NaN"...)
	case math.IsInf(f, 1):
		e.b = append(e.b, "Infinity"...)
	case math.IsInf(f, -1):
		e.b = append(e.b, "-Infinity"...)
	default:
		e.b = append(e.b, FloatRepr(f)...)
	}
}

func (e *encoder) array(items []any, depth int) error {
	return e.items(len(items), func(i int) any { return items[i] }, depth)
}

// items writes an array of n values that item gives.
func (e *encoder) items(n int, item func(int) any, depth int) error {
	if n == 0 {
		e.b = append(e.b, "[]"...)
		return nil
	}
	e.b = append(e.b, '[')
	for i := range n {
		if i > 0 {
			e.b = append(e.b, e.itemSep...)
		}
		e.newline(depth + 1)
		if err := e.value(item(i), depth+1); err != nil {
			return err
		}
	}
	e.newline(depth)
	e.b = append(e.b, ']')
	return nil
}

// strings writes a string list as array writes it.
func (e *encoder) strings(items []string, depth int) {
	if len(items) == 0 {
		e.b = append(e.b, "[]"...)
		return
	}
	e.b = append(e.b, '[')
	for i, s := range items {
		if i > 0 {
			e.b = append(e.b, e.itemSep...)
		}
		e.newline(depth + 1)
		e.string(s)
	}
	e.newline(depth)
	e.b = append(e.b, ']')
}

func (e *encoder) object(obj Object, depth int) error {
	if e.opt.SortKeys {
		obj = append(Object(nil), obj...)
		sort.SliceStable(obj, func(i, j int) bool { return obj[i].Key < obj[j].Key })
	}
	for i, m := range obj {
		if err := e.member(i, m.Key, m.Value, depth); err != nil {
			return err
		}
	}
	e.endObject(len(obj), depth)
	return nil
}

// member writes the i-th member of an object at depth (opening it).
func (e *encoder) member(i int, key string, value any, depth int) error {
	if i == 0 {
		e.b = append(e.b, '{')
	} else {
		e.b = append(e.b, e.itemSep...)
	}
	e.newline(depth + 1)
	e.string(key)
	e.b = append(e.b, e.keySep...)
	return e.value(value, depth+1)
}

// endObject closes an object of n members.
func (e *encoder) endObject(n, depth int) {
	if n == 0 {
		e.b = append(e.b, "{}"...)
		return
	}
	e.newline(depth)
	e.b = append(e.b, '}')
}

// writerState is the object an ObjectWriter is writing.
type writerState struct {
	n, depth int
	err      error
}

// objectWriter writes w's members as w passes them to e.add, a function
// made once per encoder; e.w is the state of the innermost object.
func (e *encoder) objectWriter(w ObjectWriter, depth int) error {
	outer := e.w
	e.w = writerState{depth: depth}
	if e.add == nil {
		e.add = e.addMember
	}
	w.JSONMembers(e.add)
	st := e.w
	e.w = outer
	if st.err != nil {
		return st.err
	}
	e.endObject(st.n, depth)
	return nil
}

func (e *encoder) addMember(key string, value any) {
	if e.w.err != nil {
		return
	}
	i := e.w.n
	e.w.n++
	// Nested objects save and restore e.w.
	if err := e.member(i, key, value, e.w.depth); err != nil {
		e.w.err = err
	}
}

// string writes s quoted. Invalid UTF-8 is read as U+FFFD, except the
// three-byte encodings of UTF-16 surrogates (which Unmarshal produces for
// lone \ud800-style escapes): those are written back as \uxxxx in both
// modes, since UTF-8 output cannot hold them.
func (e *encoder) string(s string) {
	e.b = append(e.b, '"')
	for i := 0; i < len(s); {
		// A run of printable ASCII other than the quote and the backslash
		// is written as it is.
		run := i
		for run < len(s) && s[run] >= 0x20 && s[run] < 0x7f && s[run] != '"' && s[run] != '\\' {
			run++
		}
		if run > i {
			e.b = append(e.b, s[i:run]...)
			i = run
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			if sr, ok := surrogateAt(s[i:]); ok {
				e.b = appendEscape(e.b, sr)
				i += 3
				continue
			}
			r = utf8.RuneError
		}
		i += n
		switch r {
		case '"':
			e.b = append(e.b, `\"`...)
		case '\\':
			e.b = append(e.b, `\\`...)
		case '\b':
			e.b = append(e.b, `\b`...)
		case '\f':
			e.b = append(e.b, `\f`...)
		case '\n':
			e.b = append(e.b, `\n`...)
		case '\r':
			e.b = append(e.b, `\r`...)
		case '\t':
			e.b = append(e.b, `\t`...)
		default:
			switch {
			case r < 0x20 || (e.opt.ASCII && r >= 0x7f && r < 0x10000):
				e.b = appendEscape(e.b, r)
			case e.opt.ASCII && r >= 0x10000:
				r -= 0x10000
				e.b = appendEscape(appendEscape(e.b, 0xd800+(r>>10)), 0xdc00+(r&0x3ff))
			default:
				e.b = utf8.AppendRune(e.b, r)
			}
		}
	}
	e.b = append(e.b, '"')
}

// appendEscape appends \uxxxx (lowercase hex) for r < 0x10000.
func appendEscape(b []byte, r rune) []byte {
	const hex = "0123456789abcdef"
	return append(b, '\\', 'u', hex[r>>12&0xf], hex[r>>8&0xf], hex[r>>4&0xf], hex[r&0xf])
}

// surrogateAt decodes a UTF-16 surrogate code point encoded as three UTF-8
// style bytes (ED A0..BF 80..BF) at the start of s.
func surrogateAt(s string) (rune, bool) {
	if len(s) < 3 || s[0] != 0xed || s[1] < 0xa0 || s[1] > 0xbf || s[2] < 0x80 || s[2] > 0xbf {
		return 0, false
	}
	return 0xd000 | rune(s[1]&0x3f)<<6 | rune(s[2]&0x3f), true
}

// appendSurrogate appends the three-byte form of a lone surrogate r.
func appendSurrogate(b []byte, r rune) []byte {
	return append(b, 0xed, byte(0x80|(r>>6)&0x3f), byte(0x80|r&0x3f))
}

// FloatRepr is Python's repr of a finite float: the shortest round-trip
// digits, positional with at least one fractional digit when the decimal
// exponent is in [-4, 16), otherwise d.ddde±XX. Infinities and NaN give
// "inf", "-inf" and "nan".
func FloatRepr(f float64) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	}
	s := strconv.FormatFloat(f, 'e', -1, 64) // [-]d[.ddd]e±XX
	sign := ""
	if s[0] == '-' {
		sign, s = "-", s[1:]
	}
	mant, expText, _ := strings.Cut(s, "e")
	exp, _ := strconv.Atoi(expText)
	digits := strings.Replace(mant, ".", "", 1)
	if exp >= -4 && exp < 16 {
		var intPart, frac string
		if exp >= 0 {
			if len(digits) > exp+1 {
				intPart, frac = digits[:exp+1], digits[exp+1:]
			} else {
				intPart = digits + strings.Repeat("0", exp+1-len(digits))
			}
		} else {
			intPart, frac = "0", strings.Repeat("0", -exp-1)+digits
		}
		if frac == "" {
			frac = "0"
		}
		return sign + intPart + "." + frac
	}
	out := sign + digits[:1]
	if len(digits) > 1 {
		out += "." + digits[1:]
	}
	esign := "+"
	if exp < 0 {
		esign, exp = "-", -exp
	}
	return fmt.Sprintf("%se%s%02d", out, esign, exp)
}
