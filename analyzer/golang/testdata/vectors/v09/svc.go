// Package v09 is the Go twin of vectors/09_cycles: a self-recursive tree
// and a mutual recursion.
package v09

import "context"

//aster:wire_type vectors.graph/TreeNode
type TreeNode struct {
	Label    string
	Children []*TreeNode
}

//aster:wire_type vectors.graph/Author
type Author struct {
	Name  string
	Books []Book
}

//aster:wire_type vectors.graph/Book
type Book struct {
	Title  string
	Author *Author
}

//aster:wire_type vectors.graph/Query
type Query struct {
	Root   *TreeNode
	Author *Author
}

//aster:wire_type vectors.graph/Result
type Result struct {
	Tree  TreeNode
	Count int
}

//aster:service name=Graph serialization=json
type GraphService interface {
	//aster:rpc
	Walk(ctx context.Context, req *Query) (*Result, error)
}
