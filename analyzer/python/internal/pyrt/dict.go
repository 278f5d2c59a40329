package pyrt

// hashtable is an insertion-ordered hash table keyed by Python values
// (equal keys per Python's == and hash share one entry). A key is
// compared, with Equal, only with the live entries of the same hash, in
// the order they were added.
type hashtable struct {
	entries []entry
	// slots indexes entries by hash once there are more than linearMax
	// (before, find scans them): open addressing with linear probing, each
	// slot an entry's index plus one, 0 when empty. A deleted entry keeps
	// its slot until compact.
	slots []int32
	shift uint8 // 64 less the number of bits of a slot number
	live  int
}

type entry struct {
	key, value Value
	hash       int64
	deleted    bool
}

// linearMax is the most entries find scans without slots.
const linearMax = 8

// home is the first slot to probe for hash.
func (h *hashtable) home(hash int64) int {
	return int((uint64(hash) * 0x9e3779b97f4a7c15) >> h.shift)
}

func (h *hashtable) find(th *Thread, k Value) (int, int64, error) {
	hash, err := Hash(th, k)
	if err != nil {
		return -1, 0, err
	}
	// The entries and slots as they are now: an __eq__ that changes the
	// table does not change the search.
	entries, slots := h.entries, h.slots
	match := func(i int) (bool, error) {
		e := &entries[i]
		if e.deleted || e.hash != hash {
			return false, nil
		}
		return Equal(th, e.key, k)
	}
	if slots == nil {
		for i := range entries {
			if eq, err := match(i); err != nil || eq {
				return i, hash, err
			}
		}
		return -1, hash, nil
	}
	mask := len(slots) - 1
	for j := h.home(hash); slots[j] != 0; j = (j + 1) & mask {
		if eq, err := match(int(slots[j] - 1)); err != nil || eq {
			return int(slots[j] - 1), hash, err
		}
	}
	return -1, hash, nil
}

func (h *hashtable) get(th *Thread, k Value) (Value, bool, error) {
	i, _, err := h.find(th, k)
	if err != nil || i < 0 {
		return nil, false, err
	}
	return h.entries[i].value, true, nil
}

func (h *hashtable) set(th *Thread, k, v Value) error {
	i, hash, err := h.find(th, k)
	if err != nil {
		return err
	}
	if i >= 0 {
		h.entries[i].value = v
		return nil
	}
	h.entries = append(h.entries, entry{key: k, value: v, hash: hash})
	h.live++
	switch {
	case h.slots == nil && len(h.entries) <= linearMax:
	case 2*len(h.entries) > len(h.slots):
		h.reindex()
	default:
		h.place(len(h.entries) - 1)
	}
	return nil
}

// reindex makes slots for the live entries, at most half of them used.
func (h *hashtable) reindex() {
	n, bits := 16, uint8(4)
	for n < 2*len(h.entries)+2 {
		n, bits = 2*n, bits+1
	}
	h.slots, h.shift = make([]int32, n), 64-bits
	for i := range h.entries {
		if !h.entries[i].deleted {
			h.place(i)
		}
	}
}

// place gives entry i the first free slot from its hash's home.
func (h *hashtable) place(i int) {
	mask := len(h.slots) - 1
	j := h.home(h.entries[i].hash)
	for h.slots[j] != 0 {
		j = (j + 1) & mask
	}
	h.slots[j] = int32(i + 1)
}

func (h *hashtable) delete(th *Thread, k Value) (Value, bool, error) {
	i, _, err := h.find(th, k)
	if err != nil || i < 0 {
		return nil, false, err
	}
	e := &h.entries[i]
	v := e.value
	e.deleted, e.key, e.value = true, nil, nil
	h.live--
	if len(h.entries) > 16 && h.live < len(h.entries)/2 {
		h.compact()
	}
	return v, true, nil
}

// compact drops the deleted entries and indexes the others afresh.
func (h *hashtable) compact() {
	old := h.entries
	h.entries = make([]entry, 0, h.live)
	for _, e := range old {
		if !e.deleted {
			h.entries = append(h.entries, e)
		}
	}
	h.slots = nil
	if len(h.entries) > linearMax {
		h.reindex()
	}
}

func (h *hashtable) clear() { *h = hashtable{} }

// keys returns the live keys in order.
func (h *hashtable) keys() []Value {
	out := make([]Value, 0, h.live)
	for _, e := range h.entries {
		if !e.deleted {
			out = append(out, e.key)
		}
	}
	return out
}

func (h *hashtable) items() []entry {
	out := make([]entry, 0, h.live)
	for _, e := range h.entries {
		if !e.deleted {
			out = append(out, e)
		}
	}
	return out
}

func (h *hashtable) copy() hashtable {
	c := hashtable{live: h.live, entries: h.items()}
	if len(c.entries) > linearMax {
		c.reindex()
	}
	return c
}

// Dict is a Python dict (insertion ordered).
type Dict struct {
	ht hashtable
	// Class is a dict subclass's class, or nil.
	Class *Class
	// attrs holds a dict subclass instance's own attributes.
	attrs *Namespace
}

// NewDict returns an empty dict.
func NewDict() *Dict { return &Dict{} }

// Type implements Value.
func (d *Dict) Type() *Class {
	if d.Class != nil {
		return d.Class
	}
	return DictClass
}

// Len returns the number of items.
func (d *Dict) Len() int { return d.ht.live }

// Get returns the value for k.
func (d *Dict) Get(th *Thread, k Value) (Value, bool, error) { return d.ht.get(th, k) }

// SetItem binds k to v.
func (d *Dict) SetItem(th *Thread, k, v Value) error { return d.ht.set(th, k, v) }

func (d *Dict) setStr(k string, v Value) error { return d.ht.set(nil, Str(k), v) }

// Keys returns the keys in insertion order.
func (d *Dict) Keys() []Value { return d.ht.keys() }

// Items returns the key/value pairs in insertion order.
func (d *Dict) Items() [][2]Value {
	es := d.ht.items()
	out := make([][2]Value, len(es))
	for i, e := range es {
		out[i] = [2]Value{e.key, e.value}
	}
	return out
}

// Set is a Python set or frozenset: its elements are found through ht,
// and table lays them out as CPython does, which decides the iteration
// order.
type Set struct {
	ht     hashtable
	table  setTable
	frozen bool
}

// NewSet returns an empty set (frozen for a frozenset).
func NewSet(frozen bool) *Set { return &Set{frozen: frozen} }

// Type implements Value.
func (s *Set) Type() *Class {
	if s.frozen {
		return FrozenSetClass
	}
	return SetClass
}

// Len returns the number of elements.
func (s *Set) Len() int { return s.ht.live }

// Add inserts v.
func (s *Set) Add(th *Thread, v Value) error {
	before := s.ht.live
	if err := s.ht.set(th, v, None); err != nil {
		return err
	}
	if s.ht.live > before {
		s.table.add(v, s.ht.entries[len(s.ht.entries)-1].hash)
	}
	return nil
}

// discard removes v, reporting whether it was there.
func (s *Set) discard(th *Thread, v Value) (bool, error) {
	i, hash, err := s.ht.find(th, v)
	if err != nil || i < 0 {
		return false, err
	}
	key := s.ht.entries[i].key
	if _, _, err := s.ht.delete(th, v); err != nil {
		return false, err
	}
	s.table.remove(hash, func(k Value) bool { return Is(k, key) })
	return true, nil
}

// update adds the elements of o as set_merge does.
func (s *Set) update(th *Thread, o *Set) error {
	if s.table.fill == 0 {
		s.fillFrom(o)
		return nil
	}
	if (s.table.fill+o.table.used)*5 >= int(s.table.mask())*3 {
		s.table.resize((s.table.used + o.table.used) * 2)
	}
	for _, e := range o.Elems() {
		if err := s.Add(th, e); err != nil {
			return err
		}
	}
	return nil
}

// fillFrom gives a set whose table was never used o's elements, laid out
// as set_merge lays them out in an empty table.
func (s *Set) fillFrom(o *Set) {
	s.ht = o.ht.copy()
	s.table.mergeInto(&o.table)
}

// copySet returns a new set (frozen or not) with the elements of o.
func copySet(o *Set, frozen bool) *Set {
	s := &Set{frozen: frozen}
	s.fillFrom(o)
	return s
}

// assign makes s hold o's elements (an in-place operator's result).
func (s *Set) assign(o *Set) { s.ht, s.table = o.ht, o.table }

// clear removes every element.
func (s *Set) clear() { s.ht.clear(); s.table = setTable{} }

// Has reports whether v is an element.
func (s *Set) Has(th *Thread, v Value) (bool, error) {
	_, ok, err := s.ht.get(th, v)
	return ok, err
}

// Elems returns the elements in CPython's iteration order.
func (s *Set) Elems() []Value { return s.table.keys() }
