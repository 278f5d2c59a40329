package python

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"
)

// TestValueIndex checks that valueIndex.find gives the member a scan of
// every earlier member with constEqual gives, on random constants that
// mix the cases constEqual tells apart: ints and floats that are equal or
// differ only past float precision, ±0, NaN, booleans, huge integers,
// strings, bytes, None and tuples.
func TestValueIndex(t *testing.T) {
	huge := new(big.Int).Lsh(big.NewInt(1), 1100)
	pool := []Value{
		bigInt(0), bigInt(1), bigInt(2), bigInt(-1), true, false, 0.0, math.Copysign(0, -1), 1.0, 2.5, math.NaN(),
		new(big.Int).Lsh(big.NewInt(1), 53), new(big.Int).Add(new(big.Int).Lsh(big.NewInt(1), 53), big.NewInt(1)), math.Ldexp(1, 53),
		new(big.Int).Lsh(big.NewInt(1), 70), math.Ldexp(1, 70), huge, new(big.Int).Set(huge),
		"", "a", "1", pyBytes("a"), pyBytes(""), noneV{}, tuple{bigInt(1), "a"}, tuple{1.0, "a"}, tuple{}, tuple{math.NaN()},
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 2000 {
		idx := valueIndex{}
		var members []*enumMember
		for i := range 1 + rng.IntN(12) {
			v := pool[rng.IntN(len(pool))]
			var want *enumMember
			for _, o := range members {
				if constEqual(o.value, v) {
					want = o
					break
				}
			}
			if got := idx.find(v); got != want {
				t.Fatalf("round %d, value %d (%#v): find gives %v, a scan %v", round, i, v, got, want)
			}
			m := &enumMember{value: v}
			if want == nil {
				idx.add(m)
				members = append(members, m)
			}
		}
	}
}

// TestAsFloatInt64 checks the int64 shortcut of asFloat against the
// rounding of big.Float.
func TestAsFloatInt64(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for range 100000 {
		i := int64(rng.Uint64()) >> rng.IntN(64)
		want, _ := new(big.Float).SetInt64(i).Float64()
		if got, ok := asFloat(big.NewInt(i)); !ok || got != want {
			t.Fatalf("asFloat(%d) = %v, %v; want %v", i, got, ok, want)
		}
	}
}

// TestAnnotatedKeepsItsMetadata builds two Annotated aliases on one alias
// with spare room in its metadata: each keeps its own.
func TestAnnotatedKeepsItsMetadata(t *testing.T) {
	_, m := loadSource(t, "from typing import Annotated\nA = Annotated[int, 1, 2, 3]\nB = Annotated[A, 'x']\nC = Annotated[A, 'y']\n")
	for name, want := range map[string]string{"B": "x", "C": "y"} {
		v, _ := m.ns.lookup(name, final)
		a, ok := v.(*annotated)
		if !ok || len(a.meta) != 4 || a.meta[3] != Value(want) {
			t.Errorf("%s = %#v, want int annotated with 1, 2, 3, %q", name, v, want)
		}
	}
}
