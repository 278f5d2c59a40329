package pyparse

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"unsafe"
)

func TestParseTree(t *testing.T) {
	f, err := Parse("\ufeffimport a.b as c\n\n@dec(1)\nclass ﬁle(B):\n    x: int = 1  # c\n")
	if err != nil {
		t.Fatal(err)
	}
	st := f.Root.NamedChildren()
	if len(st) != 2 || st[0].Kind() != "import_statement" || st[1].Kind() != "decorated_definition" {
		t.Fatalf("statements: %+v", st)
	}
	cls := st[1].Child("definition")
	if cls.Kind() != "class_definition" || cls.Child("name").Text() != "ﬁle" {
		t.Fatalf("class: %+v", cls)
	}
	body := cls.Child("body").NamedChildren()
	if len(body) != 1 {
		t.Fatalf("comment kept: %d statements", len(body))
	}
	if l, c := cls.Child("name").Pos(); l != 4 || c != 7 {
		t.Fatalf("name at %d:%d", l, c)
	}
}

func TestColumnsCountCodePoints(t *testing.T) {
	f, err := Parse("é = 1; ü = x\n")
	if err != nil {
		t.Fatal(err)
	}
	var x *Node
	var walk func(n *Node)
	walk = func(n *Node) {
		if n.Kind() == "identifier" && n.Text() == "x" {
			x = n
		}
		for _, c := range n.Children() {
			walk(c)
		}
	}
	walk(f.Root)
	if l, c := x.Pos(); l != 1 || c != 12 {
		t.Fatalf("x at %d:%d, want 1:12", l, c)
	}
}

func TestSyntaxErrors(t *testing.T) {
	for _, tc := range []struct {
		src       string
		line, col int
	}{
		{"x = 1\ndef f(:\n    pass\n", 2, 7},
		{"type X = int\n", 1, 6},
		{"class A[T]:\n    pass\n", 1, 8},
		{"# -*- coding: latin-1 -*-\nx = 1\n", 1, 1},
		{"x = '\xff'\n", 1, 8},
	} {
		_, err := Parse(tc.src)
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("%q: got %v, want a syntax error", tc.src, err)
			continue
		}
		if se.Line != tc.line || se.Col != tc.col {
			t.Errorf("%q: error at %d:%d (%s), want %d:%d", tc.src, se.Line, se.Col, se.Msg, tc.line, tc.col)
		}
	}
}

func TestOutlineAndYields(t *testing.T) {
	src := "async def a():\n    '''doc'''\n    x = 1\n    yield x\n" +
		"async def b():\n    def inner():\n        yield 1\n    return [lambda: (yield)]\n" +
		"async def c():\n    if x:\n        y = yield_ = 2\n    else:\n        await (yield)\n"
	f, err := Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	defs := f.Root.NamedChildren()
	want := []bool{true, false, true}
	for i, d := range defs {
		if d.Yields != want[i] {
			t.Errorf("%s: Yields %v", d.Child("name").Text(), d.Yields)
		}
		if body := d.Child("body"); len(body.NamedChildren()) != 1 {
			t.Errorf("%s: body keeps %d statements", d.Child("name").Text(), len(body.NamedChildren()))
		}
	}
	if doc := defs[0].Child("body").NamedChildren()[0]; doc.Kind() != "expression_statement" || doc.Text() != "'''doc'''" {
		t.Errorf("first statement %q", doc.Text())
	}
}

// TestYieldInReplacementField parses modules whose only yield is in an
// f-string's replacement field, which a parser of its own reads.
func TestYieldInReplacementField(t *testing.T) {
	for _, src := range []string{"def f():\n    x = f\"{yield}\"\n", "def f():\n    return f'{1:{(yield)}}'\n"} {
		f, err := Parse(src)
		if err != nil {
			t.Fatal(err)
		}
		if d := f.Root.NamedChildren()[0]; !d.Yields {
			t.Errorf("%q: Yields false", src)
		}
	}
}

func TestOutlineKeepsGlobals(t *testing.T) {
	f, err := Parse("def f():\n    '''doc'''\n    x = 1\n    def g():\n        global a, b\n    if x:\n        global c\n")
	if err != nil {
		t.Fatal(err)
	}
	body := f.Root.NamedChildren()[0].Child("body").NamedChildren()
	if len(body) != 3 || body[0].Kind() != "expression_statement" || body[1].Text() != "global a, b" || body[2].Text() != "global c" {
		var got []string
		for _, b := range body {
			got = append(got, b.Text())
		}
		t.Fatalf("body %q", got)
	}
}

func TestDeepNesting(t *testing.T) {
	src := "x = " + strings.Repeat("(", 5000) + "1" + strings.Repeat(")", 5000) + "\n"
	_, err := Parse(src)
	var se *SyntaxError
	if !errors.As(err, &se) {
		t.Fatalf("got %v, want a syntax error", err)
	}
	if _, err := Parse("x = " + strings.Repeat("[", 3000) + "\n"); err == nil {
		t.Fatal("unbalanced brackets parsed")
	}
}

// TestNodeLayout checks that nodes hold no pointer and stay small, and
// that every node of a parsed file finds its file.
func TestNodeLayout(t *testing.T) {
	if size := unsafe.Sizeof(Node{}); size != 24 {
		t.Errorf("a node takes %d bytes, want 24", size)
	}
	var b strings.Builder
	for i := range 3000 { // several chunks, the first one small
		fmt.Fprintf(&b, "x%d = f(a, b)[c] + %d\n", i, i)
	}
	for _, src := range []string{"pass\n", "x = 1\n" + strings.Repeat("y = (1, 2, 3)\n", 30), b.String()} {
		f, err := Parse(src)
		if err != nil {
			t.Fatal(err)
		}
		count := 0
		var walk func(n *Node)
		walk = func(n *Node) {
			count++
			if n.File() != f {
				t.Fatalf("node %s at %d does not find its file", n.Kind(), n.start)
			}
			for _, c := range n.Children() {
				walk(c)
			}
		}
		walk(f.Root)
		if count < 2 {
			t.Errorf("%d nodes", count)
		}
	}
}

// TestChunkSizes checks that each chunk type fits, nearly filling it, the
// allocator's size class it was sized for (1.5, 3, 6, 12 and 24 KiB).
func TestChunkSizes(t *testing.T) {
	for _, c := range []struct{ size, class uintptr }{
		{unsafe.Sizeof(chunk63{}), 1536},
		{unsafe.Sizeof(chunk127{}), 3072},
		{unsafe.Sizeof(chunk255{}), 6144},
		{unsafe.Sizeof(chunk511{}), 12288},
		{unsafe.Sizeof(chunk1023{}), 24576},
	} {
		if c.size > c.class || c.class-c.size >= unsafe.Sizeof(Node{}) {
			t.Errorf("a chunk of %d bytes does not fill a %d-byte size class", c.size, c.class)
		}
	}
}

// TestNamedChildren checks the named children of nodes with and without
// anonymous ones, and that appending to them leaves the tree as it was.
func TestNamedChildren(t *testing.T) {
	f, err := Parse("async def f(): pass\nx = a + b\ny = g(1, 2)\n")
	if err != nil {
		t.Fatal(err)
	}
	st := f.Root.NamedChildren()
	kinds := func(ns []*Node) (out []string) {
		for _, n := range ns {
			out = append(out, n.Kind())
		}
		return out
	}
	fn := st[0] // has the anonymous "async"
	if got := kinds(fn.NamedChildren()); strings.Join(got, " ") != "identifier parameters block" {
		t.Errorf("function: %v", got)
	}
	plus := st[1].NamedChildren()[0].Child("right") // has the anonymous "+"
	if got := kinds(plus.NamedChildren()); strings.Join(got, " ") != "identifier identifier" {
		t.Errorf("binary operator: %v", got)
	}
	args := st[2].NamedChildren()[0].Child("right").Child("arguments")
	named := args.NamedChildren()
	_ = append(named, f.Root)
	if got := kinds(args.Children()); strings.Join(got, " ") != "integer integer" {
		t.Errorf("after an append to the named children, the children are %v", got)
	}
}

// TestChildrenOf checks the children of a field, adjacent or not, and
// that appending to them leaves the tree as it was.
func TestChildrenOf(t *testing.T) {
	f, err := Parse("import a, b.c as d, e\na < b <= c\n")
	if err != nil {
		t.Fatal(err)
	}
	st := f.Root.NamedChildren()
	names := st[0].ChildrenOf("name")
	if len(names) != 3 || names[1].Kind() != "aliased_import" {
		t.Fatalf("import names: %d", len(names))
	}
	_ = append(names, f.Root)
	if got := len(st[0].Children()); got != 3 {
		t.Errorf("after an append to a field's children, the import has %d children", got)
	}
	if st[0].ChildrenOf("value") != nil || st[0].ChildrenOf("no such field") != nil {
		t.Error("children of an absent field")
	}
	cmp := st[1].NamedChildren()[0] // operands and operators alternate
	ops := cmp.ChildrenOf("operators")
	if len(ops) != 2 || ops[0].Kind() != "<" || ops[1].Kind() != "<=" {
		t.Errorf("comparison operators: %d", len(ops))
	}
	if got := len(cmp.Children()); got != 5 || cmp.Children()[1].Kind() != "<" {
		t.Errorf("the comparison has %d children", got)
	}
}

// TestFieldID checks that every field name has its own slot and that
// other names are no field.
func TestFieldID(t *testing.T) {
	for i, f := range fieldNames {
		if id, ok := fieldID(f); !ok || int(id) != i {
			t.Errorf("fieldID(%q) = %d, %v; want %d", f, id, ok, i)
		}
	}
	for _, f := range []string{"nam", "names", "Name", "x", "typ", "value_", "bodies", "argumentz"} {
		if id, ok := fieldID(f); ok {
			t.Errorf("fieldID(%q) = %d, true; want no field", f, id)
		}
	}
}
