package astergen

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/asterkit/aster/contract/manifest"
)

// CheckManifests is `aster contract check --go`: it checks, in each service
// package matching patterns (relative to the current directory), only the
// manifest aster-gen writes there, and returns the exit code.
func CheckManifests(patterns []string, stdout, stderr io.Writer) int {
	dir, err := os.Getwd()
	if err != nil {
		return fail(stderr, err.Error(), "Run it from an existing directory.")
	}
	o := Options{Dir: dir, Patterns: patterns, Check: true, Stdout: stdout, Stderr: stderr,
		Command: strings.Join(append([]string{"aster-gen"}, patterns...), " ")}
	outs, code := plan(o)
	if code != 0 {
		return code
	}
	for _, p := range outs {
		p.goPath, p.testPath = "", ""
	}
	return check(o, outs)
}

// check compares the computed files with those on disk and reports, per
// package, what is out of date: the manifest drift report, then the wire
// structs and interfaces whose generated guards changed. It returns 1 on
// drift.
func check(o Options, outs []*pkgOutput) int {
	drift := false
	for _, p := range outs {
		var lines []string
		mpath := rel(o.Dir, p.manifestPath)
		old, err := readIfExists(p.manifestPath)
		switch {
		case err != nil:
			return fail(o.Stderr, fmt.Sprintf("cannot read %s: %v", mpath, err), "Check the file's permissions.")
		case old == nil:
			lines = append(lines, mpath+" is missing")
		default:
			of, err := manifest.Parse(mpath, old)
			if err != nil {
				lines = append(lines, fmt.Sprintf("%s cannot be read: %v", mpath, err))
				break
			}
			if r := manifest.Compare(of, p.file); r.Drift() {
				lines = append(lines, strings.Split(strings.TrimRight(r.Text(false), "\n"), "\n")...)
			}
		}
		for _, f := range []struct {
			path, why string
			want      []byte
			detail    func(old, want []byte) []string
		}{
			{p.goPath, "", p.goBytes, guardChanges},
			{p.testPath, " (the //aster: directives changed)", p.testBytes, nil},
		} {
			more, err := fileDrift(o.Dir, f.path, f.want, f.why, f.detail)
			if err != nil {
				return fail(o.Stderr, err.Error(), "Check the file's permissions.")
			}
			lines = append(lines, more...)
		}
		if len(lines) == 0 {
			continue
		}
		drift = true
		fmt.Fprintf(o.Stdout, "%s:\n", p.label)
		for _, l := range lines {
			fmt.Fprintf(o.Stdout, "  %s\n", l)
		}
	}
	if drift {
		fmt.Fprintf(o.Stdout, "The generated contract files are out of date. Regenerate them with:\n  go generate ./...\n"+
			"(where a //go:generate line runs aster-gen; or run: %s)\n", o.Command)
		return 1
	}
	if !o.Quiet {
		for _, p := range outs {
			fmt.Fprintf(o.Stdout, "%s: contract files up to date\n", p.label)
		}
	}
	return 0
}

// guardSet is what the guards of one generated file say: per wire struct,
// enum type and service interface, its members in order with their types.
type guardSet map[string][][2]string

// guardChanges lists, in sorted order, the wire structs and interface
// methods whose generated guards differ between two generated files:
// "wire struct StatusRequest: ~ field Verbose: bool -> string".
func guardChanges(oldSrc, newSrc []byte) []string {
	o, n := guards(oldSrc), guards(newSrc)
	var names []string
	for k := range o {
		names = append(names, k)
	}
	for k := range n {
		if _, ok := o[k]; !ok {
			names = append(names, k)
		}
	}
	slices.Sort(names)
	var out []string
	for _, name := range names {
		om, inOld := o[name]
		nm, inNew := n[name]
		switch {
		case !inOld:
			out = append(out, "+ "+name)
		case !inNew:
			out = append(out, "- "+name)
		default:
			for _, c := range memberChanges(om, nm) {
				out = append(out, name+": "+c)
			}
		}
	}
	return out
}

// structGuard reads a wire struct guard, asterRunGoGenerate[Name](arg):
// the struct's name and its fields with their types and tags.
func structGuard(fun *ast.IndexExpr, arg ast.Expr, text func(ast.Node) string) (string, [][2]string, bool) {
	lit, ok := arg.(*ast.CompositeLit)
	if !ok || !isName(fun.Index) {
		return "", nil, false
	}
	st, ok := lit.Type.(*ast.StructType)
	if !ok {
		return "", nil, false
	}
	var ms [][2]string
	for _, fl := range st.Fields.List {
		if len(fl.Names) == 0 {
			ms = append(ms, [2]string{"embedded " + text(fl.Type), ""})
		}
		typ := text(fl.Type)
		if fl.Tag != nil {
			typ += " " + fl.Tag.Value
		}
		for _, n := range fl.Names {
			ms = append(ms, [2]string{"field " + n.Name, typ})
		}
	}
	return text(fun.Index), ms, true
}

// isName reports whether e is a name or a qualified name.
func isName(e ast.Expr) bool {
	switch e.(type) {
	case *ast.Ident, *ast.SelectorExpr:
		return true
	}
	return false
}

func memberChanges(old, new [][2]string) []string {
	find := func(ms [][2]string, name string) (string, bool) {
		for _, m := range ms {
			if m[0] == name {
				return m[1], true
			}
		}
		return "", false
	}
	member := func(m [2]string) string { return strings.TrimSpace(m[0] + " " + m[1]) }
	var out []string
	for _, m := range old {
		if t, ok := find(new, m[0]); !ok {
			out = append(out, "- "+member(m))
		} else if t != m[1] {
			out = append(out, fmt.Sprintf("~ %s: %s -> %s", m[0], m[1], t))
		}
	}
	for _, m := range new {
		if _, ok := find(old, m[0]); !ok {
			out = append(out, "+ "+member(m))
		}
	}
	return out
}

// guards reads the guards of a generated file: the anonymous struct of
// each `_ = asterRunGoGenerate[Name](struct{…}{})`, the constants of each
// `_ Enum = asterRunGoGenerate(Constant)` and the methods of each
// aster…Methods interface. An unparsable file gives an empty set.
func guards(src []byte) guardSet {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", src, parser.SkipObjectResolution)
	if err != nil {
		return guardSet{}
	}
	text := func(n ast.Node) string {
		var b bytes.Buffer
		printer.Fprint(&b, fset, n)
		return b.String()
	}
	set := guardSet{}
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok {
			continue
		}
		for _, s := range gd.Specs {
			switch s := s.(type) {
			case *ast.TypeSpec:
				it, ok := s.Type.(*ast.InterfaceType)
				name, isGuard := strings.CutSuffix(strings.TrimPrefix(s.Name.Name, "aster"), "Methods")
				if !ok || !isGuard {
					continue
				}
				var ms [][2]string
				for _, m := range it.Methods.List {
					for _, id := range m.Names {
						ms = append(ms, [2]string{"method " + id.Name, strings.TrimPrefix(text(m.Type), "func")})
					}
				}
				set["interface "+name] = ms
			case *ast.ValueSpec:
				for _, v := range s.Values {
					call, ok := v.(*ast.CallExpr)
					if !ok || len(call.Args) != 1 {
						continue
					}
					switch fun := call.Fun.(type) {
					case *ast.IndexExpr: // asterRunGoGenerate[Name](struct{…}{})
						if name, ms, ok := structGuard(fun, call.Args[0], text); ok {
							set["wire struct "+name] = ms
						}
					case *ast.Ident: // _ Enum = asterRunGoGenerate(Constant)
						if isName(s.Type) && isName(call.Args[0]) {
							key := "enum " + text(s.Type)
							set[key] = append(set[key], [2]string{"constant " + text(call.Args[0]), ""})
						}
					}
				}
			}
		}
	}
	return set
}

// fileDrift compares the generated file at path with want: nothing when it
// is current or not written at all (path ""), else the lines saying how it
// differs (why is added to "out of date"; detail, if set, lists changes).
func fileDrift(dir, path string, want []byte, why string, detail func(old, want []byte) []string) ([]string, error) {
	if path == "" {
		return nil, nil
	}
	shown := rel(dir, path)
	old, err := readIfExists(path)
	switch {
	case err != nil:
		return nil, fmt.Errorf("cannot read %s: %v", shown, err)
	case old == nil:
		return []string{shown + " is missing"}, nil
	case bytes.Equal(old, want):
		return nil, nil
	}
	lines := []string{shown + " is out of date" + why}
	if detail != nil {
		for _, l := range detail(old, want) {
			lines = append(lines, "  "+l)
		}
	}
	return lines, nil
}
