package pyrt

import (
	"encoding/hex"
	"strings"
	"unicode/utf8"

	"github.com/asterkit/aster/internal/pyunicode"
)

func printable(r rune) bool { return pyunicode.Printable(r) }

// normEncoding normalises a codec name as Python's lookup does for the
// codecs modelled here.
func normEncoding(v Value) (string, error) {
	s, ok := v.(Str)
	if !ok {
		return "", typeErrorf("encode() argument 'encoding' must be str, not %s", TypeName(v))
	}
	n := strings.ToLower(strings.ReplaceAll(strings.ReplaceAll(string(s), "-", "_"), " ", "_"))
	switch n {
	case "utf_8", "utf8", "u8", "utf":
		return "utf-8", nil
	case "ascii", "us_ascii", "646":
		return "ascii", nil
	case "latin_1", "latin1", "iso_8859_1", "iso8859_1", "l1", "8859", "cp819", "latin":
		return "latin-1", nil
	}
	return "", excf(LookupErrorClass, "unknown encoding: %s", s)
}

func errorsArg(v Value) string {
	if s, ok := v.(Str); ok {
		return string(s)
	}
	return "strict"
}

// encodeStr is str.encode for utf-8, ascii and latin-1.
func encodeStr(s string, enc, errs Value) (Value, error) {
	codec, err := normEncoding(enc)
	if err != nil {
		return nil, err
	}
	mode := errorsArg(errs)
	limit := rune(0x10ffff)
	switch codec {
	case "ascii":
		limit = 0x7f
	case "latin-1":
		limit = 0xff
	}
	var b []byte
	rs := runesOf(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		bad := func(r rune) bool { return r > limit || (codec == "utf-8" && r >= 0xd800 && r <= 0xdfff) }
		if !bad(r) {
			if codec == "utf-8" {
				b = utf8.AppendRune(b, r)
			} else {
				b = append(b, byte(r))
			}
			continue
		}
		switch mode {
		case "ignore":
		case "replace":
			b = append(b, '?')
		case "surrogateescape":
			if r >= 0xdc80 && r <= 0xdcff {
				b = append(b, byte(r-0xdc00))
				continue
			}
			fallthrough
		default:
			reason := "ordinal not in range(128)"
			if codec == "latin-1" {
				reason = "ordinal not in range(256)"
			}
			if codec == "utf-8" {
				reason = "surrogates not allowed"
			}
			end := i + 1
			for end < len(rs) && bad(rs[end]) {
				end++
			}
			cls := builtinClass("UnicodeEncodeError")
			if end-i == 1 {
				return nil, excf(cls, "'%s' codec can't encode character '%s' in position %d: %s", codec, charEscape(r), i, reason)
			}
			return nil, excf(cls, "'%s' codec can't encode characters in position %d-%d: %s", codec, i, end-1, reason)
		}
	}
	return Bytes(b), nil
}

// charEscape is how encode errors show a character: \xhh, \uhhhh or
// \Uhhhhhhhh.
func charEscape(r rune) string {
	switch {
	case r < 0x100:
		return `\x` + hex2(int(r), 2)
	case r < 0x10000:
		return `\u` + hex2(int(r), 4)
	}
	return `\U` + hex2(int(r), 8)
}

// decodeBytes is bytes.decode for utf-8, ascii and latin-1.
func decodeBytes(s string, enc, errs Value) (Str, error) {
	if enc == nil {
		enc = Str("utf-8")
	}
	codec, err := normEncoding(enc)
	if err != nil {
		return "", err
	}
	mode := errorsArg(errs)
	var b []byte
	for i := 0; i < len(s); {
		c := s[i]
		switch codec {
		case "latin-1":
			b = appendRune(b, rune(c))
			i++
			continue
		case "ascii":
			if c < 0x80 {
				b = append(b, c)
				i++
				continue
			}
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			if r != utf8.RuneError || n > 1 {
				b = utf8.AppendRune(b, r)
				i += n
				continue
			}
		}
		switch mode {
		case "ignore":
		case "replace":
			b = utf8.AppendRune(b, 0xfffd)
		case "surrogateescape":
			b = appendRune(b, 0xdc00+rune(c))
		default:
			reason := "ordinal not in range(128)"
			if codec == "utf-8" {
				reason = "invalid start byte"
				if c >= 0xc2 && c <= 0xf4 {
					reason = "unexpected end of data"
					if i+1 < len(s) {
						reason = "invalid continuation byte"
					}
				}
			}
			return "", excf(builtinClass("UnicodeDecodeError"), "'%s' codec can't decode byte 0x%02x in position %d: %s", codec, c, i, reason)
		}
		i++
	}
	return Str(b), nil
}

func initBytesMethods() {
	bm := func(name string, fn func(th *Thread, s string, args []Value, kwargs []Kwarg) (Value, error)) {
		method(BytesClass, name, func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
			s, ok := builtinPayload(self).(Bytes)
			if !ok {
				return nil, typeErrorf("descriptor '%s' requires a 'bytes' object but received a '%s'", name, TypeName(self))
			}
			return fn(th, string(s), args, kwargs)
		})
	}
	bytesArg := func(v Value) (string, error) {
		if b, ok := v.(Bytes); ok {
			return string(b), nil
		}
		return "", typeErrorf("a bytes-like object is required, not '%s'", TypeName(v))
	}
	bm("decode", func(th *Thread, s string, args []Value, kwargs []Kwarg) (Value, error) {
		enc, errs := Value(Str("utf-8")), Value(Str("strict"))
		if len(args) > 0 {
			enc = args[0]
		}
		if len(args) > 1 {
			errs = args[1]
		}
		if err := kwargsTo("decode", kwargs, map[string]*Value{"encoding": &enc, "errors": &errs}); err != nil {
			return nil, err
		}
		return decodeBytes(s, enc, errs)
	})
	bm("hex", func(th *Thread, s string, args []Value, kwargs []Kwarg) (Value, error) {
		return Str(hex.EncodeToString([]byte(s))), nil
	})
	bm("join", func(th *Thread, s string, args []Value, kwargs []Kwarg) (Value, error) {
		if err := arity("join", args, 1, 1); err != nil {
			return nil, err
		}
		items, err := ToSlice(th, args[0])
		if err != nil {
			return nil, err
		}
		parts := make([]string, len(items))
		for i, it := range items {
			p, ok := it.(Bytes)
			if !ok {
				return nil, typeErrorf("sequence item %d: expected a bytes-like object, %s found", i, TypeName(it))
			}
			parts[i] = string(p)
		}
		return Bytes(strings.Join(parts, s)), nil
	})
	for _, m := range []struct {
		name string
		f    func(s, a string) bool
	}{{"startswith", strings.HasPrefix}, {"endswith", strings.HasSuffix}} {
		m := m
		bm(m.name, func(th *Thread, s string, args []Value, kwargs []Kwarg) (Value, error) {
			if err := arity(m.name, args, 1, 1); err != nil {
				return nil, err
			}
			if t, ok := args[0].(Tuple); ok {
				for _, x := range t {
					a, err := bytesArg(x)
					if err != nil {
						return nil, err
					}
					if m.f(s, a) {
						return Bool(true), nil
					}
				}
				return Bool(false), nil
			}
			a, err := bytesArg(args[0])
			if err != nil {
				return nil, err
			}
			return Bool(m.f(s, a)), nil
		})
	}
	bm("upper", func(th *Thread, s string, args []Value, kwargs []Kwarg) (Value, error) {
		return Bytes(asciiCase(s, true)), nil
	})
	bm("lower", func(th *Thread, s string, args []Value, kwargs []Kwarg) (Value, error) {
		return Bytes(asciiCase(s, false)), nil
	})
	bm("strip", func(th *Thread, s string, args []Value, kwargs []Kwarg) (Value, error) {
		chars := " \t\n\r\v\f"
		if len(args) > 0 && args[0] != None {
			c, err := bytesArg(args[0])
			if err != nil {
				return nil, err
			}
			chars = c
		}
		return Bytes(strings.Trim(s, chars)), nil
	})
	bm("split", func(th *Thread, s string, args []Value, kwargs []Kwarg) (Value, error) {
		var parts []string
		if len(args) == 0 || args[0] == None {
			parts = strings.Fields(s)
		} else {
			sep, err := bytesArg(args[0])
			if err != nil {
				return nil, err
			}
			if sep == "" {
				return nil, valueErrorf("empty separator")
			}
			parts = strings.Split(s, sep)
		}
		return strsToList(parts, func(p string) Value { return Bytes(p) }), nil
	})
	bm("replace", func(th *Thread, s string, args []Value, kwargs []Kwarg) (Value, error) {
		if err := arity("replace", args, 2, 2); err != nil {
			return nil, err
		}
		old, err := bytesArg(args[0])
		if err != nil {
			return nil, err
		}
		nw, err := bytesArg(args[1])
		if err != nil {
			return nil, err
		}
		return Bytes(strings.ReplaceAll(s, old, nw)), nil
	})
	bm("find", func(th *Thread, s string, args []Value, kwargs []Kwarg) (Value, error) {
		if err := arity("find", args, 1, 1); err != nil {
			return nil, err
		}
		sub, err := bytesArg(args[0])
		if err != nil {
			return nil, err
		}
		return MakeInt(int64(strings.Index(s, sub))), nil
	})
	bm("count", func(th *Thread, s string, args []Value, kwargs []Kwarg) (Value, error) {
		if err := arity("count", args, 1, 1); err != nil {
			return nil, err
		}
		sub, err := bytesArg(args[0])
		if err != nil {
			return nil, err
		}
		return MakeInt(int64(strings.Count(s, sub))), nil
	})
	BytesClass.Dict.Set("fromhex", &ClassMethod{Func: NewBuiltin("fromhex", func(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
		if err := arity("fromhex", args, 2, 2); err != nil {
			return nil, err
		}
		s, ok := args[1].(Str)
		if !ok {
			return nil, typeErrorf("fromhex() argument must be str, not %s", TypeName(args[1]))
		}
		b, err := hex.DecodeString(strings.Join(strings.Fields(string(s)), ""))
		if err != nil {
			return nil, valueErrorf("non-hexadecimal number found in fromhex() arg")
		}
		return Bytes(b), nil
	})})
}

// asciiCase maps the ASCII letters of s to upper or lower case, as the
// bytes methods do.
func asciiCase(s string, upper bool) string {
	b := []byte(s)
	for i, c := range b {
		switch {
		case upper && c >= 'a' && c <= 'z':
			b[i] = c - 32
		case !upper && c >= 'A' && c <= 'Z':
			b[i] = c + 32
		}
	}
	return string(b)
}
