// Package greeter is a small Aster service declared in Go. Run
// `go generate` after changing it: aster-gen rewrites .aster/manifest.json
// and aster_contract.go, and the build fails until it has.
package greeter

import (
	"context"
	"iter"
)

//go:generate aster-gen

// Greeter says hello.
//
//aster:service name=Greeter version=1
type Greeter interface {
	// SayHello greets one person.
	//
	//aster:rpc timeout=5 idempotent
	SayHello(ctx context.Context, req *HelloRequest) (*HelloReply, error)

	// Chorus greets everyone, one reply at a time.
	//
	//aster:server_stream
	Chorus(ctx context.Context, req *ChorusRequest) (iter.Seq2[*HelloReply, error], error)
}

// Tone is how a greeting sounds.
type Tone string

// The tones.
const (
	Warm   Tone = "warm"
	Formal Tone = "formal"
)

// HelloRequest names who to greet.
//
//aster:wire_type greeter/HelloRequest
type HelloRequest struct {
	Name string
	Tone Tone
}

// HelloReply is a greeting.
//
//aster:wire_type greeter/HelloReply
type HelloReply struct {
	Message string
	Lang    *string `json:"language"`
}

// ChorusRequest lists the people to greet.
//
//aster:wire_type greeter/ChorusRequest
type ChorusRequest struct {
	People []HelloRequest
}
