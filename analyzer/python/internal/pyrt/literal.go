package pyrt

import (
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/unicode/runenames"
)

// decodeEscapes decodes the backslash escapes of a str (bytes when
// isBytes) literal body; the parser has already rejected invalid ones.
func decodeEscapes(body string, isBytes bool) string {
	if strings.IndexByte(body, '\\') < 0 {
		return body
	}
	b := make([]byte, 0, len(body))
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c != '\\' || i+1 >= len(body) {
			b = append(b, c)
			continue
		}
		i++
		c = body[i]
		switch c {
		case '\n':
		case '\r':
			if i+1 < len(body) && body[i+1] == '\n' {
				i++
			}
		case '\\', '\'', '"':
			b = append(b, c)
		case 'a':
			b = append(b, 7)
		case 'b':
			b = append(b, 8)
		case 'f':
			b = append(b, 12)
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'v':
			b = append(b, 11)
		case '0', '1', '2', '3', '4', '5', '6', '7':
			j := i
			for j < len(body) && j < i+3 && body[j] >= '0' && body[j] <= '7' {
				j++
			}
			v, _ := strconv.ParseUint(body[i:j], 8, 32)
			i = j - 1
			if isBytes {
				b = append(b, byte(v))
			} else {
				b = appendRune(b, rune(v))
			}
		case 'x':
			v, _ := strconv.ParseUint(body[i+1:i+3], 16, 32)
			i += 2
			if isBytes {
				b = append(b, byte(v))
			} else {
				b = appendRune(b, rune(v))
			}
		case 'u', 'U':
			if isBytes {
				b = append(b, '\\', c)
				continue
			}
			n := 4
			if c == 'U' {
				n = 8
			}
			v, _ := strconv.ParseUint(body[i+1:i+1+n], 16, 32)
			i += n
			b = appendRune(b, rune(v))
		case 'N':
			if isBytes {
				b = append(b, '\\', c)
				continue
			}
			end := strings.IndexByte(body[i:], '}')
			name := body[i+2 : i+end]
			i += end
			b = appendRune(b, lookupRuneName(name))
		default:
			b = append(b, '\\')
			i--
		}
	}
	return string(b)
}

var (
	runeNamesOnce sync.Once
	runeNames     map[string]rune
)

// lookupRuneName finds a character by its Unicode name (\N{...}).
func lookupRuneName(name string) rune {
	name = strings.ToUpper(name)
	runeNamesOnce.Do(func() {
		runeNames = map[string]rune{}
		for r := rune(0); r <= 0x10ffff; r++ {
			if n := runenames.Name(r); n != "" && n[0] != '<' {
				runeNames[n] = r
			}
		}
	})
	if r, ok := runeNames[name]; ok {
		return r
	}
	return 0xfffd
}
