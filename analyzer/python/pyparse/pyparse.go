// Package pyparse parses Python 3.11 source into a small syntax tree of Go
// values. It wraps the tree-sitter Python grammar; the tree-sitter objects
// are freed before Parse returns, so callers never deal with C memory.
// The tree is an outline: function bodies keep only their first statement
// (the docstring position), followed by the global statements found
// anywhere inside them, and record whether they yield.
package pyparse

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	sx "github.com/asterkit/aster/analyzer/python/internal/pysyntax"
	tree_sitter "github.com/tree-sitter/go-tree-sitter"
	tree_sitter_python "github.com/tree-sitter/tree-sitter-python/bindings/go"
)

// Node is one node of the syntax tree. Kind is the grammar's node type
// ("class_definition", "identifier", "+", …). Of the anonymous tokens only
// those with a field name (operators) and the "async" keyword are kept.
type Node struct {
	Kind  string
	file  *File
	start uint32
	end   uint32
	row   uint32
	first uint32 // index of the first child in file.kids
	nkids uint32
	field uint16
	// Named is false for anonymous tokens (punctuation, keywords).
	Named bool
	// Yields is set on a function_definition whose body contains a yield
	// outside nested scopes. The body itself holds only its first
	// statement and then its global statements.
	Yields bool
}

// Text is the node's source text.
func (n *Node) Text() string { return n.file.src[n.start:n.end] }

// Children returns the child nodes in order.
func (n *Node) Children() []*Node { return n.file.kids[n.first : n.first+n.nkids : n.first+n.nkids] }

// File is a parsed module.
type File struct {
	// Root is the "module" node.
	Root *Node
	src  string
	// lineStart holds the byte offset of each line's first byte.
	lineStart []uint32
	// kids holds every node's children, each node owning a range.
	kids []*Node
	// lines and fields are set for trees built by the hand-written parser.
	lines  *sx.Lines
	fields map[string]uint16
}

// SyntaxError is a source the grammar rejects, at its first error.
type SyntaxError struct {
	Line, Col int
	Msg       string
}

// Error gives the position and the message.
func (e *SyntaxError) Error() string { return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg) }

// Pos returns the node's 1-based line and 1-based column in code points.
func (n *Node) Pos() (line, col int) {
	return n.file.pos(n.row, n.start)
}

func (f *File) pos(row, start uint32) (int, int) {
	if f.lines != nil {
		return f.lines.Position(sx.Pos(start))
	}
	ls := uint32(0)
	if int(row) < len(f.lineStart) {
		ls = f.lineStart[row]
	}
	if start < ls {
		start = ls
	}
	return int(row) + 1, utf8.RuneCountInString(f.src[ls:start]) + 1
}

// Child returns the first child with the given field name, or nil.
func (n *Node) Child(field string) *Node {
	if n == nil {
		return nil
	}
	id, ok := n.file.fieldID(field)
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

// ChildrenOf returns every child with the given field name.
func (n *Node) ChildrenOf(field string) []*Node {
	var out []*Node
	id, ok := n.file.fieldID(field)
	if !ok {
		return nil
	}
	for _, c := range n.Children() {
		if c.field == id {
			out = append(out, c)
		}
	}
	return out
}

// NamedChildren returns the named children in order.
func (n *Node) NamedChildren() []*Node {
	out := make([]*Node, 0, len(n.Children()))
	for _, c := range n.Children() {
		if c.Named {
			out = append(out, c)
		}
	}
	return out
}

// Has reports whether the node has an anonymous token child of that kind.
func (n *Node) Has(token string) bool {
	for _, c := range n.Children() {
		if !c.Named && c.Kind == token {
			return true
		}
	}
	return false
}

var (
	language = tree_sitter.NewLanguage(tree_sitter_python.Language())
	codingRE = regexp.MustCompile(`^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)`)
)

// unsupported are grammar constructs that are not Python 3.11.
var unsupported = map[string]string{
	"type_alias_statement": "'type' statements need Python 3.12",
	"print_statement":      "invalid syntax",
	"type_parameters":      "type parameter lists need Python 3.12",
	"exec_statement":       "invalid syntax",
}

// Parse parses a UTF-8 Python module (a leading BOM is allowed).
func Parse(src []byte) (*File, error) {
	s := string(src)
	s = strings.TrimPrefix(s, "\ufeff")
	if err := checkEncoding(s); err != nil {
		return nil, err
	}
	f := &File{src: s, lineStart: []uint32{0}}
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			f.lineStart = append(f.lineStart, uint32(i+1))
		}
	}
	nodes, free, errStart, errRow, errSym, missing, failed := parseFlat(s)
	defer free()
	switch failed {
	case 1:
		l, c := f.pos(errRow, errStart)
		msg := "invalid syntax"
		if missing {
			msg = fmt.Sprintf("invalid syntax: expected %q", kinds[errSym])
		}
		return nil, &SyntaxError{Line: l, Col: c, Msg: msg}
	case 2:
		return nil, &SyntaxError{Line: 1, Col: 1, Msg: "cannot parse"}
	case 3:
		return nil, &SyntaxError{Line: 1, Col: 1, Msg: "too many nested levels"}
	}
	b := &builder{f: f, flat: nodes, nodes: make([]Node, len(nodes))}
	f.kids = make([]*Node, 0, len(nodes))
	f.Root = b.build()
	if b.bad != nil {
		l, c := b.bad.Pos()
		return nil, &SyntaxError{Line: l, Col: c, Msg: unsupported[b.bad.Kind]}
	}
	return f, nil
}

func checkEncoding(s string) error {
	if !utf8.ValidString(s) {
		i := 0
		for i < len(s) {
			r, w := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && w <= 1 {
				break
			}
			i += w
		}
		line := strings.Count(s[:i], "\n") + 1
		col := utf8.RuneCountInString(s[strings.LastIndexByte(s[:i], '\n')+1:i]) + 1
		return &SyntaxError{Line: line, Col: col, Msg: "source is not valid UTF-8"}
	}
	for i, line := range strings.SplitN(s, "\n", 3)[:min(2, strings.Count(s, "\n")+1)] {
		m := codingRE.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		enc := strings.ToLower(strings.ReplaceAll(m[1], "_", "-"))
		if enc != "utf-8" && enc != "utf8" && !strings.HasPrefix(enc, "utf-8-") {
			return &SyntaxError{Line: i + 1, Col: 1, Msg: fmt.Sprintf("encoding declaration %q is not supported (only UTF-8)", m[1])}
		}
	}
	return nil
}

// builder converts the flat pre-order nodes.
type builder struct {
	f     *File
	flat  []flatNode
	next  int
	bad   *Node
	nodes []Node
}

// build converts the next flat node and its subtree.
func (b *builder) build() *Node {
	fn := &b.flat[b.next]
	b.next++
	start, end := uint32(fn.start), uint32(fn.end)
	n := &b.nodes[b.next-1]
	*n = Node{Kind: kinds[fn.kind], field: uint16(fn.field), Named: fn.named != 0, Yields: fn.yields != 0,
		start: start, end: end, row: uint32(fn.row), file: b.f}
	if _, ok := unsupported[n.Kind]; ok && b.bad == nil {
		b.bad = n
	}
	if n.field != 0 && n.field == fieldIDs["type_parameters"] && b.bad == nil {
		n.Kind = "type_parameters"
		b.bad = n
	}
	k := uint32(fn.nkids)
	if k == 0 {
		return n
	}
	n.first, n.nkids = uint32(len(b.f.kids)), k
	b.f.kids = slices.Grow(b.f.kids, int(k))[:len(b.f.kids)+int(k)]
	for i := range k {
		b.f.kids[n.first+i] = b.build()
	}
	return n
}

func (f *File) fieldID(name string) (uint16, bool) {
	if f.fields != nil {
		id, ok := f.fields[name]
		return id, ok
	}
	id, ok := fieldIDs[name]
	return id, ok
}

// parseNew parses with the hand-written parser.
func parseNew(src []byte) (*File, error) {
	src = []byte(strings.TrimPrefix(string(src), "\ufeff"))
	m, err := sx.Parse(src)
	if err != nil {
		var e *sx.Error
		if errors.As(err, &e) {
			return nil, &SyntaxError{Line: e.Line, Col: e.Col, Msg: e.Msg}
		}
		return nil, err
	}
	f := convert(m)
	f.fields = fieldIndex
	return f, nil
}
