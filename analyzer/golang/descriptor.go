package golang

import (
	"go/types"

	"github.com/asterkit/aster/contract/manifest"
)

// kindInfo is the manifest classification of a Go type (docs/formats.md
// "The manifest"; the Go side of it is in docs/go.md "Wire structs and
// fields").
type kindInfo struct {
	kind       string
	nullable   bool
	ref        string // ref_name: the Go type name of a struct or enum
	wireTag    string
	enumValues []any
	item       *kindInfo // list element
	key, value *kindInfo // map key and value
}

// classify maps a Go type onto a descriptor kind:
//
//	string → string; bool → bool; every integer type → int;
//	float32, float64 → float; []byte → bytes;
//	a wire struct → ref (ref_name = Go name, wire_tag = its tag or "");
//	an enum (defined basic type with typed constants) → enum, its
//	constants' values in source order;
//	a defined basic type without constants → as its underlying type;
//	*T → T, nullable; []T and [N]T → list of T; map[K]V → map;
//	map[K]struct{} (a set), time.Time, interfaces, functions, channels and
//	other named types → string, as the reference does for sets and
//	unrecognised annotations.
func (a *analysis) classify(t types.Type) *kindInfo {
	switch u := types.Unalias(t).(type) {
	case *types.Pointer:
		k := a.classify(u.Elem())
		k.nullable = true
		return k
	case *types.Basic:
		return &kindInfo{kind: basicKind(u)}
	case *types.Slice:
		if isByteSlice(u) {
			return &kindInfo{kind: "bytes"}
		}
		return &kindInfo{kind: "list", item: a.classify(u.Elem())}
	case *types.Array:
		return &kindInfo{kind: "list", item: a.classify(u.Elem())}
	case *types.Map:
		if isEmptyStruct(u.Elem()) {
			return &kindInfo{kind: "string"}
		}
		return &kindInfo{kind: "map", key: a.classify(u.Key()), value: a.classify(u.Elem())}
	case *types.Named:
		switch under := u.Underlying().(type) {
		case *types.Struct:
			if isTime(u) {
				break
			}
			k := &kindInfo{kind: "ref", ref: u.Obj().Name()}
			if info := a.registered(u.Obj()); info != nil {
				k.wireTag = info.tag
			}
			return k
		case *types.Basic:
			if cs := a.enumConsts(u); len(cs) > 0 {
				k := &kindInfo{kind: "enum", ref: u.Obj().Name(), enumValues: []any{}}
				for _, c := range cs {
					k.enumValues = append(k.enumValues, constValue(c))
				}
				return k
			}
			return &kindInfo{kind: basicKind(under)}
		}
	}
	return &kindInfo{kind: "string"}
}

func basicKind(b *types.Basic) string {
	switch {
	case b.Kind() == types.String:
		return "string"
	case b.Kind() == types.Bool:
		return "bool"
	case b.Info()&types.IsInteger != 0 && b.Kind() != types.Uintptr:
		return "int"
	case b.Info()&types.IsFloat != 0:
		return "float"
	}
	return "string"
}

// descriptor is the manifest field descriptor of a wire field.
func (a *analysis) descriptor(name string, t types.Type) manifest.Field {
	k := a.classify(t)
	f := manifest.Field{
		Name: name, Kind: k.kind, Nullable: k.nullable, Required: true,
		DefaultValue: nil, DefaultKind: "none", Description: "", Tags: []string{},
		Properties: manifest.NoProperties,
	}
	switch k.kind {
	case "ref":
		f.RefName, f.WireTag = ptr(k.ref), ptr(k.wireTag)
	case "enum":
		f.RefName, f.EnumValues = ptr(k.ref), k.enumValues
	case "list":
		f.ItemKind, f.ItemNullable = ptr(k.item.kind), ptr(k.item.nullable)
		if k.item.ref != "" {
			f.ItemRef = ptr(k.item.ref)
		}
		if k.item.wireTag != "" {
			f.ItemWireTag = ptr(k.item.wireTag)
		}
	case "map":
		f.KeyKind, f.ValueKind, f.ValueNullable = ptr(k.key.kind), ptr(k.value.kind), ptr(k.value.nullable)
		if k.value.ref != "" {
			f.ValueRef = ptr(k.value.ref)
		}
	}
	return f
}

func ptr[T any](v T) *T { return &v }
