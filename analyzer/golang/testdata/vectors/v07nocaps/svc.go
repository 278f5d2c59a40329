// Package v07nocaps is the Go twin of vectors/07_capabilities/svc_nocaps.py.
package v07nocaps

import "context"

//aster:wire_type vectors.ops/Query
type Query struct {
	Target string
}

//aster:wire_type vectors.ops/Answer
type Answer struct {
	Text string
}

//aster:service name=Ops version=1
type OpsService interface {
	//aster:rpc
	Status(ctx context.Context, req *Query) (*Answer, error)
	//aster:rpc
	Logs(ctx context.Context, req *Query) (*Answer, error)
	//aster:rpc
	Admin(ctx context.Context, req *Query) (*Answer, error)
}
