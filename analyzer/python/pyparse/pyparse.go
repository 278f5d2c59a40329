// Package pyparse parses Python 3.11 source into the outline the analyzer
// reads: nodes named by kind ("class_definition", "identifier", "+", …)
// with named fields, built from the syntax tree of the hand-written parser
// (analyzer/python/internal/pysyntax), which rejects exactly what CPython
// 3.11's compile() rejects. Function bodies keep only their first
// statement (the docstring position), followed by the global statements
// found anywhere inside them, and record whether they yield.
package pyparse

import (
	"errors"
	"fmt"
	"strings"
	"sync"

	sx "github.com/asterkit/aster/analyzer/python/internal/pysyntax"
)

// Node is one node of the syntax tree, of a kind (see Kind). Of the
// anonymous tokens only those with a field name (operators) and the
// "async" keyword are kept.
//
// Nodes hold no pointer, so that the collector need not scan them: they
// live in chunks that begin with their file (see chunk.go), and are only
// ever used by pointer.
type Node struct {
	start uint32
	end   uint32
	first uint32 // index of the first child in file.kids
	nkids uint32
	kind  kind
	field uint8
	// Named is false for anonymous tokens (punctuation, keywords).
	Named bool
	// Yields is set on a function_definition whose body contains a yield
	// outside nested scopes. The body itself holds only its first
	// statement and then its global statements.
	Yields bool
	// slot is the node's index in its chunk.
	slot uint16
}

// Kind is the grammar's node type ("class_definition", "identifier",
// "+", …). Nodes hold it as a small number, which keeps them at 24 bytes.
func (n *Node) Kind() string { return kindNames[n.kind] }

// Text is the node's source text.
func (n *Node) Text() string { return n.file().src[n.start:n.end] }

// Span returns the node's start and end byte offsets in the source.
func (n *Node) Span() (start, end int) { return int(n.start), int(n.end) }

// File returns the parsed module the node belongs to.
func (n *Node) File() *File { return n.file() }

// Children returns the child nodes in order: the tree's own slice, not to
// be modified.
func (n *Node) Children() []*Node { return n.file().kids[n.first : n.first+n.nkids : n.first+n.nkids] }

// File is a parsed module.
type File struct {
	// Root is the "module" node.
	Root *Node
	src  string
	// kids holds every node's children, each node owning a range.
	kids  []*Node
	lines *sx.Lines
}

// SyntaxError is a source CPython 3.11 rejects, at the line and column
// CPython reports, with its message.
type SyntaxError struct {
	Line, Col int
	Msg       string
}

// Error gives the position and the message.
func (e *SyntaxError) Error() string { return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg) }

// Pos returns the node's 1-based line and 1-based column in code points.
func (n *Node) Pos() (line, col int) {
	return n.file().lines.Position(sx.Pos(n.start))
}

// Child returns the first child with the given field name, or nil.
func (n *Node) Child(field string) *Node {
	if n == nil {
		return nil
	}
	id, ok := fieldID(field)
	if !ok {
		return nil
	}
	for _, c := range n.Children() {
		if c.field == id {
			return c
		}
	}
	return nil
}

// ChildrenOf returns every child with the given field name. When they
// are adjacent (the usual case) the slice is the tree's own: it is not to
// be modified.
func (n *Node) ChildrenOf(field string) []*Node {
	id, ok := fieldID(field)
	if !ok {
		return nil
	}
	kids := n.Children()
	start := 0
	for start < len(kids) && kids[start].field != id {
		start++
	}
	end := start
	for end < len(kids) && kids[end].field == id {
		end++
	}
	out := kids[start:end:end]
	for _, c := range kids[end:] {
		if c.field == id {
			out = append(out, c) // not adjacent: a copy
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// NamedChildren returns the named children in order. Like Children, the
// slice may be the tree's own: it is not to be modified.
func (n *Node) NamedChildren() []*Node {
	kids := n.Children()
	for i, c := range kids {
		if !c.Named {
			// Copy the named ones, which start with kids[:i].
			out := make([]*Node, i, len(kids)-1)
			copy(out, kids[:i])
			for _, c := range kids[i+1:] {
				if c.Named {
					out = append(out, c)
				}
			}
			return out
		}
	}
	return kids
}

// Has reports whether the node has an anonymous token child of that kind.
func (n *Node) Has(token string) bool {
	for _, c := range n.Children() {
		if !c.Named && kindNames[c.kind] == token {
			return true
		}
	}
	return false
}

// parser holds what one parse needs and the next can reuse: the syntax
// parser (the syntax tree is dropped once converted) and the converter.
type parser struct {
	syntax sx.Parser
	conv   converter
}

// parsers are the parsers Parse uses.
var parsers = sync.Pool{New: func() any { return new(parser) }}

// Parse parses a UTF-8 Python module (a leading BOM is allowed); the tree
// keeps src, not a copy. A declaration of another encoding is an error:
// sources must be UTF-8.
func Parse(src string) (*File, error) {
	s := strings.TrimPrefix(src, "\ufeff")
	if enc, line := sx.Encoding(s); enc != "" {
		norm := strings.ToLower(strings.ReplaceAll(enc, "_", "-"))
		if norm != "utf-8" && norm != "utf8" && !strings.HasPrefix(norm, "utf-8-") {
			return nil, &SyntaxError{Line: line, Col: 1, Msg: fmt.Sprintf("encoding declaration %q is not supported (only UTF-8)", enc)}
		}
	}
	p := parsers.Get().(*parser)
	defer parsers.Put(p)
	m, err := p.syntax.ParseString(s)
	if err != nil {
		var e *sx.Error
		if errors.As(err, &e) {
			// Errors CPython reports without a position point at the start.
			return nil, &SyntaxError{Line: max(e.Line, 1), Col: max(e.Col, 1), Msg: e.Msg}
		}
		return nil, err
	}
	return p.conv.convert(m, p.syntax.Declares(), p.syntax.Yields()), nil
}
