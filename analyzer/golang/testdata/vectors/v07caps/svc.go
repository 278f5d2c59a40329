// Package v07caps is the Go twin of vectors/07_capabilities/svc_caps.py:
// requirements are recorded but do not change the contract id.
package v07caps

import "context"

//aster:wire_type vectors.ops/Query
type Query struct {
	Target string
}

//aster:wire_type vectors.ops/Answer
type Answer struct {
	Text string
}

//aster:service name=Ops version=1 requires=any_of:ops.status,ops.admin
type OpsService interface {
	//aster:rpc requires=role:ops.status
	Status(ctx context.Context, req *Query) (*Answer, error)
	//aster:rpc requires=any_of:ops.logs,ops.admin
	Logs(ctx context.Context, req *Query) (*Answer, error)
	//aster:rpc requires=all_of:ops.status,ops.admin
	Admin(ctx context.Context, req *Query) (*Answer, error)
}
