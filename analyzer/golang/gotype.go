package golang

import (
	"go/token"
	"go/types"
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

// goStruct is the Go spelling of a wire struct declared in the package
// being generated.
func (a *analysis) goStruct(d *typeDecl) (*Struct, error) {
	fields, err := a.goFields(d.pkg.Types, d.obj.Type().Underlying().(*types.Struct), d.spec.Pos())
	if err != nil {
		return nil, err
	}
	return &Struct{Name: d.obj.Name(), Fields: fields}, nil
}
