package pyparse

import (
	"errors"
	"testing"
)

func TestParseTree(t *testing.T) {
	f, err := Parse([]byte("\ufeffimport a.b as c\n\n@dec(1)\nclass ﬁle(B):\n    x: int = 1  # c\n"))
	if err != nil {
		t.Fatal(err)
	}
	st := f.Root.NamedChildren()
	if len(st) != 2 || st[0].Kind != "import_statement" || st[1].Kind != "decorated_definition" {
		t.Fatalf("statements: %+v", st)
	}
	cls := st[1].Child("definition")
	if cls.Kind != "class_definition" || cls.Child("name").Text != "ﬁle" {
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
	f, err := Parse([]byte("é = 1; ü = x\n"))
	if err != nil {
		t.Fatal(err)
	}
	var x *Node
	var walk func(n *Node)
	walk = func(n *Node) {
		if n.Kind == "identifier" && n.Text == "x" {
			x = n
		}
		for _, c := range n.Children {
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
		{"type X = int\n", 1, 1},
		{"class A[T]:\n    pass\n", 1, 8},
		{"# -*- coding: latin-1 -*-\nx = 1\n", 1, 1},
		{"x = '\xff'\n", 1, 6},
	} {
		_, err := Parse([]byte(tc.src))
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
