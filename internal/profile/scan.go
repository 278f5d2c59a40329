package profile

import (
	"bytes"

	"github.com/pelletier/go-toml/v2/unstable"
)

// expr is one top-level expression of a TOML document with the byte
// positions the line-preserving edits need.
type expr struct {
	table bool     // a [table] or [[array]] header, else key = value
	keys  []string // the header's or the key's dotted path
	start int      // start of the expression's first line
	end   int      // end of its last line, after the newline
	// value is the byte range of a key/value's value.
	valueStart, valueEnd int
}

// scan lists the expressions of text, which must be valid TOML.
func scan(text []byte) []expr {
	var out []expr
	var p unstable.Parser
	p.Reset(text)
	for p.NextExpression() {
		e := p.Expression()
		if e.Kind != unstable.Table && e.Kind != unstable.ArrayTable && e.Kind != unstable.KeyValue {
			continue
		}
		x := expr{table: e.Kind != unstable.KeyValue}
		first, last := -1, 0
		it := e.Key()
		for it.Next() {
			k := it.Node()
			x.keys = append(x.keys, string(k.Data))
			if first < 0 {
				first = int(k.Raw.Offset)
			}
			last = int(k.Raw.Offset + k.Raw.Length)
		}
		x.start = lineStart(text, first)
		stop := last
		if !x.table {
			x.valueStart = last + bytes.IndexByte(text[last:], '=') + 1
			for x.valueStart < len(text) && (text[x.valueStart] == ' ' || text[x.valueStart] == '\t') {
				x.valueStart++
			}
			x.valueEnd = int(e.Raw.Offset + e.Raw.Length)
			stop = x.valueEnd
		}
		x.end = lineEnd(text, stop)
		out = append(out, x)
	}
	return out
}

// lineStart is the offset of the start of the line holding offset i.
func lineStart(text []byte, i int) int {
	return bytes.LastIndexByte(text[:i], '\n') + 1
}

// lineEnd is the offset after the newline ending the line holding offset i
// (the end of text on the last line).
func lineEnd(text []byte, i int) int {
	if j := bytes.IndexByte(text[i:], '\n'); j >= 0 {
		return i + j + 1
	}
	return len(text)
}

// is reports whether path equals want.
func is(path []string, want ...string) bool {
	if len(path) != len(want) {
		return false
	}
	for i := range want {
		if path[i] != want[i] {
			return false
		}
	}
	return true
}

// under reports whether path starts with prefix.
func under(path []string, prefix ...string) bool {
	return len(path) >= len(prefix) && is(path[:len(prefix)], prefix...)
}
