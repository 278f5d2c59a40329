// Package manifest is the contract manifest (.aster/manifest.json): its
// model, a reader with JSON-path errors, a writer byte-identical to the
// reference's json.dumps(..., indent=2), Build from a compiled contract,
// the reference's .aster.json export, and the drift report that contract
// check and contract diff print.
package manifest

import "github.com/asterkit/aster/internal/pyjson"

// Manifest is one service entry of a manifest file, keys in file order.
// Values typed any hold JSON values as internal/pyjson represents them.
type Manifest struct {
	V                  int64
	Service            string
	Version            int64
	ContractID         string
	CanonicalEncoding  string
	TypeCount          int64
	TypeHashes         []string
	MethodCount        int64
	Methods            []Method
	SerializationModes []string
	ProducerLanguage   string
	Scoped             string
	Description        string
	Tags               []string
	Deprecated         bool
	Semver             *string
	VCSRevision        *string
	VCSTag             *string
	VCSURL             *string
	Changelog          any
	PublishedBy        string
	PublishedAtEpochMS int64
}

// Method is a method descriptor, keys in file order.
type Method struct {
	Name            string
	Pattern         string
	RequestType     string
	ResponseType    string
	RequestWireTag  string
	ResponseWireTag string
	// Timeout is nil, an integer or a float64, as written in the source.
	Timeout        any
	Idempotent     bool
	Fields         []Field
	ResponseFields []Field
	RequestStyle   string
	InlineParams   []Field
	Description    string
	Tags           []string
	Deprecated     bool
}

// Field is a field descriptor. The pointer members are written only when
// set, in the order declared here.
type Field struct {
	Name         string
	Kind         string
	Nullable     bool
	Required     bool
	DefaultValue any
	DefaultKind  string
	Description  string
	Tags         []string

	RefName       *string
	WireTag       *string
	EnumValues    []any // written when non-nil
	ItemKind      *string
	ItemRef       *string
	ItemWireTag   *string
	ItemNullable  *bool
	KeyKind       *string
	ValueKind     *string
	ValueRef      *string
	ValueNullable *bool

	// Properties is always {} in files the reference writes; kept as read.
	Properties any
}

// NoProperties is the "properties" value the reference writes for every
// field, {}: one value shared by the fields built, never modified.
var NoProperties any = pyjson.Object{}

// File is the content of a manifest file: one entry written as a JSON
// object, or any number written as an array.
type File struct {
	Entries []Manifest
	// Array is true for the array form, even with a single entry.
	Array bool
}

// Publication is the publication metadata of an entry: values that
// describe where and when the manifest was made, never the contract.
type Publication struct {
	Semver             *string
	VCSRevision        *string
	VCSTag             *string
	VCSURL             *string
	PublishedAtEpochMS int64
}
