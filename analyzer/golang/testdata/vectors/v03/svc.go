// Package v03 is the Go twin of vectors/03_nested_containers.
package v03

import "context"

//aster:wire_type vectors.inventory/Money
type Money struct {
	Currency   string
	MinorUnits int
}

//aster:wire_type vectors.inventory/LineItem
type LineItem struct {
	SKU      string `json:"sku"`
	Quantity int
	Price    Money
	Note     *string
}

//aster:wire_type vectors.inventory/Order
type Order struct {
	OrderID  string
	Items    []*LineItem
	Tags     []string
	Labels   map[string]struct{}
	Counters map[string]int
	BySKU    map[string]LineItem
	Discount *Money
	Scores   []float64
}

//aster:wire_type vectors.inventory/OrderAck
type OrderAck struct {
	OrderID  string
	Total    Money
	Warnings []string
}

//aster:service name=Inventory
type InventoryService interface {
	//aster:rpc
	PlaceOrder(ctx context.Context, req *Order) (*OrderAck, error)

	//aster:rpc idempotent
	GetOrder(ctx context.Context, req *OrderAck) (*Order, error)
}
