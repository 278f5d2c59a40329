// Package v08session is the Go twin of vectors/08_session_scope, session-scoped service.
package v08session

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

//aster:service name=Cart scoped=session
type CartSession interface {
	//aster:rpc
	Add(ctx context.Context, req *AddItem) (*CartView, error)
}
