// Package pyjson reads and writes JSON exactly as CPython's json module
// does: json.dumps layout, escaping and float repr, and json.loads with
// member order, the int/float distinction and the NaN/Infinity tokens kept.
package pyjson

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
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

// Encoder takes a document value by value: objects and arrays are opened
// and closed by calls, and Key names the next member of an object. A
// Writer writes the document's JSON text; a Builder builds its values.
type Encoder interface {
	BeginObject()
	// Key names the next member of the open object; its value follows.
	Key(k string)
	EndObject()
	BeginArray()
	EndArray()
	String(s string)
	Int(i int64)
	Bool(b bool)
	Null()
	// Value takes any value Marshal takes.
	Value(v any)
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
// types, *big.Int, float64, float32, string, []any, []string, Object, and
// map[string]any (only with SortKeys, since a Go map has no order).
func Marshal(v any, o Options) ([]byte, error) {
	w := NewWriter(o)
	w.Value(v)
	return w.Bytes()
}

// Writer is an Encoder that writes JSON text as json.dumps lays it out
// with its Options. The first value it cannot encode is the error Bytes
// returns; SortKeys applies to the Objects and maps given to Value.
type Writer struct {
	// buf[:n] is the text written since the filled chunks full, of size
	// bytes in all. Writes copy into buf and move n, so that they store no
	// pointer (which the collector would have to see while it runs).
	buf  []byte
	n    int
	full [][]byte
	size int
	// dst, when set, is where a streaming Writer writes its text as buf
	// fills (NewStream); full then stays empty.
	dst io.Writer
	// spare are buffers to fill again, whole, before new ones are made.
	spare [][]byte
	// part is set on the Writers of Items' blocks, whose buffers grow to
	// streamChunk bytes only: a block's text is handed on in pieces.
	part bool
	layout
	position
	err error
}

// position is where a Writer is in the document. It holds no pointer, so
// that the writes that move it need no write barrier.
type position struct {
	// depth is the number of objects and arrays open.
	depth int
	// lines[from:to] is the text to write before the next value or key:
	// nothing at the top level and after a key; else the item separator,
	// unless the item is the first, and a new line.
	from, to int
	// lines[:after] is the text before an item that follows another at
	// depth: the item separator and a new line, or nothing at the top
	// level.
	after int
	// filled is set once the innermost open object or array has an item.
	filled bool
}

// layout is the text a Writer writes between values, worked out once
// from its Options.
type layout struct {
	opt     Options
	itemSep string
	// keyEnd follows a key: the closing quote and the key separator.
	keyEnd string
	// unit is one level of indentation: "" on one line and with Indent 0.
	unit string
	// breaks is 1 when lines are broken, else 0.
	breaks int
	// lines is the item separator, then, when lines are broken, a newline
	// and units of indentation: its first len(itemSep)+breaks+d*len(unit)
	// bytes end an item and start the next one at depth d (see lineEnd).
	// It starts with the units that fit in indentBytes and grows with the
	// depth.
	lines string
}

// indentBytes is the indentation a layout starts with written out.
const indentBytes = 128

// NewWriter returns a Writer for a document laid out by o.
func NewWriter(o Options) *Writer {
	if o.IndentText != "" {
		o.Indent = max(o.Indent, 0)
	}
	l := layout{opt: o, itemSep: o.ItemSep, keyEnd: `"` + o.KeySep, unit: o.IndentText}
	if l.itemSep == "" {
		l.itemSep = ", "
		if o.Indent >= 0 {
			l.itemSep = ","
		}
	}
	if o.KeySep == "" {
		l.keyEnd = `": `
	}
	l.lines = l.itemSep
	if o.Indent >= 0 {
		if l.unit == "" {
			l.unit = strings.Repeat(" ", o.Indent)
		}
		l.breaks = 1
		l.lines += "\n"
		if l.unit != "" {
			l.lines += strings.Repeat(l.unit, indentBytes/len(l.unit))
		}
	}
	return &Writer{layout: l}
}

// NewStream returns a Writer for a document laid out by o that writes the
// text to dst as it goes, in pieces of streamChunk bytes or more, so that
// the document is never held whole; Flush writes the last piece. The
// first error of dst ends the writing and is the Writer's error.
func NewStream(o Options, dst io.Writer) *Writer {
	w := NewWriter(o)
	w.dst = dst
	return w
}

// streamChunk is the size of the pieces a streaming Writer writes.
const streamChunk = 64 << 10

// Flush writes the text a streaming Writer holds to its destination and
// returns the Writer's first error (of encoding or of the destination).
func (w *Writer) Flush() error {
	w.flush()
	return w.err
}

// flush writes buf[:n] to dst, unless an error came first.
func (w *Writer) flush() {
	if w.n > 0 && w.err == nil {
		w.write(w.buf[:w.n])
	}
	w.n = 0
}

// write writes b to dst, counting it; dst's error fails the Writer.
func (w *Writer) write(b []byte) {
	k, err := w.dst.Write(b)
	w.size += k
	if err != nil {
		w.fail(err)
	}
}

// Size is the number of bytes written: all the text so far, or for a
// streaming Writer the text handed to its destination.
func (w *Writer) Size() int { return w.size + w.n }

// Bytes returns the document written and the first encoding error. A
// document written in several buffers is joined by bytes.Join, which,
// unlike make, does not clear the memory before filling it.
func (w *Writer) Bytes() ([]byte, error) {
	if w.err != nil {
		return nil, w.err
	}
	w.setAside()
	if len(w.full) == 1 {
		return w.full[0], nil
	}
	return bytes.Join(w.full, nil), nil
}

// take returns the next k bytes of the buffer, to be filled: the one
// room check of every write.
func (w *Writer) take(k int) []byte {
	n := w.n + k
	if n > len(w.buf) {
		return w.fresh(k)
	}
	b := w.buf[w.n:n]
	w.n = n
	return b
}

// put writes s.
func (w *Writer) put(s string) { copy(w.take(len(s)), s) }

// putBytes writes b.
func (w *Writer) putBytes(b []byte) { copy(w.take(len(b)), b) }

// put2 writes a then b with one room check.
func (w *Writer) put2(a, b string) {
	buf := w.take(len(a) + len(b))
	copy(buf[copy(buf, a):], b)
}

// fresh makes room for k bytes and returns them, to be filled. A
// streaming Writer writes buf out and fills it again; another sets the
// text in buf aside and takes a spare buffer, or a new one twice as large
// as the one before, from 4096 bytes up to chunk bytes, or k bytes if
// more: text is never copied as a document grows, only once by Bytes. It
// is kept out of line, off the path of every write through take.
//
//go:noinline
func (w *Writer) fresh(k int) []byte {
	largest := chunk
	if w.part {
		largest = streamChunk
	}
	size := max(min(2*len(w.buf)+4096, largest), k)
	if w.dst != nil {
		w.flush()
		size = max(streamChunk, k)
	} else {
		w.setAside()
		if last := len(w.spare) - 1; last >= 0 && len(w.spare[last]) >= k {
			w.buf, w.spare = w.spare[last], w.spare[:last]
			size = 0
		}
	}
	if len(w.buf) < size {
		w.buf = make([]byte, size)
	}
	w.n = k
	return w.buf[:k]
}

// setAside adds the text in buf to the filled chunks.
func (w *Writer) setAside() {
	if w.n > 0 {
		w.full = append(w.full, w.buf[:w.n])
		w.size += w.n
	}
	w.buf, w.n = nil, 0
}

// before returns the text to write before the next value or key.
func (w *Writer) before() string { return w.lines[w.from:w.to] }

// wrote ends a value: the next one is after it.
func (w *Writer) wrote() { w.from, w.to, w.filled = 0, w.after, true }

// at sets the depth and the text between its items, adding indentation
// to lines when they hold too little.
func (w *Writer) at(d int) {
	w.depth, w.after = d, 0
	if d > 0 {
		w.after = w.lineEnd(d)
		if w.after > len(w.lines) {
			w.lines += strings.Repeat(w.unit, d)
		}
	}
}

// lineEnd is where a new line at depth d ends in lines.
func (w *Writer) lineEnd(d int) int { return len(w.itemSep) + w.breaks + d*len(w.unit) }

// Key implements Encoder.
func (w *Writer) Key(k string) {
	w.quoted(w.before(), k, w.keyEnd)
	w.from, w.to = 0, 0
}

// BeginObject implements Encoder.
func (w *Writer) BeginObject() { w.begin("{") }

// EndObject implements Encoder.
func (w *Writer) EndObject() { w.end("}") }

// BeginArray implements Encoder.
func (w *Writer) BeginArray() { w.begin("[") }

// EndArray implements Encoder.
func (w *Writer) EndArray() { w.end("]") }

func (w *Writer) begin(open string) {
	w.put2(w.before(), open)
	w.at(w.depth + 1)
	w.from, w.to, w.filled = len(w.itemSep), w.after, false
}

// end closes the innermost object or array: an empty one stays on its
// line, as in json.dumps.
func (w *Writer) end(close string) {
	line := ""
	if w.filled {
		line = w.lines[len(w.itemSep):w.lineEnd(w.depth-1)]
	}
	w.put2(line, close)
	w.at(w.depth - 1)
	w.wrote()
}

// String implements Encoder.
func (w *Writer) String(s string) {
	w.quoted(w.before(), s, `"`)
	w.wrote()
}

// Int implements Encoder.
func (w *Writer) Int(i int64) {
	var digits [20]byte
	w.text(string(strconv.AppendInt(digits[:0], i, 10)))
}

// Bool implements Encoder.
func (w *Writer) Bool(b bool) { w.text(strconv.FormatBool(b)) }

// Null implements Encoder.
func (w *Writer) Null() { w.text("null") }

// text writes a value that is s as it is.
func (w *Writer) text(s string) {
	w.put2(w.before(), s)
	w.wrote()
}

// Value implements Encoder.
func (w *Writer) Value(v any) {
	switch x := v.(type) {
	case nil:
		w.Null()
	case bool:
		w.Bool(x)
	case int:
		w.Int(int64(x))
	case int8:
		w.Int(int64(x))
	case int16:
		w.Int(int64(x))
	case int32:
		w.Int(int64(x))
	case int64:
		w.Int(x)
	case uint:
		w.uint(uint64(x))
	case uint8:
		w.uint(uint64(x))
	case uint32:
		w.uint(uint64(x))
	case uint64:
		w.uint(x)
	case *big.Int:
		if x == nil {
			w.fail(fmt.Errorf("pyjson: nil *big.Int"))
			return
		}
		w.text(x.String())
	case float64:
		w.float(x)
	case float32:
		w.float(float64(x))
	case string:
		w.String(x)
	case []string:
		w.BeginArray()
		for _, s := range x {
			w.String(s)
		}
		w.EndArray()
	case []any:
		w.BeginArray()
		for _, item := range x {
			w.Value(item)
		}
		w.EndArray()
	case Object:
		w.object(x)
	case map[string]any:
		if !w.opt.SortKeys {
			w.fail(fmt.Errorf("pyjson: map[string]any has no member order; use Object or SortKeys"))
			return
		}
		obj := make(Object, 0, len(x))
		for k, val := range x {
			obj = append(obj, Member{k, val})
		}
		w.object(obj)
	default:
		w.fail(fmt.Errorf("pyjson: value of type %T is not JSON serializable", v))
	}
}

// fail records the first error; the document is then not returned.
func (w *Writer) fail(err error) {
	if w.err == nil {
		w.err = err
	}
}

func (w *Writer) uint(u uint64) {
	var digits [20]byte
	w.text(string(strconv.AppendUint(digits[:0], u, 10)))
}

func (w *Writer) float(f float64) {
	switch {
	case math.IsNaN(f):
		w.text("NaN")
	case math.IsInf(f, 1):
		w.text("Infinity")
	case math.IsInf(f, -1):
		w.text("-Infinity")
	default:
		w.text(FloatRepr(f))
	}
}

func (w *Writer) object(obj Object) {
	if w.opt.SortKeys {
		obj = append(Object(nil), obj...)
		sort.SliceStable(obj, func(i, j int) bool { return obj[i].Key < obj[j].Key })
	}
	w.BeginObject()
	for _, m := range obj {
		w.Key(m.Key)
		w.Value(m.Value)
	}
	w.EndObject()
}

// chunk is the size of the pieces a large document is written in.
const chunk = 1 << 20

// quoted writes before, a quote, s and closing, which ends with the
// closing quote; when s needs no escaping (plainCopy), with one room
// check.
func (w *Writer) quoted(before, s, closing string) {
	b := w.take(len(before) + 1 + len(s) + len(closing))
	i := copy(b, before)
	b[i] = '"'
	i++
	if !plainCopy(b[i:], s) {
		w.n -= len(b) - i // give back the room for s and closing
		w.escaped(s)
		w.put(closing)
		return
	}
	copy(b[i+len(s):], closing)
}

// escaped writes s escaped as json.dumps escapes it in a string. Invalid
// UTF-8 is read as U+FFFD, except the three-byte encodings of UTF-16
// surrogates (which Unmarshal produces for lone \ud800-style escapes):
// those are written back as \uxxxx in both modes, since UTF-8 output
// cannot hold them.
func (w *Writer) escaped(s string) {
	for i := 0; i < len(s); {
		// A run of printable ASCII other than the quote and the backslash
		// is written as it is.
		run := i
		for run < len(s) && s[run] >= 0x20 && s[run] < 0x7f && s[run] != '"' && s[run] != '\\' {
			run++
		}
		if run > i {
			w.put(s[i:run])
			i = run
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			if sr, ok := surrogateAt(s[i:]); ok {
				w.escape(sr)
				i += 3
				continue
			}
			r = utf8.RuneError
		}
		i += n
		switch r {
		case '"':
			w.put(`\"`)
		case '\\':
			w.put(`\\`)
		case '\b':
			w.put(`\b`)
		case '\f':
			w.put(`\f`)
		case '\n':
			w.put(`\n`)
		case '\r':
			w.put(`\r`)
		case '\t':
			w.put(`\t`)
		default:
			switch {
			case r < 0x20 || (w.opt.ASCII && r >= 0x7f && r < 0x10000):
				w.escape(r)
			case w.opt.ASCII && r >= 0x10000:
				r -= 0x10000
				w.escape(0xd800 + (r >> 10))
				w.escape(0xdc00 + (r & 0x3ff))
			default:
				var enc [utf8.UTFMax]byte
				w.putBytes(enc[:utf8.EncodeRune(enc[:], r)])
			}
		}
	}
}

// plainCopy copies s into dst, which is as long, and reports whether s is
// written as it is: printable ASCII without a quote or a backslash. When
// it is not, dst holds part of s. It moves and tests eight bytes at a
// time: the words of s, the last one overlapping the one before, or for a
// shorter s its bytes gathered into one word padded with spaces.
func plainCopy(dst []byte, s string) bool {
	n := len(s)
	dst = dst[:n]
	switch {
	case n >= 8:
		var found uint64
		for i := 0; i < n-8; i += 8 {
			x := word(s[i:])
			binary.LittleEndian.PutUint64(dst[i:], x)
			found |= specials(x)
		}
		x := word(s[n-8:])
		binary.LittleEndian.PutUint64(dst[n-8:], x)
		return found|specials(x) == 0
	case n >= 4:
		lo, hi := half(s), half(s[n-4:])
		binary.LittleEndian.PutUint32(dst, lo)
		binary.LittleEndian.PutUint32(dst[n-4:], hi)
		return specials(uint64(lo)|uint64(hi)<<32) == 0
	case n > 0:
		dst[0], dst[n/2], dst[n-1] = s[0], s[n/2], s[n-1]
		return specials(0x2020202020000000|uint64(s[0])|uint64(s[n/2])<<8|uint64(s[n-1])<<16) == 0
	}
	return true
}

// word is the first eight bytes of s, little-endian.
func word(s string) uint64 {
	return uint64(half(s)) | uint64(half(s[4:]))<<32
}

// half is the first four bytes of s, little-endian.
func half(s string) uint32 {
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// specials has the top bit set of some byte of x if one of the eight is
// escaped in a JSON string, or could be: a control character, DEL or a
// byte of a multibyte character, a quote or a backslash. Each test sets
// the top bit of a byte that matches; borrows and carries between bytes
// start only at a byte that matches, so they can add no match to a word
// that has none.
func specials(x uint64) uint64 {
	const ones, tops = 0x0101010101010101, 0x8080808080808080
	below := (x - 0x20*ones) &^ x // a byte below 0x20
	above := (x + ones) | x       // a byte from 0x7f up
	quote := x ^ '"'*ones
	backslash := x ^ '\\'*ones
	quote = (quote - ones) &^ quote // a zero byte: a quote
	backslash = (backslash - ones) &^ backslash
	return (below | above | quote | backslash) & tops
}

// escape writes \uxxxx (lowercase hex) for r < 0x10000.
func (w *Writer) escape(r rune) {
	const hex = "0123456789abcdef"
	b := [6]byte{'\\', 'u', hex[r>>12&0xf], hex[r>>8&0xf], hex[r>>4&0xf], hex[r&0xf]}
	w.putBytes(b[:])
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
