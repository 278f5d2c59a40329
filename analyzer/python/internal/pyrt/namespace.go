package pyrt

// Namespace is an insertion-ordered map from names to values: module
// globals, class bodies and instance attributes.
type Namespace struct {
	keys []string
	m    map[string]Value
}

// NewNamespace returns an empty namespace.
func NewNamespace() *Namespace { return &Namespace{m: map[string]Value{}} }

// Get returns the value bound to name.
func (n *Namespace) Get(name string) (Value, bool) {
	v, ok := n.m[name]
	return v, ok
}

// Set binds name, keeping its first position.
func (n *Namespace) Set(name string, v Value) {
	if _, ok := n.m[name]; !ok {
		n.keys = append(n.keys, name)
	}
	n.m[name] = v
}

// Delete unbinds name and reports whether it was bound.
func (n *Namespace) Delete(name string) bool {
	if _, ok := n.m[name]; !ok {
		return false
	}
	delete(n.m, name)
	for i, k := range n.keys {
		if k == name {
			n.keys = append(n.keys[:i:i], n.keys[i+1:]...)
			break
		}
	}
	return true
}

// Keys returns the bound names in insertion order.
func (n *Namespace) Keys() []string { return n.keys }

// Len returns the number of bound names.
func (n *Namespace) Len() int { return len(n.keys) }
