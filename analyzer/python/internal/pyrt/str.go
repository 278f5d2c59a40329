package pyrt

import (
	"strings"
	"unicode/utf8"
)

// Code points of a Python str: lone surrogates are stored in their
// three-byte form, which utf8 rejects, so decoding goes through here.

// decodeRune decodes one code point of s (a surrogate's three-byte form
// included); a stray byte decodes as U+DC80+byte, as surrogateescape does.
func decodeRune(s string) (rune, int) {
	r, n := utf8.DecodeRuneInString(s)
	if r != utf8.RuneError || n != 1 {
		return r, n
	}
	if len(s) >= 3 && s[0] == 0xed && s[1]&0xe0 == 0xa0 && s[2]&0xc0 == 0x80 {
		return rune(s[0]&0x0f)<<12 | rune(s[1]&0x3f)<<6 | rune(s[2]&0x3f), 3
	}
	if len(s) == 0 {
		return utf8.RuneError, 0
	}
	return 0xdc00 | rune(s[0]), 1
}

// appendRune appends the code point r (a surrogate in its three-byte form).
func appendRune(b []byte, r rune) []byte {
	if r >= 0xd800 && r <= 0xdfff {
		return append(b, 0xed, byte(0x80|(r>>6)&0x3f), byte(0x80|r&0x3f))
	}
	return utf8.AppendRune(b, r)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// runesOf returns the code points of s.
func runesOf(s string) []rune {
	out := make([]rune, 0, len(s))
	for i := 0; i < len(s); {
		r, n := decodeRune(s[i:])
		out = append(out, r)
		i += n
	}
	return out
}

// fromRunes encodes code points as a Str.
func fromRunes(rs []rune) Str {
	b := make([]byte, 0, len(rs))
	for _, r := range rs {
		b = appendRune(b, r)
	}
	return Str(b)
}

func runeStr(r rune) Str { return Str(appendRune(nil, r)) }

// strLen is len() of a str.
func strLen(s string) int {
	if isASCII(s) {
		return len(s)
	}
	n := 0
	for i := 0; i < len(s); {
		_, w := decodeRune(s[i:])
		i += w
		n++
	}
	return n
}

// runeIndexToByte converts a code point index of s to a byte offset.
func runeIndexToByte(s string, idx int) int {
	if isASCII(s) {
		return idx
	}
	i := 0
	for ; idx > 0 && i < len(s); idx-- {
		_, w := decodeRune(s[i:])
		i += w
	}
	return i
}

// byteToRuneIndex converts a byte offset of s to a code point index.
func byteToRuneIndex(s string, off int) int { return strLen(s[:off]) }

func repeatStr(s string, n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat(s, n)
}
