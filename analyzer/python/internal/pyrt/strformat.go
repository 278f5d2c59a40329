package pyrt

import (
	"strconv"
	"strings"
)

// strFormat is str.format(*args, **kwargs), or str.format_map(mapping)
// when mapping is set.
func strFormat(th *Thread, format string, args []Value, kwargs []Kwarg, mapping Value) (string, error) {
	st := &formatState{th: th, args: args, kwargs: kwargs, mapping: mapping}
	return st.run(format, 2)
}

type formatState struct {
	th      *Thread
	args    []Value
	kwargs  []Kwarg
	mapping Value
	auto    int // next automatic index; -1 once manual numbering is used
	manual  bool
	autoUse bool
}

func (st *formatState) run(format string, depth int) (string, error) {
	if depth <= 0 {
		return "", valueErrorf("Max string recursion exceeded")
	}
	var b strings.Builder
	i := 0
	for i < len(format) {
		c := format[i]
		i++
		if c != '{' && c != '}' {
			b.WriteByte(c)
			continue
		}
		if i < len(format) && format[i] == c {
			b.WriteByte(c)
			i++
			continue
		}
		if c == '}' {
			return "", valueErrorf("Single '}' encountered in format string")
		}
		if i >= len(format) {
			return "", valueErrorf("Single '{' encountered in format string")
		}
		name, conv, spec, expand, next, err := parseField(format, i)
		if err != nil {
			return "", err
		}
		i = next
		out, err := st.render(name, conv, spec, expand, depth)
		if err != nil {
			return "", err
		}
		b.WriteString(out)
	}
	return b.String(), nil
}

// parseField parses a replacement field after its "{" as CPython's
// parse_field does: the field name, an optional "!conversion", an
// optional ":spec" (expand tells whether it holds nested fields), and the
// offset after the closing "}".
func parseField(s string, i int) (name string, conv byte, spec string, expand bool, next int, err error) {
	start := i
	var c byte
	for i < len(s) {
		c = s[i]
		i++
		if c == '{' {
			return "", 0, "", false, 0, valueErrorf("unexpected '{' in field name")
		}
		if c == '[' {
			for i < len(s) && s[i] != ']' {
				i++
			}
			continue
		}
		if c == '}' || c == ':' || c == '!' {
			break
		}
	}
	name = s[start : i-1]
	if c != '!' && c != ':' {
		if c != '}' {
			return "", 0, "", false, 0, valueErrorf("expected '}' before end of string")
		}
		return name, 0, "", false, i, nil
	}
	if c == '!' {
		if i >= len(s) {
			return "", 0, "", false, 0, valueErrorf("end of string while looking for conversion specifier")
		}
		conv = s[i]
		i++
		if i < len(s) {
			c = s[i]
			i++
			if c == '}' {
				return name, conv, "", false, i, nil
			}
			if c != ':' {
				return "", 0, "", false, 0, valueErrorf("expected ':' after conversion specifier")
			}
		}
	}
	specStart, count := i, 1
	for i < len(s) {
		c = s[i]
		i++
		switch c {
		case '{':
			expand = true
			count++
		case '}':
			count--
			if count == 0 {
				return name, conv, s[specStart : i-1], expand, i, nil
			}
		}
	}
	return "", 0, "", false, 0, valueErrorf("unmatched '{' in format spec")
}

// render formats one replacement field.
func (st *formatState) render(name string, conv byte, spec string, expand bool, depth int) (string, error) {
	v, err := st.lookup(name)
	if err != nil {
		return "", err
	}
	if conv != 0 {
		switch conv {
		case 's', 'r', 'a':
			s, err := convert(st.th, v, conv)
			if err != nil {
				return "", err
			}
			v = Str(s)
		default:
			return "", valueErrorf("Unknown conversion specifier %s", string(runeStr(rune(conv))))
		}
	}
	if expand {
		s, err := st.run(spec, depth-1)
		if err != nil {
			return "", err
		}
		spec = s
	}
	return Format(st.th, v, spec)
}

// lookup resolves a field name: an argument index or keyword, then
// ".attr" and "[key]" parts.
func (st *formatState) lookup(name string) (Value, error) {
	k := 0
	for k < len(name) && name[k] != '.' && name[k] != '[' {
		k++
	}
	first := name[:k]
	var v Value
	if first == "" {
		if st.manual {
			return nil, valueErrorf("cannot switch from manual field specification to automatic field numbering")
		}
		st.autoUse = true
		idx := st.auto
		st.auto++
		if idx >= len(st.args) {
			return nil, excf(IndexErrorClass, "Replacement index %d out of range for positional args tuple", idx)
		}
		v = st.args[idx]
	} else if n, err := strconv.Atoi(first); err == nil && isDigits(first) {
		if st.autoUse {
			return nil, valueErrorf("cannot switch from automatic field numbering to manual field specification")
		}
		st.manual = true
		if n >= len(st.args) {
			return nil, excf(IndexErrorClass, "Replacement index %d out of range for positional args tuple", n)
		}
		v = st.args[n]
	} else {
		found := false
		if st.mapping != nil {
			x, err := GetItem(st.th, st.mapping, Str(first))
			if err != nil {
				return nil, err
			}
			v, found = x, true
		}
		for _, kw := range st.kwargs {
			if kw.Name == first {
				v, found = kw.Value, true
			}
		}
		if !found {
			return nil, NewException(KeyErrorClass, Str(first))
		}
	}
	rest := name[k:]
	for rest != "" {
		switch rest[0] {
		case '.':
			j := 1
			for j < len(rest) && rest[j] != '.' && rest[j] != '[' {
				j++
			}
			attr := rest[1:j]
			if attr == "" {
				return nil, valueErrorf("Empty attribute in format string")
			}
			x, err := GetAttr(st.th, v, attr)
			if err != nil {
				return nil, err
			}
			v, rest = x, rest[j:]
		case '[':
			j := strings.IndexByte(rest, ']')
			if j < 0 {
				return nil, valueErrorf("Missing ']' in format string")
			}
			keyText := rest[1:j]
			if keyText == "" {
				return nil, valueErrorf("Empty attribute in format string")
			}
			var key Value = Str(keyText)
			if isDigits(keyText) {
				n, _ := strconv.Atoi(keyText)
				key = MakeInt(int64(n))
			}
			x, err := GetItem(st.th, v, key)
			if err != nil {
				return nil, err
			}
			v, rest = x, rest[j+1:]
			if rest != "" && rest[0] != '.' && rest[0] != '[' {
				return nil, valueErrorf("Only '.' or '[' may follow ']' in format field specifier")
			}
		default:
			return nil, valueErrorf("Only '.' or '[' may follow ']' in format field specifier")
		}
	}
	return v, nil
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
