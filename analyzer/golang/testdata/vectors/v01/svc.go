// Package v01 is the Go twin of vectors/01_unary_basic.
package v01

import "context"

//aster:wire_type vectors.basic/EchoRequest
type EchoRequest struct {
	Message string
	Count   int
	Ratio   float64
	Loud    bool
	Payload []byte
}

//aster:wire_type vectors.basic/EchoResponse
type EchoResponse struct {
	Message string
	Length  int64
}

// EchoService echoes.
//
//aster:service name=Echo version=1
type EchoService interface {
	// Echo returns the message.
	//
	//aster:rpc
	Echo(ctx context.Context, req *EchoRequest) (*EchoResponse, error)
}
