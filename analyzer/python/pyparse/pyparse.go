// Package pyparse parses Python 3.11 source into a small syntax tree of Go
// values. It wraps the tree-sitter Python grammar; the tree-sitter objects
// are freed before Parse returns, so callers never deal with C memory.
// The tree is an outline: function bodies keep only their first statement
// (the docstring position) and whether they yield.
package pyparse

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	tree_sitter "github.com/tree-sitter/go-tree-sitter"
	tree_sitter_python "github.com/tree-sitter/tree-sitter-python/bindings/go"
)

// Node is one node of the syntax tree. Kind is the grammar's node type
// ("class_definition", "identifier", "+", …). Of the anonymous tokens only
// those with a field name (operators) and the "async" keyword are kept.
type Node struct {
	Kind string
	// Text is the node's source text.
	Text     string
	Children []*Node
	file     *File
	start    uint32
	row      uint32
	field    uint16
	// Named is false for anonymous tokens (punctuation, keywords).
	Named bool
	// Yields is set on a function_definition whose body contains a yield
	// outside nested scopes. The body itself holds only its first
	// statement.
	Yields bool
}

// FieldName is the grammar field name of the node inside its parent, or "".
func (n *Node) FieldName() string { return fields[n.field] }

// File is a parsed module.
type File struct {
	// Root is the "module" node.
	Root *Node
	src  string
	// lineStart holds the byte offset of each line's first byte.
	lineStart []uint32
}

// SyntaxError is a source the grammar rejects, at its first error.
type SyntaxError struct {
	Line, Col int
	Msg       string
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg) }

// Pos returns the node's 1-based line and 1-based column in code points.
func (n *Node) Pos() (line, col int) {
	return n.file.pos(n.row, n.start)
}

func (f *File) pos(row, start uint32) (int, int) {
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
	id := fieldIDs[field]
	for _, c := range n.Children {
		if c.field == id {
			return c
		}
	}
	return nil
}

// ChildrenOf returns every child with the given field name.
func (n *Node) ChildrenOf(field string) []*Node {
	var out []*Node
	id := fieldIDs[field]
	for _, c := range n.Children {
		if c.field == id {
			out = append(out, c)
		}
	}
	return out
}

// NamedChildren returns the named children in order.
func (n *Node) NamedChildren() []*Node {
	out := make([]*Node, 0, len(n.Children))
	for _, c := range n.Children {
		if c.Named {
			out = append(out, c)
		}
	}
	return out
}

// Has reports whether the node has an anonymous token child of that kind.
func (n *Node) Has(token string) bool {
	for _, c := range n.Children {
		if !c.Named && c.Kind == token {
			return true
		}
	}
	return false
}

var (
	language = tree_sitter.NewLanguage(tree_sitter_python.Language())
	parsers  = sync.Pool{New: func() any {
		p := tree_sitter.NewParser()
		if err := p.SetLanguage(language); err != nil {
			panic(err) // the bundled grammar always matches the runtime
		}
		return p
	}}
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
	p := parsers.Get().(*tree_sitter.Parser)
	tree := p.Parse([]byte(s), nil)
	parsers.Put(p)
	if tree == nil {
		return nil, &SyntaxError{Line: 1, Col: 1, Msg: "cannot parse"}
	}
	defer tree.Close()
	root := tree.RootNode()
	if root.HasError() {
		return nil, f.firstError(root)
	}
	initKinds()
	b := &builder{f: f, cur: tree.Walk()}
	defer b.cur.Close()
	rn := tree.RootNode()
	f.Root = b.build(rn, kinds[rn.KindId()], 0)
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

// kindInfo caches per-symbol facts so the tree walk avoids cgo calls and
// C string conversions.
type kindInfo struct {
	name  string
	named bool
	extra bool
}

var (
	kindsOnce sync.Once
	kinds     []kindInfo
	fields    []string
	fieldIDs  map[string]uint16
)

func initKinds() {
	kindsOnce.Do(func() {
		n := language.NodeKindCount()
		kinds = make([]kindInfo, n)
		for id := uint32(0); id < n; id++ {
			name := language.NodeKindForId(uint16(id))
			kinds[id] = kindInfo{name: name, named: language.NodeKindIsNamed(uint16(id)),
				extra: name == "comment" || name == "line_continuation"}
		}
		fc := language.FieldCount()
		fields = make([]string, fc+1)
		fieldIDs = map[string]uint16{"": 0}
		for id := uint32(1); id <= fc; id++ {
			fields[id] = language.FieldNameForId(uint16(id))
			fieldIDs[fields[id]] = uint16(id)
		}
	})
}

// builder converts a tree-sitter tree, allocating nodes in slabs.
type builder struct {
	f     *File
	cur   *tree_sitter.TreeCursor
	bad   *Node
	slab  []Node
	kids  []*Node
	stack []*Node
}

func (b *builder) alloc() *Node {
	if len(b.slab) == 0 {
		b.slab = make([]Node, 128)
	}
	n := &b.slab[0]
	b.slab = b.slab[1:]
	return n
}

// row returns the 0-based line of a byte offset.
func (f *File) row(off uint32) uint32 {
	lo, hi := 0, len(f.lineStart)
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if f.lineStart[mid] <= off {
			lo = mid
		} else {
			hi = mid
		}
	}
	return uint32(lo)
}

// build copies the subtree under the cursor (whose node is tn) into Go
// nodes. Function bodies are reduced to their first statement (where a
// docstring lives); whether they yield is recorded in Yields.
func (b *builder) build(tn *tree_sitter.Node, info kindInfo, field uint16) *Node {
	start, end := uint32(tn.StartByte()), uint32(tn.EndByte())
	n := b.alloc()
	*n = Node{Kind: info.name, field: field, Named: info.named, Text: b.f.src[start:end], start: start, row: b.f.row(start), file: b.f}
	if _, ok := unsupported[n.Kind]; ok && b.bad == nil {
		b.bad = n
	}
	if field == fieldIDs["type_parameters"] && field != 0 && b.bad == nil {
		n.Kind = "type_parameters"
		b.bad = n
	}
	if !b.cur.GotoFirstChild() {
		return n
	}
	base := len(b.stack)
	isDef := n.Kind == "function_definition"
	for {
		c := b.cur.Node()
		k := kinds[c.KindId()]
		fid := b.cur.FieldId()
		if !k.extra && (k.named || fid != 0 || k.name == "async") {
			var child *Node
			if isDef && fid == fieldIDs["body"] {
				child = b.outline(c)
				n.Yields = strings.Contains(child.Text, "yield") && b.hasYield()
			} else {
				child = b.build(c, k, fid)
			}
			b.stack = append(b.stack, child)
		}
		if !b.cur.GotoNextSibling() {
			break
		}
	}
	b.cur.GotoParent()
	k := len(b.stack) - base
	if len(b.kids) < k {
		b.kids = make([]*Node, max(1024, k))
	}
	n.Children = b.kids[:k:k]
	b.kids = b.kids[k:]
	copy(n.Children, b.stack[base:])
	b.stack = b.stack[:base]
	return normalise(n)
}

// outline builds a function body block holding only its first statement.
func (b *builder) outline(tn *tree_sitter.Node) *Node {
	start, end := uint32(tn.StartByte()), uint32(tn.EndByte())
	n := b.alloc()
	*n = Node{Kind: kinds[tn.KindId()].name, field: fieldIDs["body"], Named: true, Text: b.f.src[start:end], start: start, row: b.f.row(start), file: b.f}
	if !b.cur.GotoFirstChild() {
		return n
	}
	for {
		c := b.cur.Node()
		if k := kinds[c.KindId()]; k.named && !k.extra {
			n.Children = []*Node{b.build(c, k, b.cur.FieldId())}
			break
		}
		if !b.cur.GotoNextSibling() {
			break
		}
	}
	b.cur.GotoParent()
	return n
}

// hasYield reports whether the block under the cursor contains a yield
// outside nested functions, lambdas and classes.
func (b *builder) hasYield() bool {
	found := false
	var walk func()
	walk = func() {
		name := kinds[b.cur.Node().KindId()].name
		switch name {
		case "yield":
			found = true
			return
		case "function_definition", "lambda", "class_definition":
			return
		}
		if !b.cur.GotoFirstChild() {
			return
		}
		for !found {
			walk()
			if !b.cur.GotoNextSibling() {
				break
			}
		}
		b.cur.GotoParent()
	}
	walk()
	return found
}

// normalise rewrites the grammar's annotation-only node types into the
// expression forms they stand for: a "type" wrapper becomes its content,
// generic_type a subscript, union_type a | binary operator.
func normalise(n *Node) *Node {
	switch n.Kind {
	case "type":
		if kids := n.NamedChildren(); len(kids) == 1 {
			k := kids[0]
			k.field = n.field
			return k
		}
	case "generic_type":
		kids := n.NamedChildren()
		if len(kids) == 2 && kids[1].Kind == "type_parameter" {
			kids[0].field = fieldIDs["value"]
			out := []*Node{kids[0]}
			for _, a := range kids[1].NamedChildren() {
				a.field = fieldIDs["subscript"]
				out = append(out, a)
			}
			n.Kind, n.Children = "subscript", out
		}
	case "union_type":
		kids := n.NamedChildren()
		if len(kids) == 2 {
			kids[0].field, kids[1].field = fieldIDs["left"], fieldIDs["right"]
			op := &Node{Kind: "|", field: fieldIDs["operator"], Text: "|", start: kids[1].start, row: kids[1].row, file: n.file}
			n.Kind, n.Children = "binary_operator", []*Node{kids[0], op, kids[1]}
		}
	}
	return n
}

// firstError finds the first ERROR or MISSING node in document order.
func (f *File) firstError(root *tree_sitter.Node) error {
	cur := root.Walk()
	defer cur.Close()
	for {
		n := cur.Node()
		if n.IsError() || n.IsMissing() {
			l, c := f.pos(uint32(n.StartPosition().Row), uint32(n.StartByte()))
			msg := "invalid syntax"
			if n.IsMissing() {
				msg = fmt.Sprintf("invalid syntax: expected %q", n.Kind())
			}
			return &SyntaxError{Line: l, Col: c, Msg: msg}
		}
		if n.HasError() && cur.GotoFirstChild() {
			continue
		}
		for !cur.GotoNextSibling() {
			if !cur.GotoParent() {
				return &SyntaxError{Line: 1, Col: 1, Msg: "invalid syntax"}
			}
		}
	}
}
