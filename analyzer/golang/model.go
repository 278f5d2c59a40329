package golang

import "github.com/asterkit/aster/analyzer"

// Package is one analysed Go package that declares services: everything
// the emitter needs to write its manifest and aster_contract.go.
type Package struct {
	// Dir is the package directory (absolute).
	Dir string
	// Name is the package name; Path its import path.
	Name string
	Path string
	// Services are the package's services, sorted by contract name, then
	// version, then interface name.
	Services []*Service
	// Structs are the wire structs the services reach (including embedded
	// ones), sorted by type key: those declared in this package, and those
	// of other packages that generated code here can spell (importable,
	// every field exported and of types it can name).
	Structs []*Struct
	// Directives are the package's //aster: directives, one per line as
	// "Decl //aster:…" (Decl is a type name or Interface.Method), sorted:
	// what generated code compares with the sources to notice a directive
	// that changed after generation.
	Directives []string
	// Enums are the typed constants of the enum types (defined basic types
	// with typed constants, ANY in the contract) that the wire fields of
	// Structs use, by type key, then in source order; only those the
	// package can name.
	Enums []*EnumConst
	// Declared are the package-level names the package's own files
	// declare (aster_contract.go aside), with where: generated code must
	// neither declare them nor import a package under one of them.
	Declared map[string]Position
}

// EnumConst is one typed constant of an enum type.
type EnumConst struct {
	// Type is the enum type.
	Type *GoType
	// Const spells the constant: Path and PkgName of its package ("" for
	// the package being generated) and its Name.
	Const *GoType
}

// Position is a place in a source file, the file relative to the
// analysis directory.
type Position struct {
	File      string
	Line, Col int
}

// Service is one //aster:service interface.
type Service struct {
	// Result is the contract model and the manifest descriptors.
	Result *analyzer.Result
	// Interface is the Go interface name.
	Interface string
	// Methods are the interface's methods in declaration order.
	Methods []*Method
}

// Method is one interface method as Go spells it.
type Method struct {
	// GoName is the Go method name.
	GoName string
	// Params and Results are the signature without the receiver.
	Params, Results []*GoType
}

// Struct is a wire struct as Go spells it: every field, exported or not,
// in declaration order, with its tag (tags are part of type identity for
// assignability).
type Struct struct {
	// Type names the struct: a Named GoType, with a Path when it is
	// declared in another package.
	Type   *GoType
	Fields []*StructField
}

// StructField is one field of a Struct.
type StructField struct {
	// Name is empty for an embedded field.
	Name string
	Type *GoType
	// Tag is the field's struct tag ("" when none).
	Tag string
}

// TypeKind says which Go type constructor a GoType is.
type TypeKind int

// The GoType kinds.
const (
	Named TypeKind = iota
	Pointer
	Slice
	Array
	Map
	Chan
	Func
	StructType
	EmptyInterface
)

// ChanDir is a channel type's direction.
type ChanDir int

// The channel directions.
const (
	SendRecv ChanDir = iota
	SendOnly
	RecvOnly
)

// GoType is a Go type expression as generated code spells it.
type GoType struct {
	Kind TypeKind
	// Named: Path is the import path ("" for predeclared types and for
	// types of the package being generated), PkgName its package name,
	// Name the type name and Args its type arguments.
	Path    string
	PkgName string
	Name    string
	Args    []*GoType
	// Elem is the element of Pointer, Slice, Array and Chan, and the value
	// of Map; Key the key of Map; Len the length of Array; Dir the
	// direction of Chan.
	Elem *GoType
	Key  *GoType
	Len  int64
	Dir  ChanDir
	// Func: Params, Results and Variadic.
	Params, Results []*GoType
	Variadic        bool
	// StructType: its fields.
	Fields []*StructField
}
