// Package cross declares a service whose messages live in package shared.
package cross

import (
	"context"

	"example.com/vectors/shared"
)

// Req is the request.
//
//aster:wire_type cross/Req
type Req struct {
	At     shared.Point
	Secret shared.Secret
	Wrap   *shared.Wrapped
}

// Cross uses another package's wire structs.
//
//aster:service name=Cross
type Cross interface {
	//aster:rpc
	Get(ctx context.Context, req *Req) (*shared.Point, error)
}
