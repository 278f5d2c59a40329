// Package v02 is the Go twin of vectors/02_streaming_patterns, the example
// of docs/go.md.
package v02

import (
	"context"
	"iter"
)

// Telemetry reports agent state.
//
//aster:service name=Telemetry version=3
type Telemetry interface {
	//aster:rpc timeout=2.5 idempotent
	GetStatus(ctx context.Context, req *StatusRequest) (*StatusReply, error)

	//aster:server_stream timeout=30.0
	Watch(ctx context.Context, req *WatchRequest) (iter.Seq2[*Sample, error], error)

	//aster:client_stream
	Upload(ctx context.Context, reqs iter.Seq2[*Sample, error]) (*UploadSummary, error)

	//aster:bidi_stream
	Chat(ctx context.Context, reqs iter.Seq2[*ChatMsg, error]) (iter.Seq2[*ChatMsg, error], error)
}

//aster:wire_type vectors.stream/StatusRequest
type StatusRequest struct {
	Verbose bool
}

//aster:wire_type vectors.stream/StatusReply
type StatusReply struct {
	State   string
	UptimeS int
}

//aster:wire_type vectors.stream/WatchRequest
type WatchRequest struct {
	Topic string
}

//aster:wire_type vectors.stream/Sample
type Sample struct {
	Topic string
	Value float64
	Seq   int
}

//aster:wire_type vectors.stream/UploadSummary
type UploadSummary struct {
	Accepted int
	Rejected int
}

//aster:wire_type vectors.stream/ChatMsg
type ChatMsg struct {
	Sender string
	Text   string
}
