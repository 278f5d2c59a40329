package python

import (
	"fmt"

	"github.com/asterkit/aster/analyzer"
	"github.com/asterkit/aster/analyzer/python/pyparse"
	"github.com/asterkit/aster/internal/pyjson"
)

// checkIdentifiers rejects identifiers holding characters Unicode 14
// did not have, which CPython 3.11 refuses to compile (a module with one
// cannot be imported). Only a module with non-ASCII text can hold one.
func checkIdentifiers(m *module, root *pyparse.Node) {
	if !isASCII(root.Text()) {
		walkIdentifiers(m, root)
	}
}

func walkIdentifiers(m *module, n *pyparse.Node) {
	if n.Kind() == "identifier" {
		checkIdentifier(m, n)
		return
	}
	for _, c := range n.Children() {
		walkIdentifiers(m, c)
	}
}

// checkIdentifier rejects an identifier holding a character CPython 3.11
// does not know (Python identifiers only hold printable characters).
func checkIdentifier(m *module, n *pyparse.Node) {
	text := n.Text()
	if isASCII(text) {
		return
	}
	line, col := n.Pos()
	for _, r := range text {
		if r >= 0x80 && !pyjson.Printable(r) {
			panic(&analyzer.Error{File: m.file, Line: line, Col: col,
				Msg: fmt.Sprintf("syntax error: invalid non-printable character U+%04X", r), Hint: "Use only characters of Unicode 14 (Python 3.11) in identifiers"})
		}
		col++
	}
}

// isASCII reports whether s holds only ASCII bytes. It tests eight bytes
// at a time, since it reads whole modules.
func isASCII(s string) bool {
	for ; len(s) >= 8; s = s[8:] {
		w := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
		if w&0x8080808080808080 != 0 {
			return false
		}
	}
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
