// Package shared declares wire structs that services in other packages
// use; the generated guards of those packages check them where they can
// spell them.
package shared

import "example.com/vectors/shared/internal/hidden"

// Point is guarded by the packages that use it.
//
//aster:wire_type shared/Point
type Point struct {
	Base
	X int64 `json:"x"`
	Y int64 `json:"y"`
}

// Base is embedded in Point.
type Base struct {
	Label string
}

// Secret has an unexported field: no other package can spell it.
//
//aster:wire_type shared/Secret
type Secret struct {
	Value string
	salt  []byte
}

// Wrapped has a field of an internal package's type: packages outside
// shared cannot name it.
//
//aster:wire_type shared/Wrapped
type Wrapped struct {
	Inner hidden.H
}

var _ = Secret{salt: nil}
