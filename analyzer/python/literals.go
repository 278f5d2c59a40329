package python

import (
	"math/big"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/asterkit/aster/analyzer/python/pyparse"
	"github.com/asterkit/aster/internal/pyjson"
	"golang.org/x/text/unicode/runenames"
)

// evalString evaluates a string, bytes or f-string literal (with implicit
// concatenation).
func (l *Loader) evalString(s scope, n *pyparse.Node) Value {
	if n.Kind() == "concatenated_string" {
		var out Value
		for _, c := range n.NamedChildren() {
			v := l.evalString(s, c)
			switch acc := out.(type) {
			case nil:
				out = v
			case string:
				x, ok := v.(string)
				if !ok {
					fail(s.mod, c, hintStatic, "cannot mix bytes and str literals")
				}
				out = acc + x
			case pyBytes:
				x, ok := v.(pyBytes)
				if !ok {
					fail(s.mod, c, hintStatic, "cannot mix bytes and str literals")
				}
				out = acc + x
			}
		}
		return out
	}
	kids := n.Children()
	if len(kids) < 2 || kids[0].Kind() != "string_start" || kids[len(kids)-1].Kind() != "string_end" {
		fail(s.mod, n, hintStatic, "cannot read this string literal")
	}
	start, end := kids[0], kids[len(kids)-1]
	prefix := strings.ToLower(strings.TrimRight(start.Text(), "'\""))
	raw := strings.Contains(prefix, "r")
	isBytes := strings.Contains(prefix, "b")
	if strings.Contains(prefix, "f") {
		var sb strings.Builder
		for _, c := range n.Children() {
			switch c.Kind() {
			case "string_content":
				t := c.Text()
				if !raw {
					t = decodeEscapes(s.mod, c, t, false)
				}
				sb.WriteString(strings.NewReplacer("{{", "{", "}}", "}").Replace(t))
			case "escape_interpolation":
				sb.WriteString(c.Text()[:1])
			case "interpolation":
				if c.Child("type_conversion") != nil || c.Child("format_specifier") != nil || strings.Contains(c.Text(), "=") {
					fail(s.mod, c, hintStatic, "f-string fields with conversions, format specs or '=' are not supported")
				}
				v := l.eval(s, c.Child("expression"))
				str, ok := pyStr(v)
				if !ok {
					fail(s.mod, c, hintStatic, "this f-string field cannot be rendered statically")
				}
				sb.WriteString(str)
			}
		}
		return sb.String()
	}
	body := n.Text()[len(start.Text()) : len(n.Text())-len(end.Text())]
	if isBytes {
		for i := 0; i < len(body); i++ {
			if body[i] >= 0x80 {
				fail(s.mod, n, "Use escape sequences", "bytes can only contain ASCII literal characters")
			}
		}
	}
	if !raw {
		body = decodeEscapes(s.mod, n, body, isBytes)
	}
	if isBytes {
		return pyBytes(body)
	}
	return body
}

// pyStr is Python's str() for constants an f-string may hold.
func pyStr(v Value) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case *big.Int:
		return x.String(), intPrintable(x)
	case bool:
		if x {
			return "True", true
		}
		return "False", true
	case noneV:
		return "None", true
	case float64:
		return pyjson.FloatRepr(x), true
	}
	return "", false
}

// decodeEscapes processes backslash escapes as Python does. For bytes the
// result holds one byte per char.
func decodeEscapes(m *module, n *pyparse.Node, body string, isBytes bool) string {
	if !strings.Contains(body, "\\") {
		return body
	}
	var sb strings.Builder
	put := func(r rune) {
		if isBytes {
			sb.WriteByte(byte(r))
		} else {
			sb.WriteRune(r)
		}
	}
	for i := 0; i < len(body); {
		c := body[i]
		if c != '\\' || i+1 >= len(body) {
			sb.WriteByte(c)
			i++
			continue
		}
		e := body[i+1]
		i += 2
		switch e {
		case '\n':
		case '\r':
			if i < len(body) && body[i] == '\n' {
				i++
			}
		case '\\', '\'', '"':
			sb.WriteByte(e)
		case 'a':
			sb.WriteByte(7)
		case 'b':
			sb.WriteByte(8)
		case 'f':
			sb.WriteByte(12)
		case 'n':
			sb.WriteByte('\n')
		case 'r':
			sb.WriteByte('\r')
		case 't':
			sb.WriteByte('\t')
		case 'v':
			sb.WriteByte(11)
		case '0', '1', '2', '3', '4', '5', '6', '7':
			j := i - 1
			for j < len(body) && j < i+2 && body[j] >= '0' && body[j] <= '7' {
				j++
			}
			v, _ := strconv.ParseUint(body[i-1:j], 8, 32)
			i = j
			if isBytes {
				sb.WriteByte(byte(v))
			} else {
				sb.WriteRune(rune(v))
			}
		case 'x', 'u', 'U':
			w := map[byte]int{'x': 2, 'u': 4, 'U': 8}[e]
			if e != 'x' && isBytes {
				sb.WriteByte('\\')
				sb.WriteByte(e)
				continue
			}
			if i+w > len(body) {
				fail(m, n, hintStatic, "truncated \\%c escape", e)
			}
			v, err := strconv.ParseUint(body[i:i+w], 16, 32)
			if err != nil || v > 0x10FFFF {
				fail(m, n, hintStatic, "invalid \\%c escape", e)
			}
			i += w
			if isBytes {
				sb.WriteByte(byte(v))
			} else {
				if v >= 0xD800 && v <= 0xDFFF {
					fail(m, n, "Remove the lone surrogate", "lone surrogate \\%c%s in a string literal", e, body[i-w:i])
				}
				sb.WriteRune(rune(v))
			}
		case 'N':
			if isBytes {
				sb.WriteString("\\N")
				continue
			}
			end := strings.IndexByte(body[i:], '}')
			if i >= len(body) || body[i] != '{' || end < 0 {
				fail(m, n, hintStatic, "malformed \\N{...} escape")
			}
			name := body[i+1 : i+end]
			r, ok := runeByName(name)
			if !ok {
				fail(m, n, hintStatic, "unknown Unicode character name %q", name)
			}
			put(r)
			i += end + 1
		default:
			sb.WriteByte('\\')
			sb.WriteByte(e)
		}
	}
	return sb.String()
}

var (
	namesOnce sync.Once
	names     map[string]rune
)

// runeByName looks a character up by its Unicode name (\N{...}).
func runeByName(name string) (rune, bool) {
	namesOnce.Do(func() {
		names = map[string]rune{}
		for r := rune(0); r <= utf8.MaxRune; r++ {
			if r >= 0xD800 && r <= 0xDFFF {
				continue
			}
			if nm := runenames.Name(r); nm != "" && !strings.HasPrefix(nm, "<") {
				names[nm] = r
			}
		}
	})
	r, ok := names[strings.ToUpper(name)]
	return r, ok
}
