package pyrt

import (
	"fmt"
	"math"
	"strings"
)

// percentFormat is str % args.
func percentFormat(th *Thread, format string, args Value) (Value, error) {
	s, err := percent(th, format, args, false)
	return Str(s), err
}

// percentFormatBytes is bytes % args.
func percentFormatBytes(th *Thread, format string, args Value) (string, error) {
	return percent(th, format, args, true)
}

// percent implements printf-style formatting for str and bytes.
func percent(th *Thread, format string, args Value, isBytes bool) (string, error) {
	var items []Value
	var mapping Value
	switch a := args.(type) {
	case Tuple:
		items = a
	case Str:
		items = []Value{args}
	case *Dict, *List, Bytes, *rangeValue, *dictView:
		// CPython treats any non-tuple, non-str argument with item
		// access as a mapping.
		mapping = a
		items = []Value{a}
	case *Instance:
		if m, _ := a.Class.Lookup("__getitem__"); m != nil {
			mapping = a
		}
		items = []Value{a}
	default:
		items = []Value{args}
	}
	next := 0
	getArg := func() (Value, error) {
		if next >= len(items) {
			return nil, typeErrorf("not enough arguments for format string")
		}
		next++
		return items[next-1], nil
	}
	usedMapping := false
	var b strings.Builder
	rs := []rune(format)
	if isBytes {
		rs = make([]rune, len(format))
		for i := 0; i < len(format); i++ {
			rs[i] = rune(format[i])
		}
	}
	for i := 0; i < len(rs); i++ {
		if rs[i] != '%' {
			if isBytes {
				b.WriteByte(byte(rs[i]))
			} else {
				b.WriteString(string(runeStr(rs[i])))
			}
			continue
		}
		i++
		if i >= len(rs) {
			return "", valueErrorf("incomplete format")
		}
		if rs[i] == '%' {
			b.WriteByte('%')
			continue
		}
		var arg Value
		if rs[i] == '(' {
			if mapping == nil {
				return "", typeErrorf("format requires a mapping")
			}
			depth := 1
			j := i + 1
			for j < len(rs) && depth > 0 {
				switch rs[j] {
				case '(':
					depth++
				case ')':
					depth--
				}
				j++
			}
			if depth > 0 {
				return "", valueErrorf("incomplete format key")
			}
			var key Value = Str(string(rs[i+1 : j-1]))
			if isBytes {
				key = Bytes(string(key.(Str)))
			}
			v, err := GetItem(th, mapping, key)
			if err != nil {
				return "", err
			}
			arg = v
			usedMapping = true
			i = j
		}
		f := &fmtSpec{fill: ' ', prec: -1}
		left := false
	flags:
		for ; i < len(rs); i++ {
			switch rs[i] {
			case '-':
				left = true
			case '+':
				f.sign = '+'
			case ' ':
				if f.sign == 0 {
					f.sign = ' '
				}
			case '#':
				f.alt = true
			case '0':
				f.fill = '0'
			default:
				break flags
			}
		}
		readNum := func() (int, bool, error) {
			if i < len(rs) && rs[i] == '*' {
				i++
				v, err := getArg()
				if err != nil {
					return 0, false, err
				}
				n, ok := v.(Int)
				if !ok {
					return 0, false, typeErrorf("* wants int")
				}
				x, _ := n.Int64()
				return int(x), true, sizeLimit(int(abs64(x)))
			}
			j := i
			for i < len(rs) && rs[i] >= '0' && rs[i] <= '9' {
				i++
			}
			if i == j {
				return 0, false, nil
			}
			var n int
			fmt.Sscan(string(rs[j:i]), &n)
			return n, true, sizeLimit(n)
		}
		w, ok, err := readNum()
		if err != nil {
			return "", err
		}
		if ok {
			if w < 0 {
				left, w = true, -w
			}
			f.width = w
		}
		if i < len(rs) && rs[i] == '.' {
			i++
			p, _, err := readNum()
			if err != nil {
				return "", err
			}
			f.prec = max(p, 0)
		}
		for i < len(rs) && (rs[i] == 'h' || rs[i] == 'l' || rs[i] == 'L') {
			i++
		}
		if i >= len(rs) {
			return "", valueErrorf("incomplete format")
		}
		typ := rs[i]
		if arg == nil {
			v, err := getArg()
			if err != nil {
				return "", err
			}
			arg = v
		}
		if left {
			f.align = '<'
			f.fill = ' '
		} else if f.fill == '0' {
			f.align = '='
		}
		s, err := percentOne(th, typ, arg, f, isBytes)
		if err != nil {
			if err == errUnsupportedChar {
				c := fmt.Sprintf("%c", typ)
				if typ > 0x7f && !isBytes {
					c = string(runeStr(typ))
				}
				return "", valueErrorf("unsupported format character '%s' (0x%x) at index %d", c, typ, i)
			}
			return "", err
		}
		b.WriteString(s)
	}
	if next < len(items) && !usedMapping && mapping == nil {
		return "", typeErrorf("not all arguments converted during string formatting")
	}
	return b.String(), nil
}

var errUnsupportedChar = &Fatal{Msg: "unsupported format character"}

// percentOne formats one conversion.
func percentOne(th *Thread, typ rune, arg Value, f *fmtSpec, isBytes bool) (string, error) {
	pad := func(s string) string {
		if f.align == '=' && f.fill == '0' {
			f.align = 0
		}
		align := f.align
		if align == 0 {
			align = '>'
		}
		return padStr(s, f.width, ' ', align)
	}
	switch typ {
	case 's', 'r', 'a', 'b':
		var s string
		var err error
		switch {
		case typ == 'r' || typ == 'a':
			s, err = Repr(th, arg)
			if typ == 'a' {
				s = asciiEscape(s)
			}
		case isBytes:
			bs, ok := arg.(Bytes)
			if !ok {
				return "", typeErrorf("%%b requires a bytes-like object, or an object that implements __bytes__, not '%s'", TypeName(arg))
			}
			s = string(bs)
		case typ == 'b':
			return "", errUnsupportedChar
		default:
			s, err = ToStr(th, arg)
		}
		if err != nil {
			return "", err
		}
		if f.prec >= 0 {
			rs := runesOf(s)
			if len(rs) > f.prec {
				s = string(fromRunes(rs[:f.prec]))
			}
		}
		return pad(s), nil
	case 'c':
		if b, ok := arg.(Bool); ok {
			arg = boolToInt(b)
		}
		switch x := arg.(type) {
		case Int:
			v, ok := x.Int64()
			if isBytes {
				if !ok || v < 0 || v > 255 {
					return "", excf(OverflowErrorClass, "%%c arg not in range(256)")
				}
				return pad(string([]byte{byte(v)})), nil
			}
			if !ok || v < 0 || v > 0x10ffff {
				return "", excf(OverflowErrorClass, "%%c arg not in range(0x110000)")
			}
			return pad(string(runeStr(rune(v)))), nil
		case Str:
			if strLen(string(x)) == 1 && !isBytes {
				return pad(string(x)), nil
			}
		case Bytes:
			if len(x) == 1 && isBytes {
				return pad(string(x)), nil
			}
		}
		if isBytes {
			return "", typeErrorf("%%c requires an integer in range(256) or a single byte")
		}
		return "", typeErrorf("%%c requires int or char")
	case 'd', 'i', 'u', 'o', 'x', 'X':
		var n Int
		switch x := builtinPayload(arg).(type) {
		case Int:
			n = x
		case Bool:
			n = boolToInt(x)
		case Float:
			if typ != 'd' && typ != 'i' && typ != 'u' {
				return "", typeErrorf("%%%c format: an integer is required, not float", typ)
			}
			if math.IsInf(float64(x), 0) {
				return "", excf(OverflowErrorClass, "cannot convert float infinity to integer")
			}
			if math.IsNaN(float64(x)) {
				return "", valueErrorf("cannot convert float NaN to integer")
			}
			n = floatToInt(math.Trunc(float64(x)))
		default:
			if typ == 'd' || typ == 'i' || typ == 'u' {
				return "", typeErrorf("%%%c format: a real number is required, not %s", typ, TypeName(arg))
			}
			return "", typeErrorf("%%%c format: an integer is required, not %s", typ, TypeName(arg))
		}
		neg := n.Sign() < 0
		if neg {
			n = n.Neg()
		}
		var digits, prefix string
		switch typ {
		case 'o':
			digits, prefix = n.Text(8), "0o"
		case 'x':
			digits, prefix = n.Text(16), "0x"
		case 'X':
			digits, prefix = strings.ToUpper(n.Text(16)), "0X"
		default:
			var err error
			if digits, err = n.decimal(); err != nil {
				return "", err
			}
		}
		if !f.alt {
			prefix = ""
		}
		if f.prec > len(digits) {
			digits = strings.Repeat("0", f.prec-len(digits)) + digits
		}
		return layoutNumber(f, neg, prefix, digits, "", 3), nil
	case 'e', 'E', 'f', 'F', 'g', 'G':
		var x float64
		switch v := builtinPayload(arg).(type) {
		case Float:
			x = float64(v)
		case Int:
			fl, ok := v.Float()
			if !ok {
				return "", excf(OverflowErrorClass, "int too large to convert to float")
			}
			x = fl
		case Bool:
			x, _ = toFloat(v)
		case *Instance:
			fv, err := toFloatValue(th, arg)
			if err != nil {
				return "", typeErrorf("must be real number, not %s", TypeName(arg))
			}
			x = float64(fv.(Float))
		default:
			return "", typeErrorf("must be real number, not %s", TypeName(arg))
		}
		g := *f
		g.typ = byte(typ)
		if g.prec < 0 {
			g.prec = 6
		}
		return formatFloatSpec(x, &g, "float")
	}
	return "", errUnsupportedChar
}
