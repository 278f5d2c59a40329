package pyrt

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// TestHashtable runs random sets, gets and deletes on a hashtable and on
// a plain list of pairs searched in order with Equal: the two agree on
// every answer and on the order of the keys, with keys of equal hash
// (-1 and -2 hash alike), keys equal across types (1, 1.0, True), and
// sizes on both sides of linearMax and of compaction.
func TestHashtable(t *testing.T) {
	pool := []Value{MakeInt(-1), MakeInt(-2), MakeInt(1), Float(1), Bool(true), MakeInt(0), Bool(false), Float(2.5), Str(""), Str("a"), Str("b"), Tuple{MakeInt(1), Str("a")}, Tuple{}, None}
	for i := range 40 {
		pool = append(pool, MakeInt(int64(i*7)), Str(string(rune('c'+i))))
	}
	type pair struct{ k, v Value }
	rng := rand.New(rand.NewPCG(5, 6))
	for round := range 300 {
		var h hashtable
		var model []pair
		index := func(k Value) int {
			for i, p := range model {
				if eq, _ := Equal(nil, p.k, k); eq {
					return i
				}
			}
			return -1
		}
		for op := range 200 {
			k := pool[rng.IntN(len(pool))]
			// Sets outweigh deletes, then the other way round, so that
			// tables grow past linearMax and are compacted.
			r, sets := rng.IntN(10), 7
			if op >= 100 {
				sets = 1
			}
			switch {
			case r < sets:
				v := MakeInt(int64(op))
				if err := h.set(nil, k, v); err != nil {
					t.Fatal(err)
				}
				if i := index(k); i >= 0 {
					model[i].v = v
				} else {
					model = append(model, pair{k, v})
				}
			case r < 9:
				_, ok, _ := h.delete(nil, k)
				i := index(k)
				if ok != (i >= 0) {
					t.Fatalf("round %d op %d: delete %v: %v, model %v", round, op, k, ok, i >= 0)
				}
				if i >= 0 {
					model = append(model[:i], model[i+1:]...)
				}
			default:
				v, ok, _ := h.get(nil, k)
				i := index(k)
				if ok != (i >= 0) || ok && v != model[i].v {
					t.Fatalf("round %d op %d: get %v: %v %v, model %v", round, op, k, v, ok, i >= 0)
				}
			}
			keys := h.keys()
			if len(keys) != len(model) || h.live != len(model) {
				t.Fatalf("round %d op %d: %d keys, model %d", round, op, len(keys), len(model))
			}
			for i, k := range keys {
				if eq, _ := Equal(nil, k, model[i].k); !eq || fmt.Sprintf("%T", k) != fmt.Sprintf("%T", model[i].k) {
					t.Fatalf("round %d op %d: key %d is %v, model %v", round, op, i, k, model[i].k)
				}
			}
		}
		c := h.copy()
		for _, p := range model {
			if v, ok, _ := c.get(nil, p.k); !ok || v != p.v {
				t.Fatalf("round %d: the copy misses %v", round, p.k)
			}
		}
	}
}
