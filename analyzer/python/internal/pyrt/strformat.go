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
	if depth < 0 {
		return "", valueErrorf("Max string recursion exceeded")
	}
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c == '}' {
			if i+1 < len(format) && format[i+1] == '}' {
				b.WriteByte('}')
				i++
				continue
			}
			return "", valueErrorf("Single '}' encountered in format string")
		}
		if c != '{' {
			b.WriteByte(c)
			continue
		}
		if i+1 < len(format) && format[i+1] == '{' {
			b.WriteByte('{')
			i++
			continue
		}
		// Find the matching '}' (nested braces count).
		level := 1
		j := i + 1
		for j < len(format) && level > 0 {
			switch format[j] {
			case '{':
				level++
			case '}':
				level--
			}
			j++
		}
		if level > 0 {
			return "", valueErrorf("expected '}' before end of string")
		}
		field := format[i+1 : j-1]
		s, err := st.field(field, depth)
		if err != nil {
			return "", err
		}
		b.WriteString(s)
		i = j - 1
	}
	return b.String(), nil
}

// field renders one replacement field "name!conv:spec".
func (st *formatState) field(field string, depth int) (string, error) {
	// The field name ends at the first '!' or ':' outside brackets.
	end := len(field)
	inBracket := false
	for k := 0; k < len(field); k++ {
		switch field[k] {
		case '[':
			inBracket = true
		case ']':
			inBracket = false
		case '!', ':':
			if !inBracket {
				end = k
				k = len(field)
			}
		}
	}
	name, rest := field[:end], field[end:]
	var conv byte
	spec := ""
	if strings.HasPrefix(rest, "!") {
		if len(rest) < 2 {
			return "", valueErrorf("end of string while looking for conversion specifier")
		}
		conv = rest[1]
		rest = rest[2:]
		if rest != "" && rest[0] != ':' {
			return "", valueErrorf("expected ':' after conversion specifier")
		}
	}
	if strings.HasPrefix(rest, ":") {
		spec = rest[1:]
	}
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
	if strings.ContainsAny(spec, "{}") {
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
