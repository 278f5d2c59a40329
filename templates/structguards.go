package templates

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/asterkit/aster/analyzer/golang"
)

// structGuardsComment is the doc comment of the wire struct guards.
var structGuardsComment = []string{
	"These guards fail to compile when a wire struct changed after aster-gen",
	"ran: run go generate.",
}

// formattedStructGuards writes the wire struct guards, the file's last
// declaration and most of its size, as gofmt prints them, without going
// through gofmt. It reports false, writing nothing, for anything but the
// shapes whose gofmt form is plain: every struct's fields named, ASCII and
// spelled on one line (no struct-typed field, no channel of channels), and
// every import with the name jennifer gives it (names is the path → name
// map the file registers; the guards' own imports are registered in f).
func formattedStructGuards(b *bytes.Buffer, f *jen.File, pkg *golang.Package, names map[string]string) bool {
	if !plainImportNames(names) {
		return false
	}
	type line struct {
		name, typ string
	}
	guards := make([][]line, len(pkg.Structs))
	used := map[string]bool{}
	for i, st := range pkg.Structs {
		if !isASCII(st.Name) {
			return false
		}
		for _, fl := range st.Fields {
			if fl.Name == "" || !isASCII(fl.Name) {
				return false
			}
			var s strings.Builder
			if !spell(&s, fl.Type, names, used) {
				return false
			}
			guards[i] = append(guards[i], line{fl.Name, s.String()})
		}
	}
	for path := range used {
		// Rendering a qualified name registers its import in f.
		if err := jen.Qual(path, "X").RenderWithFile(&bytes.Buffer{}, f); err != nil {
			return false
		}
	}
	for _, c := range structGuardsComment {
		b.WriteString("// " + c + "\n")
	}
	b.WriteString("var (\n")
	for i, st := range pkg.Structs {
		if len(guards[i]) == 0 {
			b.WriteString("\t_ = " + st.Name + "(struct{}{})\n")
			continue
		}
		width := 0
		for _, l := range guards[i] {
			width = max(width, len(l.name))
		}
		b.WriteString("\t_ = " + st.Name + "(struct {\n")
		for _, l := range guards[i] {
			b.WriteString("\t\t" + l.name + strings.Repeat(" ", width+1-len(l.name)) + l.typ + "\n")
		}
		b.WriteString("\t}{})\n")
	}
	b.WriteString(")\n")
	return true
}

// plainImportNames reports whether every import of the file gets the name
// given for it: no name is a reserved word or given to two paths (the
// file also imports encoding/json and fmt).
func plainImportNames(names map[string]string) bool {
	owner := map[string]string{"json": "encoding/json", "fmt": "fmt", "_": "embed"}
	for path, name := range names {
		if name == "" || jen.IsReservedWord(name) {
			return false
		}
		if p, ok := owner[name]; ok && p != path {
			return false
		}
		owner[name] = path
	}
	return true
}

// spell writes t as gofmt prints it on one line, recording the import
// paths it uses; it reports false for a type it does not spell.
func spell(b *strings.Builder, t *golang.GoType, names map[string]string, used map[string]bool) bool {
	list := func(ts []*golang.GoType, variadic bool) bool {
		for i, x := range ts {
			if i > 0 {
				b.WriteString(", ")
			}
			if variadic && i == len(ts)-1 {
				b.WriteString("...")
				x = x.Elem
			}
			if !spell(b, x, names, used) {
				return false
			}
		}
		return true
	}
	switch t.Kind {
	case golang.Named:
		if !isASCII(t.Name) {
			return false
		}
		if t.Path != "" {
			used[t.Path] = true
			b.WriteString(names[t.Path] + ".")
		}
		b.WriteString(t.Name)
		if len(t.Args) > 0 {
			b.WriteString("[")
			if !list(t.Args, false) {
				return false
			}
			b.WriteString("]")
		}
		return true
	case golang.Pointer:
		b.WriteString("*")
		return spell(b, t.Elem, names, used)
	case golang.Slice:
		b.WriteString("[]")
		return spell(b, t.Elem, names, used)
	case golang.Array:
		b.WriteString("[" + strconv.FormatInt(t.Len, 10) + "]")
		return spell(b, t.Elem, names, used)
	case golang.Map:
		b.WriteString("map[")
		if !spell(b, t.Key, names, used) {
			return false
		}
		b.WriteString("]")
		return spell(b, t.Elem, names, used)
	case golang.Chan:
		if t.Elem.Kind == golang.Chan {
			return false
		}
		switch t.Dir {
		case golang.RecvOnly:
			b.WriteString("<-chan ")
		case golang.SendOnly:
			b.WriteString("chan<- ")
		default:
			b.WriteString("chan ")
		}
		return spell(b, t.Elem, names, used)
	case golang.Func:
		b.WriteString("func(")
		if !list(t.Params, t.Variadic) {
			return false
		}
		b.WriteString(")")
		switch len(t.Results) {
		case 0:
			return true
		case 1:
			b.WriteString(" ")
			return spell(b, t.Results[0], names, used)
		}
		b.WriteString(" (")
		ok := list(t.Results, false)
		b.WriteString(")")
		return ok
	case golang.StructType:
		b.WriteString("struct{}")
		return len(t.Fields) == 0
	case golang.EmptyInterface:
		b.WriteString("interface{}")
		return true
	}
	return false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
