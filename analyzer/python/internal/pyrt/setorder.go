package pyrt

import syn "github.com/asterkit/aster/analyzer/python/internal/pysyntax"

// setTable mirrors the open-addressing table of a CPython 3.11 set: the
// slot each element occupies decides the order in which a set iterates,
// so str() of {443, 80, 8080} is "{80, 443, 8080}" as in CPython. The
// elements themselves are found through the Set's hashtable; this table
// only follows the layout: slots probed linearly in runs of ten, then
// perturbed, resized when two thirds are used, deleted slots left as
// dummies.
type setTable struct {
	slots  []setSlot
	fill   int // active and dummy slots
	used   int // active slots
	finger int // where pop() looks first
}

type setSlot struct {
	key   Value
	hash  uint64
	state uint8 // slotEmpty, slotActive or slotDummy
}

const (
	slotEmpty uint8 = iota
	slotActive
	slotDummy
)

const (
	setMinSize    = 8
	linearProbes  = 9
	perturbShift  = 5
	setLargeBound = 50000
)

func (t *setTable) mask() uint64 {
	if t.slots == nil {
		t.slots = make([]setSlot, setMinSize)
	}
	return uint64(len(t.slots) - 1)
}

// add places a key the set did not hold (set_add_entry).
func (t *setTable) add(key Value, hash int64) {
	mask := t.mask()
	h := uint64(hash)
	i := h & mask
	perturb := h
	free := -1
	for {
		probes := 0
		if i+linearProbes <= mask {
			probes = linearProbes
		}
		for j := i; j <= i+uint64(probes); j++ {
			s := &t.slots[j]
			switch s.state {
			case slotEmpty:
				if free >= 0 {
					t.slots[free] = setSlot{key, h, slotActive}
					t.used++
					return
				}
				*s = setSlot{key, h, slotActive}
				t.fill++
				t.used++
				if t.fill*5 >= int(mask)*3 {
					n := t.used * 4
					if t.used > setLargeBound {
						n = t.used * 2
					}
					t.resize(n)
				}
				return
			case slotDummy:
				if free < 0 {
					free = int(j)
				}
			}
		}
		perturb >>= perturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

// remove turns the slot of key into a dummy (set_discard_entry); same
// reports whether a slot's key is key.
func (t *setTable) remove(hash int64, same func(Value) bool) {
	if t.slots == nil {
		return
	}
	mask := t.mask()
	h := uint64(hash)
	i := h & mask
	perturb := h
	for {
		probes := 0
		if i+linearProbes <= mask {
			probes = linearProbes
		}
		for j := i; j <= i+uint64(probes); j++ {
			s := &t.slots[j]
			switch {
			case s.state == slotEmpty:
				return
			case s.state == slotActive && s.hash == h && same(s.key):
				*s = setSlot{state: slotDummy}
				t.used--
				return
			}
		}
		perturb >>= perturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

// resize rebuilds the table for minUsed elements (set_table_resize).
func (t *setTable) resize(minUsed int) {
	size := setMinSize
	for size <= minUsed {
		size <<= 1
	}
	old := t.slots
	t.slots = make([]setSlot, size)
	t.fill = t.used
	for _, s := range old {
		if s.state == slotActive {
			t.insertClean(s.key, s.hash)
		}
	}
}

// insertClean places a key in a table without dummies (set_insert_clean).
func (t *setTable) insertClean(key Value, h uint64) {
	mask := uint64(len(t.slots) - 1)
	i := h & mask
	perturb := h
	for {
		if t.slots[i].state == slotEmpty {
			t.slots[i] = setSlot{key, h, slotActive}
			return
		}
		if i+linearProbes <= mask {
			for j := i + 1; j <= i+linearProbes; j++ {
				if t.slots[j].state == slotEmpty {
					t.slots[j] = setSlot{key, h, slotActive}
					return
				}
			}
		}
		perturb >>= perturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

// mergeInto adds o's elements to an empty table as set_merge does: one
// resize up front, then a copy of the layout when the sizes match and o
// has no dummies, else clean insertions in o's slot order.
func (t *setTable) mergeInto(o *setTable) {
	if o.used == 0 {
		return
	}
	mask := t.mask()
	if (t.fill+o.used)*5 >= int(mask)*3 {
		t.resize((t.used + o.used) * 2)
	}
	if len(t.slots) == len(o.slots) && o.fill == o.used {
		copy(t.slots, o.slots)
		t.fill, t.used = o.fill, o.used
		return
	}
	t.fill, t.used = o.used, o.used
	for _, s := range o.slots {
		if s.state == slotActive {
			t.insertClean(s.key, s.hash)
		}
	}
}

// keys returns the elements in slot order.
func (t *setTable) keys() []Value {
	out := make([]Value, 0, t.used)
	for _, s := range t.slots {
		if s.state == slotActive {
			out = append(out, s.key)
		}
	}
	return out
}

// popSlot returns the element pop() removes: the first active slot from
// the finger on, wrapping around.
func (t *setTable) popSlot() Value {
	n := len(t.slots)
	for k := 0; k < n; k++ {
		i := (t.finger + k) & (n - 1)
		if t.slots[i].state == slotActive {
			t.finger = i + 1
			return t.slots[i].key
		}
	}
	return nil
}

// constantElts reports whether a set display's elements are all
// constants after CPython's constant folding (literals, signed numbers,
// tuples of constants), which the compiler turns into a frozenset.
func constantElts(elts []syn.Expr) bool {
	for _, e := range elts {
		if !constantExpr(e) {
			return false
		}
	}
	return true
}

func constantExpr(e syn.Expr) bool {
	switch x := e.(type) {
	case *syn.Num, *syn.Lit:
		return true
	case *syn.Str:
		for _, p := range x.Parts {
			if len(p.Values) > 0 {
				return false
			}
		}
		return true
	case *syn.UnaryOp:
		_, num := x.X.(*syn.Num)
		return num && (x.Op == syn.MINUS || x.Op == syn.PLUS)
	case *syn.Tuple:
		return constantElts(x.Elts)
	}
	return false
}
