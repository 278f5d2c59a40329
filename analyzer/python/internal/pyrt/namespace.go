package pyrt

// Namespace is an insertion-ordered map from names to values: module
// globals, class bodies and instance attributes. Most hold a few names
// (an instance's attributes), which are found by scanning keys; past
// smallNamespace names an index finds them.
type Namespace struct {
	keys []string
	vals []Value // vals[i] is bound to keys[i]
	// index maps a name to its position, once there are more than
	// smallNamespace names.
	index map[string]int
}

// smallNamespace is the most names a Namespace finds by scanning.
const smallNamespace = 12

// NewNamespace returns an empty namespace.
func NewNamespace() *Namespace { return &Namespace{} }

// find returns the position of name, or -1.
func (n *Namespace) find(name string) int { return positionOf(n.keys, n.index, name) }

// Get returns the value bound to name.
func (n *Namespace) Get(name string) (Value, bool) {
	if i := n.find(name); i >= 0 {
		return n.vals[i], true
	}
	return nil, false
}

// Set binds name, keeping its first position.
func (n *Namespace) Set(name string, v Value) {
	if i := n.find(name); i >= 0 {
		n.vals[i] = v
		return
	}
	n.keys = append(n.keys, name)
	n.vals = append(n.vals, v)
	switch {
	case n.index != nil:
		n.index[name] = len(n.keys) - 1
	case len(n.keys) > smallNamespace:
		n.reindex()
	}
}

// reindex makes the index of the names.
func (n *Namespace) reindex() {
	n.index = positions(n.keys)
}

// Delete unbinds name and reports whether it was bound. The slice Keys
// returned before is left as it was.
func (n *Namespace) Delete(name string) bool {
	i := n.find(name)
	if i < 0 {
		return false
	}
	n.keys = append(n.keys[:i:i], n.keys[i+1:]...)
	n.vals = append(n.vals[:i:i], n.vals[i+1:]...)
	if n.index != nil {
		n.reindex()
	}
	return true
}

// Keys returns the bound names in insertion order.
func (n *Namespace) Keys() []string { return n.keys }

// Len returns the number of bound names.
func (n *Namespace) Len() int { return len(n.keys) }
