package config

import (
	"encoding/base64"
	"errors"
	"strconv"
	"strings"
	"unicode"
)

// trim removes the white space Python's str.strip() removes: Unicode white
// space plus the separators U+001C–U+001F.
func trim(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f)
	})
}

// isASCIISpace reports the ASCII white space characters.
func isASCIISpace(r rune) bool {
	return r == ' ' || (r >= '\t' && r <= '\r')
}

// parseBool reads a boolean spelling after trimming and lower-casing:
// 1 true yes on, 0 false no off.
func parseBool(s string) (value, ok bool) {
	switch strings.ToLower(trim(s)) {
	case "1", "true", "yes", "on":
		return true, true
	case "0", "false", "no", "off":
		return false, true
	}
	return false, false
}

// errRange is a well-formed integer that does not fit in 64 bits.
var errRange = errors.New("out of range")

// errSyntax is text that is not an integer.
var errSyntax = errors.New("not an integer")

// parseInt reads a decimal integer as Python's int() does: surrounding
// white space, an optional sign, and single underscores between digits.
func parseInt(s string) (int64, error) {
	t := trim(s)
	digits := strings.TrimLeft(t, "+-")
	if len(t)-len(digits) > 1 || digits == "" {
		return 0, errSyntax
	}
	prev := '_'
	for _, r := range digits {
		if r == '_' && prev == '_' || r != '_' && (r < '0' || r > '9') {
			return 0, errSyntax
		}
		prev = r
	}
	if prev == '_' {
		return 0, errSyntax
	}
	n, err := strconv.ParseInt(t[:len(t)-len(digits)]+strings.ReplaceAll(digits, "_", ""), 10, 64)
	if err != nil {
		return 0, errRange
	}
	return n, nil
}

// decodeHex decodes hex digits of any case after trimming; ASCII white
// space may separate two-digit groups. Empty text gives empty, non-nil bytes.
func decodeHex(s string) ([]byte, bool) {
	t := trim(s)
	out := []byte{}
	for i := 0; i < len(t); {
		if isASCIISpace(rune(t[i])) {
			i++
			continue
		}
		if i+1 >= len(t) {
			return nil, false
		}
		hi, ok1 := hexDigit(t[i])
		lo, ok2 := hexDigit(t[i+1])
		if !ok1 || !ok2 {
			return nil, false
		}
		out = append(out, hi<<4|lo)
		i += 2
	}
	return out, true
}

func hexDigit(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// decodeBase64 removes ASCII white space and decodes the standard alphabet
// with = padding. Empty text gives empty, non-nil bytes.
func decodeBase64(s string) ([]byte, bool) {
	t := strings.Map(func(r rune) rune {
		if isASCIISpace(r) {
			return -1
		}
		return r
	}, s)
	b, err := base64.StdEncoding.DecodeString(t)
	if err != nil {
		return nil, false
	}
	if b == nil {
		b = []byte{}
	}
	return b, true
}
