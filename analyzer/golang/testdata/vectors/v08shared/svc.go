// Package v08shared is the Go twin of vectors/08_session_scope, its shared twin.
package v08shared

import "context"

//aster:wire_type vectors.cart/AddItem
type AddItem struct {
	SKU string
	Qty int
}

//aster:wire_type vectors.cart/CartView
type CartView struct {
	SKUs     []string `aster:"skus"`
	TotalQty int
}

//aster:service name=Cart scoped=shared
type CartShared interface {
	//aster:rpc
	Add(ctx context.Context, req *AddItem) (*CartView, error)
}
