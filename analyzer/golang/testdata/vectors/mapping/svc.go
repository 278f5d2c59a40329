// Package mapping exercises the field type table of docs/go.md beyond
// what the reference vectors cover.
package mapping

import (
	"context"
	"iter"
	"time"
)

// Celsius is a defined basic type without constants: its underlying type.
type Celsius float64

// Level is an enum.
type Level uint8

// The levels.
const (
	Low  Level = 1
	High Level = 2
)

// Names is a named slice type: ANY.
type Names []string

// Shape is a non-empty interface: ANY, like a Python Protocol.
type Shape interface {
	Area() float64
}

// Recursive is a named slice of itself: ANY.
type Recursive []Recursive

// Base is flattened into Item.
type Base struct {
	ID      string
	Created time.Time
}

// Audit is flattened through a pointer.
type Audit struct {
	By string `json:"by_user,omitempty"`
}

// Key is a struct used as a map key and set element.
//
//aster:wire_type m/Key
type Key struct {
	K string
}

// Item is the request.
//
//aster:wire_type m/Item
type Item struct {
	Base
	*Audit
	hidden   int
	Skipped  int `aster:"-"`
	JSONSkip int `json:"-"`
	Renamed  int `aster:"other" json:"ignored"`
	Temp     Celsius
	Lvl      Level
	Lvls     []Level
	Wait     time.Duration
	Tags     Names
	Grid     [][]*Key
	Opt      map[string]*int
	Keys     map[Key]struct{}
	ByKey    map[Key]*Key
	Fixed32  []int32           `aster:",fixed"`
	FixedMap map[uint64]uint32 `aster:",fixed"`
	Digest   [4]byte
	U        uint
	I8       int8
	R        rune
	Maybe    *[]*Key
	Any      interface{}
	Shape    Shape
	Cplx     complex128
	Rec      Recursive
	Self     *Item
	Deep     [][]Leaf
	Wrap     Wrapped
}

// Stamp is an alias; embedded, its fields are flattened and the embedded
// field is named Stamp.
type Stamp = Audit

// Wrapped embeds an alias.
//
//aster:wire_type m/Wrapped
type Wrapped struct {
	Stamp
}

// Leaf is reached only through an ANY-mapped field: still a graph node.
//
//aster:wire_type m/Leaf
type Leaf struct {
	X int
}

//aster:service name=Mapping serialization=native,json
type Mapping interface {
	//aster:rpc name=Put timeout=5
	PutItem(ctx context.Context, req *Item) (bool, error)
	//aster:server_stream
	Stream(ctx context.Context, n int64) (<-chan []byte, error)
	//aster:client_stream idempotent
	Collect(ctx context.Context, in iter.Seq[string]) (float64, error)
}
