package pyparse

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/outline.golden from the current parser")

// dumpOutline writes a node and its subtree, one node a line.
func dumpOutline(b *strings.Builder, n *Node, depth int) {
	f := ""
	if n.field != 0 {
		f = fieldNames[n.field] + ":"
	}
	named := ""
	if !n.Named {
		named = "!"
	}
	y := ""
	if n.Yields {
		y = " Y"
	}
	fmt.Fprintf(b, "%s%s%s%s [%d-%d]%s\n", strings.Repeat(" ", depth), f, named, n.Kind(), n.start, n.end, y)
	for _, c := range n.Children() {
		dumpOutline(b, c, depth+1)
	}
}

// TestOutlineGolden compares the outline of testdata/outline.py (the
// constructs of the grammar) with testdata/outline.golden, which the
// tree-sitter grammar the analyzer was first written against produced.
func TestOutlineGolden(t *testing.T) {
	src, err := os.ReadFile("testdata/outline.py")
	if err != nil {
		t.Fatal(err)
	}
	f, err := Parse(string(src))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	dumpOutline(&b, f.Root, 0)
	if *update {
		if err := os.WriteFile("testdata/outline.golden", []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile("testdata/outline.golden")
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Split(b.String(), "\n")
	for i, w := range strings.Split(string(want), "\n") {
		if i >= len(got) || got[i] != w {
			g := "(end)"
			if i < len(got) {
				g = got[i]
			}
			t.Fatalf("line %d: got %q, want %q", i+1, g, w)
		}
	}
}
