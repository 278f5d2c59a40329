package golang

import (
	"go/token"
	"go/types"
	"strings"
)

// goType converts a type to the GoType generated code in package self
// spells.
func (a *analysis) goType(self *types.Package, t types.Type, pos token.Pos) (*GoType, error) {
	switch u := t.(type) {
	case *types.Alias:
		// Spelled by its own name: an embedded field's name is the alias's.
		return a.named(self, u.Obj(), u.TypeArgs(), pos)
	case *types.Basic:
		if u.Kind() == types.UnsafePointer {
			return &GoType{Kind: Named, Path: "unsafe", PkgName: "unsafe", Name: "Pointer"}, nil
		}
		return &GoType{Kind: Named, Name: u.Name()}, nil
	case *types.Named:
		return a.named(self, u.Obj(), u.TypeArgs(), pos)
	case *types.Pointer:
		return a.wrap(self, Pointer, u.Elem(), pos)
	case *types.Slice:
		return a.wrap(self, Slice, u.Elem(), pos)
	case *types.Array:
		g, err := a.wrap(self, Array, u.Elem(), pos)
		if g != nil {
			g.Len = u.Len()
		}
		return g, err
	case *types.Chan:
		g, err := a.wrap(self, Chan, u.Elem(), pos)
		if g != nil {
			g.Dir = map[types.ChanDir]ChanDir{types.SendRecv: SendRecv, types.SendOnly: SendOnly, types.RecvOnly: RecvOnly}[u.Dir()]
		}
		return g, err
	case *types.Map:
		g, err := a.wrap(self, Map, u.Elem(), pos)
		if err != nil {
			return nil, err
		}
		g.Key, err = a.goType(self, u.Key(), pos)
		return g, err
	case *types.Signature:
		g := &GoType{Kind: Func, Variadic: u.Variadic()}
		for i := range u.Params().Len() {
			p, err := a.goType(self, u.Params().At(i).Type(), pos)
			if err != nil {
				return nil, err
			}
			g.Params = append(g.Params, p)
		}
		for i := range u.Results().Len() {
			r, err := a.goType(self, u.Results().At(i).Type(), pos)
			if err != nil {
				return nil, err
			}
			g.Results = append(g.Results, r)
		}
		return g, nil
	case *types.Struct:
		fields, err := a.goFields(self, u, pos)
		return &GoType{Kind: StructType, Fields: fields}, err
	case *types.Interface:
		if u.Empty() {
			return &GoType{Kind: EmptyInterface}, nil
		}
	}
	return nil, a.fail(pos, "use a named type for it", "aster-gen cannot spell the type %s in generated code", t.String())
}

// named spells a defined type or an alias, with its type arguments.
func (a *analysis) named(self *types.Package, obj *types.TypeName, args *types.TypeList, pos token.Pos) (*GoType, error) {
	g := &GoType{Kind: Named, Name: obj.Name()}
	if obj.Pkg() != nil && obj.Pkg().Path() != self.Path() {
		g.Path, g.PkgName = obj.Pkg().Path(), obj.Pkg().Name()
	}
	for i := range args.Len() {
		arg, err := a.goType(self, args.At(i), pos)
		if err != nil {
			return nil, err
		}
		g.Args = append(g.Args, arg)
	}
	return g, nil
}

func (a *analysis) wrap(self *types.Package, k TypeKind, elem types.Type, pos token.Pos) (*GoType, error) {
	e, err := a.goType(self, elem, pos)
	if err != nil {
		return nil, err
	}
	return &GoType{Kind: k, Elem: e}, nil
}

func (a *analysis) goFields(self *types.Package, st *types.Struct, pos token.Pos) ([]*StructField, error) {
	var out []*StructField
	for i := range st.NumFields() {
		v := st.Field(i)
		t, err := a.goType(self, v.Type(), v.Pos())
		if err != nil {
			return nil, err
		}
		f := &StructField{Name: v.Name(), Type: t, Tag: st.Tag(i)}
		if v.Embedded() {
			f.Name = ""
		}
		out = append(out, f)
	}
	return out, nil
}

// goStruct is the Go spelling of a wire struct in the generated code of
// package self; nil when it is declared in another package and self
// cannot spell it.
func (a *analysis) goStruct(self *types.Package, d *typeDecl) (*Struct, error) {
	typ, err := a.named(self, d.obj, nil, d.spec.Pos())
	if err != nil {
		return nil, err
	}
	fields, err := a.goFields(self, d.obj.Type().Underlying().(*types.Struct), d.spec.Pos())
	if err != nil {
		return nil, err
	}
	st := &Struct{Type: typ, Fields: fields}
	if d.pkg.Types != self && !spellable(self.Path(), st) {
		return nil, nil
	}
	return st, nil
}

// spellable reports whether package from can write a struct of another
// package as an anonymous struct: import its package, and name every
// field and every type in it.
func spellable(from string, st *Struct) bool {
	if !token.IsExported(st.Type.Name) || !importable(from, st.Type.Path) {
		return false
	}
	for _, f := range st.Fields {
		if (f.Name != "" && !token.IsExported(f.Name)) || !nameable(from, f.Type) {
			return false
		}
	}
	return true
}

// nameable reports whether package from can name every type in t.
func nameable(from string, t *GoType) bool {
	if t == nil {
		return true
	}
	if t.Kind == Named && t.Path != "" && (!token.IsExported(t.Name) || !importable(from, t.Path)) {
		return false
	}
	for _, ts := range [][]*GoType{t.Args, t.Params, t.Results, {t.Elem, t.Key}} {
		for _, x := range ts {
			if !nameable(from, x) {
				return false
			}
		}
	}
	for _, f := range t.Fields {
		if (f.Name != "" && !token.IsExported(f.Name)) || !nameable(from, f.Type) {
			return false
		}
	}
	return true
}

// importable reports whether package from may import path: a path with an
// internal element only from below the element's parent.
func importable(from, path string) bool {
	elems := strings.Split(path, "/")
	for i := len(elems) - 1; i >= 0; i-- {
		if elems[i] != "internal" {
			continue
		}
		if i == 0 {
			return false // the standard library's own
		}
		parent := strings.Join(elems[:i], "/")
		return from == parent || strings.HasPrefix(from, parent+"/")
	}
	return true
}
