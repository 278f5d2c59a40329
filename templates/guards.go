package templates

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/asterkit/aster/analyzer/golang"
)

// enumGuardsComment is the doc comment of the enum constant guards.
var enumGuardsComment = []string{
	"These guards fail to compile when a constant of an enum type that a wire",
	"struct uses was removed or retyped after aster-gen ran: run go generate.",
}

// structGuardsComment is the doc comment of the wire struct guards.
var structGuardsComment = []string{
	"These guards fail to compile when a wire struct changed after aster-gen",
	"ran, a field tag included: run go generate.",
}

// formattedGuards writes the guards, the file's last declarations and
// most of its size, as gofmt prints them, without going through gofmt. It
// reports false, writing nothing, for anything but the shapes whose gofmt
// form is plain: ASCII names, every service with methods, every wire
// struct field named and every type spelled on one line (no struct-typed
// field, no channel of channels), and every import with the name given in
// names, the path → name map the file registers (the guards' imports are
// registered in f).
func formattedGuards(b *bytes.Buffer, f *jen.File, pkg *golang.Package, names map[string]string) bool {
	if !plainImportNames(names) {
		return false
	}
	used := map[string]bool{}
	var decls []string
	for _, s := range pkg.Services {
		d, ok := formattedServiceGuards(s, names, used)
		if !ok {
			return false
		}
		decls = append(decls, d...)
	}
	if len(pkg.Structs) > 0 {
		d, ok := formattedStructGuards(pkg.Structs, names, used)
		if !ok {
			return false
		}
		decls = append(decls, d)
	}
	if len(pkg.Enums) > 0 {
		d, ok := formattedEnumGuards(pkg.Enums, names, used)
		if !ok {
			return false
		}
		decls = append(decls, d)
	}
	for path := range used {
		// Rendering a qualified name registers its import in f.
		if err := jen.Qual(path, "X").RenderWithFile(&bytes.Buffer{}, f); err != nil {
			return false
		}
	}
	b.WriteString(strings.Join(decls, "\n"))
	return true
}

// formattedServiceGuards is serviceGuards for one service as gofmt prints
// it: the method set interface and the two var groups.
func formattedServiceGuards(s *golang.Service, names map[string]string, used map[string]bool) ([]string, bool) {
	if !isASCII(s.Interface) || len(s.Methods) == 0 {
		return nil, false
	}
	methods := "aster" + s.Interface + "Methods"
	var set, guards strings.Builder
	set.WriteString("// " + methods + " is the method set of " + s.Interface + " as aster-gen last saw it.\n")
	set.WriteString("type " + methods + " interface {\n")
	funcs := make([]string, len(s.Methods))
	for i, m := range s.Methods {
		var sig, fn strings.Builder
		if !isASCII(m.GoName) || !signature(&sig, "", m.Params, m.Results, false, names, used) ||
			!signature(&fn, s.Interface, m.Params, m.Results, false, names, used) {
			return nil, false
		}
		set.WriteString("\t" + m.GoName + sig.String() + "\n")
		funcs[i] = "func" + fn.String()
	}
	set.WriteString("}\n")
	guards.WriteString("// These guards fail to compile when " + s.Interface + " changed after aster-gen ran:\n")
	guards.WriteString("// run go generate.\n")
	guards.WriteString("var (\n")
	width := 0
	for _, fn := range funcs {
		width = max(width, len(fn))
	}
	for i, m := range s.Methods {
		guards.WriteString("\t_ " + funcs[i] + pad(width, funcs[i]) + "= " + GuardFunc + "(" + s.Interface + "." + m.GoName + ")\n")
	}
	guards.WriteString(")\n")
	both := "var (\n" +
		"\t_ " + s.Interface + pad(len(methods), s.Interface) + "= " + GuardFunc + "(" + methods + "(nil))\n" +
		"\t_ " + methods + " = " + GuardFunc + "(" + s.Interface + "(nil))\n" +
		")\n"
	return []string{set.String(), guards.String(), both}, true
}

// formattedStructGuards is structGuards as gofmt prints it.
func formattedStructGuards(structs []*golang.Struct, names map[string]string, used map[string]bool) (string, bool) {
	var b strings.Builder
	for _, c := range structGuardsComment {
		b.WriteString("// " + c + "\n")
	}
	b.WriteString("var (\n")
	for _, st := range structs {
		var name strings.Builder
		if !spell(&name, st.Type, names, used) {
			return "", false
		}
		guard := "\t_ = " + GuardFunc + "[" + name.String() + "]"
		if len(st.Fields) == 0 {
			b.WriteString(guard + "(struct{}{})\n")
			continue
		}
		fieldNames := make([]string, len(st.Fields))
		types := make([]string, len(st.Fields))
		width := 0
		for i, fl := range st.Fields {
			if fl.Name == "" || !isASCII(fl.Name) || !rawTag(fl.Tag) {
				return "", false
			}
			var t strings.Builder
			if !spell(&t, fl.Type, names, used) {
				return "", false
			}
			fieldNames[i], types[i] = fl.Name, t.String()
			width = max(width, len(fl.Name))
		}
		b.WriteString(guard + "(struct {\n")
		typeWidth := 0 // of the run of tagged fields the current one is in
		for i, name := range fieldNames {
			b.WriteString("\t\t" + name + pad(width, name) + types[i])
			if tag := st.Fields[i].Tag; tag != "" {
				if i == 0 || st.Fields[i-1].Tag == "" {
					typeWidth = taggedRunWidth(st.Fields[i:], types[i:])
				}
				b.WriteString(pad(typeWidth, types[i]) + "`" + tag + "`")
			}
			b.WriteString("\n")
		}
		b.WriteString("\t}{})\n")
	}
	b.WriteString(")\n")
	return b.String(), true
}

// formattedEnumGuards is enumGuards as gofmt prints it.
func formattedEnumGuards(enums []*golang.EnumConst, names map[string]string, used map[string]bool) (string, bool) {
	types := make([]string, len(enums))
	consts := make([]string, len(enums))
	width := 0
	for i, e := range enums {
		var t, c strings.Builder
		if !spell(&t, e.Type, names, used) || !spell(&c, e.Const, names, used) {
			return "", false
		}
		types[i], consts[i] = t.String(), c.String()
		width = max(width, len(types[i]))
	}
	var b strings.Builder
	for _, c := range enumGuardsComment {
		b.WriteString("// " + c + "\n")
	}
	b.WriteString("var (\n")
	for i := range enums {
		b.WriteString("\t_ " + types[i] + pad(width, types[i]) + "= " + GuardFunc + "(" + consts[i] + ")\n")
	}
	b.WriteString(")\n")
	return b.String(), true
}

// taggedRunWidth is the width of the widest of the types of the fields
// that start fields and carry a tag: gofmt aligns the tags of consecutive
// tagged fields, and an untagged field ends the column.
func taggedRunWidth(fields []*golang.StructField, types []string) int {
	width := 0
	for i, fl := range fields {
		if fl.Tag == "" {
			break
		}
		width = max(width, len(types[i]))
	}
	return width
}

// pad is the run of spaces that aligns s in a column width wide, plus the
// separating space.
func pad(width int, s string) string {
	return strings.Repeat(" ", width+1-len(s))
}

// plainImportNames reports whether every import of the file gets the name
// given for it, and that name is ASCII: no name is a reserved word or given
// to two paths.
func plainImportNames(names map[string]string) bool {
	owner := map[string]string{"_": "embed"}
	for path, name := range names {
		if name == "" || !isASCII(name) || jen.IsReservedWord(name) {
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
			if !spellList(b, t.Args, false, names, used) {
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
		b.WriteString("func")
		return signature(b, "", t.Params, t.Results, t.Variadic, names, used)
	case golang.StructType:
		b.WriteString("struct{}")
		return len(t.Fields) == 0
	case golang.EmptyInterface:
		b.WriteString("interface{}")
		return true
	}
	return false
}

// spellList writes types separated by commas, the last as ...T when
// variadic (its type being []T).
func spellList(b *strings.Builder, ts []*golang.GoType, variadic bool, names map[string]string, used map[string]bool) bool {
	for i, t := range ts {
		if i > 0 {
			b.WriteString(", ")
		}
		if variadic && i == len(ts)-1 {
			b.WriteString("...")
			t = t.Elem
		}
		if !spell(b, t, names, used) {
			return false
		}
	}
	return true
}

// signature writes a parameter list, first (a type name) before params when
// not empty, and the results, as gofmt prints a signature.
func signature(b *strings.Builder, first string, params, results []*golang.GoType, variadic bool, names map[string]string, used map[string]bool) bool {
	b.WriteString("(" + first)
	if first != "" && len(params) > 0 {
		b.WriteString(", ")
	}
	if !spellList(b, params, variadic, names, used) {
		return false
	}
	b.WriteString(")")
	switch len(results) {
	case 0:
		return true
	case 1:
		b.WriteString(" ")
		return spell(b, results[0], names, used)
	}
	b.WriteString(" (")
	ok := spellList(b, results, false, names, used)
	b.WriteString(")")
	return ok
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
