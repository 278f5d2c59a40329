package pysyntax

import (
	"fmt"
	"os"
	"os/exec"
	"sort"
	"strings"
	"testing"
)

// positions lists the nodes of m that TestPositionsMatchCPython compares,
// in testdata/positions.py's format.
func positions(m *Module) []string {
	var out []string
	add := func(kind string, start, end Pos) {
		sl, sc := m.Lines.Line(start), int(start-m.Lines.LineStart(m.Lines.Line(start)))
		el, ec := m.Lines.Line(end), int(end-m.Lines.LineStart(m.Lines.Line(end)))
		out = append(out, fmt.Sprintf("%s %d %d %d %d", kind, sl, sc, el, ec))
	}
	elifEnd := map[*If]Pos{} // an elif is an If ending where its whole statement ends
	// Names that are identifiers, not Name expressions, in CPython's tree.
	idents := map[*Name]bool{}
	ident := func(ns ...*Name) {
		for _, n := range ns {
			idents[n] = true
		}
	}
	Inspect(m, func(n Node) bool {
		start, end := n.Span()
		kind := ""
		switch n := n.(type) {
		case *Attribute:
			ident(n.Attr)
		case *FuncDef:
			ident(n.Name)
		case *ClassDef:
			ident(n.Name)
		case *Dotted:
			ident(n.Names...)
		case *Alias:
			if n.AsName != nil {
				ident(n.AsName)
			}
		case *Keyword:
			if n.Name != nil {
				ident(n.Name)
			}
		case *Param:
			if n.Name != nil {
				ident(n.Name)
			}
		case *Global:
			ident(n.Names...)
		case *Nonlocal:
			ident(n.Names...)
		case *ExceptHandler:
			if n.Name != nil {
				ident(n.Name)
			}
		}
		switch n := n.(type) {
		case *Name:
			if idents[n] {
				return true
			}
			kind = "Name"
		case *Str:
			kind = "Constant"
			for _, p := range n.Parts {
				if p.FString() {
					kind = "JoinedStr"
				}
			}
			add(kind, start, end)
			return false
		case *Num, *Lit:
			kind = "Constant"
		case *MatchCase:
			return false
		case *Attribute, *Call, *Subscript, *BinOp, *Compare, *Lambda, *IfExp, *Starred,
			*Slice, *List, *Tuple, *Set, *Dict, *Await, *NamedExpr, *Assign, *AugAssign, *AnnAssign,
			*Return, *Delete, *Pass, *Break, *Continue, *Raise, *Global, *Nonlocal, *Assert, *Import,
			*ImportFrom, *While:
			kind = strings.TrimPrefix(fmt.Sprintf("%T", n), "*pysyntax.")
		case *UnaryOp:
			kind = "UnaryOp"
		case *Yield:
			kind = "Yield"
			if n.From {
				kind = "YieldFrom"
			}
		case *Comp:
			switch {
			case n.Value != nil:
				kind = "DictComp"
			case n.Kind == LBRACK:
				kind = "ListComp"
			case n.Kind == LBRACE:
				kind = "SetComp"
			}
		case *Keyword:
			kind = "keyword"
		case *ExprStmt:
			kind = "Expr"
		case *For:
			kind = map[bool]string{false: "For", true: "AsyncFor"}[n.Async]
		case *With:
			kind = map[bool]string{false: "With", true: "AsyncWith"}[n.Async]
		case *Try:
			kind = map[bool]string{false: "Try", true: "TryStar"}[n.Star]
		case *FuncDef:
			kind, start = map[bool]string{false: "FunctionDef", true: "AsyncFunctionDef"}[n.Async], n.DefStart
		case *ClassDef:
			kind, start = "ClassDef", n.DefStart
		case *If:
			kind = "If"
			if e, ok := elifEnd[n]; ok {
				end = e
			}
			for _, e := range n.Elifs {
				elifEnd[e] = end
			}
		}
		if kind != "" {
			add(kind, start, end)
		}
		return true
	})
	sort.Strings(out)
	return out
}

// TestPositionsMatchCPython compares the kind and range (line, byte
// column, end line, end column) of the statements, most expressions and
// the constants of every standard-library file with the nodes of CPython's
// ast module: function bodies included, the inside of f-strings and match
// patterns left out.
func TestPositionsMatchCPython(t *testing.T) {
	py := python311(t)
	files := stdlibFiles(t)
	cmd := exec.Command(py, "testdata/positions.py")
	cmd.Stdin = strings.NewReader(strings.Join(files, "\n"))
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("positions.py: %v", err)
	}
	want := map[string][]string{}
	for _, block := range strings.Split(string(out), "\n--\n") {
		lines := strings.Split(strings.TrimSpace(block), "\n")
		if len(lines) > 0 && lines[0] != "" {
			want[lines[0]] = lines[1:]
		}
	}
	bad, nodes := 0, 0
	var p Parser // one for all files: reused trees must be right too
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		m, err := p.ParseString(string(src))
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		got := positions(m)
		w := want[f]
		if len(w) == 1 && w[0] == "" {
			w = nil
		}
		nodes += len(w)
		if d := firstDiff(got, w); d != "" {
			if bad++; bad <= 10 {
				t.Errorf("%s: %s", f, d)
			}
		}
	}
	t.Logf("%d files, %d nodes compared, %d files differ", len(files), nodes, bad)
}

// firstDiff describes the first difference of two sorted lists.
func firstDiff(got, want []string) string {
	i, j := 0, 0
	for i < len(got) && j < len(want) {
		switch {
		case got[i] == want[j]:
			i++
			j++
		case got[i] < want[j]:
			return fmt.Sprintf("extra %q", got[i])
		default:
			return fmt.Sprintf("missing %q", want[j])
		}
	}
	if i < len(got) {
		return fmt.Sprintf("extra %q", got[i])
	}
	if j < len(want) {
		return fmt.Sprintf("missing %q", want[j])
	}
	return ""
}
