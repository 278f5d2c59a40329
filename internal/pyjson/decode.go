package pyjson

import (
	"bytes"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"
)

// SyntaxError is malformed JSON input. Error() reads "LINE:COL: MSG", or
// "LINE:COL: PATH: MSG" inside a container, ready to be prefixed with a
// file name.
type SyntaxError struct {
	Msg    string
	Kind   ErrorKind
	Line   int // 1-based
	Column int // 1-based, in characters
	Offset int // byte offset
	Path   string
}

// ErrorKind classifies a SyntaxError, so that a caller can word it its
// own way (as CPython's json.loads does).
type ErrorKind int

// The kinds of SyntaxError; Offset is where CPython's json.loads reports
// each (KindUnicodeEscape: at the backslash, one before CPython's).
const (
	KindValue         ErrorKind = iota // no JSON value starts here
	KindPropertyName                   // no quoted member name
	KindColon                          // no ':' after a member name
	KindComma                          // no ',' or closing bracket
	KindUnterminated                   // string without its closing quote (Offset: the opening quote)
	KindControl                        // control character in a string
	KindEscape                         // unknown backslash escape
	KindUnicodeEscape                  // bad \uXXXX escape
	KindUTF8                           // invalid UTF-8
	KindExtraData                      // text after the value
	KindIntDigits                      // integer beyond CPython's digit limit
	KindDepth                          // nesting beyond maxDepth
)

func (e *SyntaxError) Error() string {
	if e.Path == "" || e.Path == "$" {
		return fmt.Sprintf("%d:%d: %s", e.Line, e.Column, e.Msg)
	}
	return fmt.Sprintf("%d:%d: %s: %s", e.Line, e.Column, e.Path, e.Msg)
}

// KeyPath is the JSON path of member key of the value at parent:
// parent.key, or parent["key"] when key is not a plain identifier.
func KeyPath(parent, key string) string {
	plain := key != ""
	for i, r := range key {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && r >= '0' && r <= '9') {
			plain = false
			break
		}
	}
	if plain {
		return parent + "." + key
	}
	return parent + "[" + strconv.Quote(key) + "]"
}

// IndexPath is the JSON path of item i of the array at parent.
func IndexPath(parent string, i int) string {
	return parent + "[" + strconv.Itoa(i) + "]"
}

// step is one step of the JSON path from the root to the value being
// decoded: a member of an object or an item of an array.
type step struct {
	key    string // for a member
	index  int    // for an item, when isItem
	isItem bool
}

// maxDepth bounds nesting so hostile input cannot exhaust the stack.
const maxDepth = 10000

// maxIntDigits is CPython's default limit on int() of a decimal string.
const maxIntDigits = 4300

// Unmarshal decodes data as json.loads would, keeping member order:
// objects are Object (a repeated key keeps its first position and takes
// the last value, like a Python dict), arrays []any, integers int64 or
// *big.Int when they do not fit, other numbers float64 (also the NaN,
// Infinity and -Infinity tokens), strings string (a lone surrogate escape
// becomes its three-byte WTF-8 form, which Marshal writes back), true,
// false and null bool and nil. Errors are *SyntaxError.
func Unmarshal(data []byte) (any, error) { return decode(data, 0) }

// UnmarshalShallow decodes data as Unmarshal does down to depth levels of
// arrays and objects (1: the document's own); the arrays and objects
// nested deeper are passed over, their strings and brackets matched but
// nothing else checked, and given as Skipped. It reads a few values of a
// large document without building the rest.
func UnmarshalShallow(data []byte, depth int) (any, error) { return decode(data, depth) }

// decode reads the document in data, skipping what lies past depth
// shallow when it is above 0.
func decode(data []byte, shallow int) (any, error) {
	d := decoder{data: data, shallow: shallow}
	d.space()
	v, err := d.value(0)
	if err != nil {
		return nil, err
	}
	d.space()
	if d.pos < len(d.data) {
		return nil, d.errorf(KindExtraData, "extra data after the JSON value")
	}
	return v, nil
}

// Skipped stands for an array or object UnmarshalShallow passed over.
type Skipped struct{}

type decoder struct {
	data []byte
	pos  int
	// shallow, when above 0, is the depth past which arrays and objects
	// are skipped.
	shallow int
	// path leads from the root to the value being decoded; its text is
	// built only for an error.
	path []step
	// keys holds each distinct member name read so far, so that a name
	// repeated across objects is one string.
	keys map[string]string
	// members and items are stacks that gather the members and items of
	// the open objects and arrays, so that each gets one allocation.
	members []Member
	items   []any
}

// pathText is the current path: $, then .key, ["key"] or [index] per step.
func (d *decoder) pathText() string {
	text := "$"
	for _, s := range d.path {
		if s.isItem {
			text = IndexPath(text, s.index)
		} else {
			text = KeyPath(text, s.key)
		}
	}
	return text
}

func (d *decoder) errorf(kind ErrorKind, format string, args ...any) error {
	return d.errorAt(kind, d.pos, format, args...)
}

func (d *decoder) errorAt(kind ErrorKind, pos int, format string, args ...any) error {
	line, col := 1, 1
	for _, r := range string(d.data[:pos]) {
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return &SyntaxError{Msg: fmt.Sprintf(format, args...), Kind: kind, Line: line, Column: col, Offset: pos, Path: d.pathText()}
}

func (d *decoder) space() {
	for d.pos < len(d.data) {
		switch d.data[d.pos] {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return
		}
	}
}

func (d *decoder) literal(word string) bool {
	if len(d.data)-d.pos >= len(word) && string(d.data[d.pos:d.pos+len(word)]) == word {
		d.pos += len(word)
		return true
	}
	return false
}

func (d *decoder) value(depth int) (any, error) {
	if d.pos >= len(d.data) {
		return nil, d.errorf(KindValue, "unexpected end of input, expecting a value")
	}
	switch c := d.data[d.pos]; {
	case c == '"':
		return d.string()
	case (c == '{' || c == '[') && d.shallow > 0 && depth >= d.shallow:
		return Skipped{}, d.skip()
	case c == '{':
		return d.object(depth + 1)
	case c == '[':
		return d.array(depth + 1)
	case d.literal("null"):
		return nil, nil
	case d.literal("true"):
		return true, nil
	case d.literal("false"):
		return false, nil
	case c == '-' || c >= '0' && c <= '9':
		if v, ok, err := d.number(); ok || err != nil {
			return v, err
		}
	}
	switch {
	case d.literal("NaN"):
		return math.NaN(), nil
	case d.literal("Infinity"):
		return math.Inf(1), nil
	case d.literal("-Infinity"):
		return math.Inf(-1), nil
	}
	return nil, d.errorf(KindValue, "expecting a value")
}

// skip passes over the array or object at pos: to its matching bracket,
// strings (with their escapes) read as strings.
func (d *decoder) skip() error {
	open := 0
	for d.pos < len(d.data) {
		switch d.data[d.pos] {
		case '"':
			// To the closing quote, past escaped characters.
			for d.pos++; ; {
				i := bytes.IndexAny(d.data[d.pos:], `"\`)
				if i < 0 {
					return d.errorf(KindValue, "unterminated string")
				}
				d.pos += i
				if d.data[d.pos] == '"' {
					break
				}
				d.pos += 2 // the backslash and the character it escapes
				if d.pos > len(d.data) {
					return d.errorf(KindValue, "unterminated string")
				}
			}
		case '[', '{':
			open++
		case ']', '}':
			if open--; open == 0 {
				d.pos++
				return nil
			}
		}
		d.pos++
	}
	return d.errorf(KindValue, "unexpected end of input inside an array or object")
}

// smallObject is the member count up to which duplicate keys are found by
// a scan rather than an index.
const smallObject = 16

func (d *decoder) object(depth int) (any, error) {
	if depth > maxDepth {
		return nil, d.errorf(KindDepth, "nesting deeper than %d levels", maxDepth)
	}
	d.pos++ // {
	// The members are gathered on d.members above base, then copied out.
	base := len(d.members)
	var index map[string]int // once the object outgrows smallObject
	d.space()
	if d.pos < len(d.data) && d.data[d.pos] == '}' {
		d.pos++
		return Object{}, nil
	}
	for {
		d.space()
		if d.pos >= len(d.data) {
			return nil, d.errorf(KindPropertyName, "unexpected end of input, expecting a property name")
		}
		if d.data[d.pos] != '"' {
			return nil, d.errorf(KindPropertyName, "expecting a property name enclosed in double quotes")
		}
		key, err := d.key()
		if err != nil {
			return nil, err
		}
		d.space()
		if d.pos >= len(d.data) {
			return nil, d.errorf(KindColon, "unexpected end of input, expecting ':'")
		}
		if d.data[d.pos] != ':' {
			return nil, d.errorf(KindColon, "expecting ':' delimiter")
		}
		d.pos++
		d.space()
		d.path = append(d.path, step{key: key})
		v, err := d.value(depth)
		d.path = d.path[:len(d.path)-1]
		if err != nil {
			return nil, err
		}
		obj := d.members[base:]
		i := -1
		if index != nil {
			if j, dup := index[key]; dup {
				i = j
			}
		} else {
			for j := range obj {
				if obj[j].Key == key {
					i = j
					break
				}
			}
		}
		switch {
		case i >= 0:
			obj[i].Value = v
		case index != nil:
			index[key] = len(obj)
			d.members = append(d.members, Member{key, v})
		default:
			d.members = append(d.members, Member{key, v})
			if len(obj)+1 > smallObject {
				index = make(map[string]int, 2*len(obj)+2)
				for j, m := range d.members[base:] {
					index[m.Key] = j
				}
			}
		}
		d.space()
		if d.pos >= len(d.data) {
			return nil, d.errorf(KindComma, "unexpected end of input, expecting ',' or '}'")
		}
		switch d.data[d.pos] {
		case '}':
			d.pos++
			obj := make(Object, len(d.members)-base)
			copy(obj, d.members[base:])
			clear(d.members[base:])
			d.members = d.members[:base]
			return obj, nil
		case ',':
			d.pos++
		default:
			return nil, d.errorf(KindComma, "expecting ',' delimiter")
		}
	}
}

// key reads a member name, returning the same string for a name seen
// before.
func (d *decoder) key() (string, error) {
	start := d.pos
	if end, ok := d.plainString(); ok {
		raw := d.data[start+1 : end-1]
		if k, seen := d.keys[string(raw)]; seen {
			return k, nil
		}
		k := string(raw)
		if d.keys == nil {
			d.keys = map[string]string{}
		}
		d.keys[k] = k
		return k, nil
	}
	k, err := d.string()
	if err != nil {
		return "", err
	}
	return k.(string), nil
}

func (d *decoder) array(depth int) (any, error) {
	if depth > maxDepth {
		return nil, d.errorf(KindDepth, "nesting deeper than %d levels", maxDepth)
	}
	d.pos++ // [
	// The items are gathered on d.items above base, then copied out.
	base := len(d.items)
	d.space()
	if d.pos < len(d.data) && d.data[d.pos] == ']' {
		d.pos++
		return []any{}, nil
	}
	for {
		d.space()
		d.path = append(d.path, step{index: len(d.items) - base, isItem: true})
		v, err := d.value(depth)
		d.path = d.path[:len(d.path)-1]
		if err != nil {
			return nil, err
		}
		d.items = append(d.items, v)
		d.space()
		if d.pos >= len(d.data) {
			return nil, d.errorf(KindComma, "unexpected end of input, expecting ',' or ']'")
		}
		switch d.data[d.pos] {
		case ']':
			d.pos++
			items := make([]any, len(d.items)-base)
			copy(items, d.items[base:])
			clear(d.items[base:])
			d.items = d.items[:base]
			return items, nil
		case ',':
			d.pos++
		default:
			return nil, d.errorf(KindComma, "expecting ',' delimiter")
		}
	}
}

// number reads -?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)? at pos; ok is false
// (pos unchanged) when no number starts there.
func (d *decoder) number() (v any, ok bool, err error) {
	start, p := d.pos, d.pos
	digits := func() int {
		n := 0
		for p < len(d.data) && d.data[p] >= '0' && d.data[p] <= '9' {
			p, n = p+1, n+1
		}
		return n
	}
	if d.data[p] == '-' {
		p++
	}
	switch {
	case p < len(d.data) && d.data[p] == '0':
		p++
	case digits() == 0:
		return nil, false, nil
	}
	isFloat := false
	if p+1 < len(d.data) && d.data[p] == '.' && d.data[p+1] >= '0' && d.data[p+1] <= '9' {
		p++
		digits()
		isFloat = true
	}
	if p < len(d.data) && (d.data[p] == 'e' || d.data[p] == 'E') {
		q := p
		p++
		if p < len(d.data) && (d.data[p] == '+' || d.data[p] == '-') {
			p++
		}
		if digits() == 0 {
			p = q
		} else {
			isFloat = true
		}
	}
	d.pos = p
	if !isFloat && p-start <= 18 {
		return smallInt(d.data[start:p]), true, nil
	}
	text := string(d.data[start:p])
	if isFloat {
		// Out of range, ParseFloat still gives ±Inf or 0, as Python's float() does.
		f, _ := strconv.ParseFloat(text, 64)
		return f, true, nil
	}
	if i, err := strconv.ParseInt(text, 10, 64); err == nil {
		return i, true, nil
	}
	if len(strings.TrimPrefix(text, "-")) > maxIntDigits {
		return nil, true, d.errorAt(KindIntDigits, start, "integer with more than %d digits", maxIntDigits)
	}
	b, _ := new(big.Int).SetString(text, 10)
	return b, true, nil
}

// smallInt is the value of an integer literal of at most 18 characters,
// which always fits in an int64.
func smallInt(b []byte) int64 {
	neg := b[0] == '-'
	if neg {
		b = b[1:]
	}
	var n int64
	for _, c := range b {
		n = n*10 + int64(c-'0')
	}
	if neg {
		return -n
	}
	return n
}

// plainString skips the string at pos when it holds only printable ASCII
// and valid UTF-8 without escapes, and returns the position after its
// closing quote; otherwise it reports false and leaves pos unchanged.
func (d *decoder) plainString() (int, bool) {
	for p := d.pos + 1; p < len(d.data); {
		switch c := d.data[p]; {
		case c == '"':
			d.pos = p + 1
			return p + 1, true
		case c < 0x20 || c == '\\':
			return 0, false
		case c < utf8.RuneSelf:
			p++
		default:
			r, n := utf8.DecodeRune(d.data[p:])
			if r == utf8.RuneError && n == 1 {
				return 0, false
			}
			p += n
		}
	}
	return 0, false
}

func (d *decoder) string() (any, error) {
	start := d.pos
	if end, ok := d.plainString(); ok {
		return string(d.data[start+1 : end-1]), nil
	}
	d.pos++ // "
	var out []byte
	for {
		if d.pos >= len(d.data) {
			return nil, d.errorAt(KindUnterminated, start, "unterminated string")
		}
		c := d.data[d.pos]
		switch {
		case c == '"':
			d.pos++
			return string(out), nil
		case c < 0x20:
			return nil, d.errorf(KindControl, "invalid control character in string")
		case c == '\\':
			if d.pos+1 >= len(d.data) {
				return nil, d.errorAt(KindUnterminated, start, "unterminated string")
			}
			esc := d.data[d.pos+1]
			if s, ok := simpleEscapes[esc]; ok {
				out = append(out, s)
				d.pos += 2
				continue
			}
			if esc != 'u' {
				return nil, d.errorf(KindEscape, "invalid \\escape")
			}
			r, ok := d.hex4(d.pos + 2)
			if !ok {
				return nil, d.errorf(KindUnicodeEscape, "invalid \\uXXXX escape")
			}
			d.pos += 6
			if r >= 0xd800 && r <= 0xdbff && d.pos+1 < len(d.data) && d.data[d.pos] == '\\' && d.data[d.pos+1] == 'u' {
				if lo, ok := d.hex4(d.pos + 2); ok && lo >= 0xdc00 && lo <= 0xdfff {
					d.pos += 6
					out = utf8.AppendRune(out, 0x10000+(r-0xd800)<<10+(lo-0xdc00))
					continue
				}
			}
			if r >= 0xd800 && r <= 0xdfff {
				out = appendSurrogate(out, r)
			} else {
				out = utf8.AppendRune(out, r)
			}
		default:
			r, n := utf8.DecodeRune(d.data[d.pos:])
			if r == utf8.RuneError && n == 1 {
				return nil, d.errorf(KindUTF8, "invalid UTF-8 in string")
			}
			out = append(out, d.data[d.pos:d.pos+n]...)
			d.pos += n
		}
	}
}

// simpleEscapes maps the character after a backslash to what it stands for.
var simpleEscapes = map[byte]byte{'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}

// hex4 reads four hex digits at p. As in CPython, they must not end the
// input (a string still needs its closing quote).
func (d *decoder) hex4(p int) (rune, bool) {
	if p+4 >= len(d.data) {
		return 0, false
	}
	v, err := strconv.ParseUint(string(d.data[p:p+4]), 16, 32)
	if err != nil {
		return 0, false
	}
	return rune(v), true
}
