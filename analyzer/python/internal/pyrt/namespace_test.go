package pyrt

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestNamespace runs random binds and deletes on a Namespace and on a
// list of pairs, across the size where it starts to index its names: the
// values, the order of the names and the Keys taken before a delete
// agree.
func TestNamespace(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for round := range 200 {
		n := NewNamespace()
		var names []string
		vals := map[string]Value{}
		for op := range 300 {
			name := fmt.Sprint("n", rng.IntN(2*smallNamespace+5))
			if rng.IntN(4) == 0 {
				before := slices.Clone(n.Keys())
				held := n.Keys()
				_, bound := vals[name]
				if got := n.Delete(name); got != bound {
					t.Fatalf("round %d op %d: Delete(%s) = %v", round, op, name, got)
				}
				if !slices.Equal(held, before) {
					t.Fatalf("round %d op %d: Delete changed the keys taken before it", round, op)
				}
				if bound {
					names = slices.DeleteFunc(names, func(s string) bool { return s == name })
					delete(vals, name)
				}
			} else {
				v := MakeInt(int64(op))
				n.Set(name, v)
				if _, ok := vals[name]; !ok {
					names = append(names, name)
				}
				vals[name] = v
			}
			if !slices.Equal(n.Keys(), names) || n.Len() != len(names) {
				t.Fatalf("round %d op %d: keys %v, want %v", round, op, n.Keys(), names)
			}
			for _, k := range names {
				if v, ok := n.Get(k); !ok || v != vals[k] {
					t.Fatalf("round %d op %d: Get(%s) = %v, %v", round, op, k, v, ok)
				}
			}
			if _, ok := n.Get("absent"); ok {
				t.Fatal("an absent name is bound")
			}
		}
	}
}
