// Package shapes holds Go shapes that aster-gen accepts and whose guards
// must compile: tags of every form, fields the contract excludes (of any
// type), grouped declarations, generic named types that are not wire
// structs, and complex128 (Python's complex).
package shapes

import (
	"context"
	"iter"
	"sync"
	stdtime "time"
	"unsafe"
)

// List is a generic named type: ANY, spelled with its type argument.
type List[T any] []T

// Handler is a function type; excluded fields may have it.
type Handler func(context.Context) error

type (
	// Inner is embedded through a pointer.
	//
	//aster:wire_type shapes/Inner
	Inner struct {
		Note string `json:"note"`
	}

	// Request exercises tags and excluded fields.
	//
	//aster:wire_type shapes/Request
	Request struct {
		*Inner
		ID       string          `json:"id" db:"id"`
		Quoted   string          "json:\"quoted\""
		Backtick string          "json:\"back`tick\""
		Spaced   int             `json:"spaced,omitempty"  xml:"s"`
		Values   List[int]       `aster:"values"`
		Nested   struct{ A int } `json:"nested"`
		Tagged   struct {
			B int `json:"b"`
		} `json:"tagged"`
		Z       complex128
		Wait    stdtime.Duration
		Skipped chan int `aster:"-"`
		OnDone  Handler  `json:"-"`
		raw     unsafe.Pointer
		addr    uintptr
		err     error
		fn      func() (int, error)
		c64     complex64
		mu      sync.Mutex
	}
)

// Reply is a one-field struct with a tag.
//
//aster:wire_type shapes/Reply
type Reply struct {
	OK bool `json:"ok"`
}

// Shapes is the service.
//
//aster:service name=Shapes version=2 serialization=xlang,json
type Shapes interface {
	// Get takes a request.
	//
	//aster:rpc name="get" timeout=1.5
	Get(ctx context.Context, req Request) (*Reply, error)

	//aster:server_stream
	Watch(ctx context.Context, req *Request) (<-chan *Reply, error)

	//aster:client_stream
	Send(ctx context.Context, reqs iter.Seq[Reply]) (int64, error)
}
